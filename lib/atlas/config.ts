import "server-only";
import type { SharedTokens } from "./auth/token-cache";

// What the Atlas client and services are built from. lib/atlas reads no environment: the composition
// root (lib/server/atlas-services.ts) fills these in from the validated env.

export type AtlasCredentials =
  | { kind: "service-account"; clientId: string; clientSecret: string }
  | { kind: "api-key"; publicKey: string; privateKey: string };

/** One HTTP exchange with Atlas (each retry and each auth round trip is one), as metrics count it. */
export interface AtlasCallEvent {
  /** The operation's id in operations.ts. */
  operation: string;
  /** Atlas's HTTP status, or why no answer came. */
  status: number | "timeout" | "network";
  /** The project the call was for; undefined outside one (the project list). */
  groupId?: string;
  durationMs: number;
}

export interface AtlasClientConfig {
  /** Atlas origin, e.g. https://cloud.mongodb.com; the API lives under /api/atlas/v2, the token under /api/oauth/token. */
  baseUrl: string;
  credentials: AtlasCredentials;
  /** Deadline of one logical call, retries and rate-limit waits included. */
  timeoutMs: number;
  maxRetries: number;
  /** First backoff step; p-retry doubles it and multiplies by a random factor in [1, 2). */
  retryMinDelayMs?: number;
  fetch?: typeof fetch;
  /** Service accounts: one token for every instance, kept by the composition root. */
  sharedTokens?: SharedTokens;
  /** Told of every exchange with Atlas, for metrics; it must not throw. */
  onCall?: (event: AtlasCallEvent) => void;
}

export interface AtlasServiceConfig {
  /** Empty = every project the credentials can see. */
  projectAllowlist: readonly string[];
  /** How many upstream pages one list fetches at once after the first page. */
  pageConcurrency?: number;
}
