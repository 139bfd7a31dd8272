// The public options of startSimulator (contract: lib/simulator/README.md) and their defaults.
import { DEMO_CREDENTIALS } from "../demo-defaults";
import type { CredentialSet, ExtraCredential } from "./auth/principals";
import type { RateLimitOptions } from "./rate-limit/limiter";

export interface SimulatorOptions {
  host?: string;
  port?: number;
  seed?: number;
  scale?: number;
  speed?: number;
  control?: boolean;
  tenantSunset?: boolean;
  rateLimit?: RateLimitOptions;
  tokenTtlSeconds?: number;
  credentials?: CredentialSet;
  extraCredentials?: ExtraCredential[];
  quiet?: boolean;
  /** Extension: fixed simulated start time (ISO string or Unix ms) for byte-identical data. Default: now. */
  startTime?: string | number;
  /** HTTPS: true makes a self-signed certificate at start; or the PEM files to serve. Default: plain HTTP. */
  tls?: boolean | { certPath: string; keyPath: string };
  /** Extension: digest nonce lifetime in protocol seconds (wall time plus clock advances). Default 300. */
  nonceTtlSeconds?: number;
  /**
   * Extension: the last N projects are listed by GET /groups, but every request under /groups/{id}
   * answers 403 ACCESS_FORBIDDEN, as for a project the credential lacks a role in. Default 0.
   */
  unreadableProjects?: number;
}

export interface RunningSimulator {
  url: string;
  port: number;
  credentials: CredentialSet;
  /** Set when serving HTTPS: the certificate a client should trust, and where it is on disk. */
  tls?: { cert: string; certPath: string };
  close(): Promise<void>;
}

export type ResolvedOptions = Required<
  Omit<SimulatorOptions, "startTime" | "rateLimit" | "credentials" | "extraCredentials" | "tls">
> & {
  tls: SimulatorOptions["tls"];
  startMs: number;
  rateLimit: RateLimitOptions;
  credentials: CredentialSet;
  extraCredentials: ExtraCredential[];
};

/** Env credentials when all four are set... each pair independently, else the demo credentials. */
export function defaultCredentials(env: NodeJS.ProcessEnv = process.env): CredentialSet {
  const clientId = env.ATLAS_CLIENT_ID;
  const clientSecret = env.ATLAS_CLIENT_SECRET;
  const publicKey = env.ATLAS_PUBLIC_KEY;
  const privateKey = env.ATLAS_PRIVATE_KEY;
  const sa =
    clientId && clientSecret
      ? { clientId, clientSecret }
      : { clientId: DEMO_CREDENTIALS.clientId, clientSecret: DEMO_CREDENTIALS.clientSecret };
  const key =
    publicKey && privateKey
      ? { publicKey, privateKey }
      : { publicKey: DEMO_CREDENTIALS.publicKey, privateKey: DEMO_CREDENTIALS.privateKey };
  return { ...sa, ...key };
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number`);
  return value;
}

function count(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be an integer >= 0`);
  return value;
}

export function resolveOptions(o: SimulatorOptions = {}): ResolvedOptions {
  const startMs =
    o.startTime === undefined ? Date.now() : typeof o.startTime === "number" ? o.startTime : Date.parse(o.startTime);
  if (!Number.isFinite(startMs)) throw new RangeError("startTime must be an ISO date or Unix milliseconds");
  const port = o.port ?? 4010;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RangeError("port must be an integer from 0 to 65535");
  return {
    host: o.host ?? "127.0.0.1",
    port,
    seed: Math.trunc(o.seed ?? 1),
    scale: positive("scale", o.scale ?? 1),
    speed: positive("speed", o.speed ?? 1),
    control: o.control ?? false,
    tenantSunset: o.tenantSunset ?? false,
    rateLimit: o.rateLimit ?? {},
    tokenTtlSeconds: positive("tokenTtlSeconds", o.tokenTtlSeconds ?? 3600),
    credentials: o.credentials ?? defaultCredentials(),
    extraCredentials: o.extraCredentials ?? [],
    quiet: o.quiet ?? false,
    tls: o.tls ?? false,
    nonceTtlSeconds: positive("nonceTtlSeconds", o.nonceTtlSeconds ?? 300),
    unreadableProjects: count("unreadableProjects", o.unreadableProjects ?? 0),
    startMs,
  };
}
