import "server-only";
import type { AtlasCredentials } from "@/lib/server/env";
import { serverEnv } from "@/lib/server/env";

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
}

export interface AtlasServiceConfig {
  /** Empty = every project the credentials can see. */
  projectAllowlist: readonly string[];
  /** How many upstream pages one list fetches at once after the first page. */
  pageConcurrency?: number;
}

export function clientConfigFromEnv(): AtlasClientConfig {
  const env = serverEnv();
  return {
    baseUrl: env.ATLAS_BASE_URL,
    credentials: env.atlasCredentials,
    timeoutMs: env.ATLAS_TIMEOUT_MS,
    maxRetries: env.ATLAS_MAX_RETRIES,
  };
}

export function serviceConfigFromEnv(): AtlasServiceConfig {
  return { projectAllowlist: serverEnv().BACKWATCH_PROJECT_ALLOWLIST };
}
