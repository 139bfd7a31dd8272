// Endpoint sets, scopes and limits as Atlas docs: atlas/api/api-rate-limit lists them (April 2026);
// one bucket per (set, scope key).
import { AtlasErrorResponse } from "../http/error-response";
import { TokenBucket, type BucketConfig } from "./token-bucket";

export type EndpointSet =
  | "cloud-backups"
  | "flex-restore-jobs"
  | "flex-snapshots"
  | "flex-clusters"
  | "clusters-group"
  | "projects-group"
  | "projects-user"
  | "organizations-user"
  | "events"
  | "rate-limits"
  | "oauth-token";

export interface RateLimitOptions {
  backupCapacity?: number;
  backupRefillPerMinute?: number;
  tokenCapacity?: number;
  tokenRefillPerMinute?: number;
}

export function bucketConfigs(o: RateLimitOptions = {}): Record<EndpointSet, BucketConfig> {
  const backup = { capacity: o.backupCapacity ?? 1200, refillRate: o.backupRefillPerMinute ?? 500, refillSeconds: 60 };
  return {
    "cloud-backups": backup,
    "flex-restore-jobs": backup,
    "flex-snapshots": backup,
    "flex-clusters": { capacity: 1200, refillRate: 500, refillSeconds: 60 },
    "clusters-group": { capacity: 10000, refillRate: 5000, refillSeconds: 60 },
    "projects-group": { capacity: 1200, refillRate: 500, refillSeconds: 60 },
    "projects-user": { capacity: 1200, refillRate: 500, refillSeconds: 60 },
    "organizations-user": { capacity: 300, refillRate: 100, refillSeconds: 60 },
    // [UNCERTAIN] The April 2026 table names no set for events or rate-limit inspection; Projects' figures.
    events: { capacity: 1200, refillRate: 500, refillSeconds: 60 },
    "rate-limits": { capacity: 1200, refillRate: 500, refillSeconds: 60 },
    "oauth-token": { capacity: o.tokenCapacity ?? 10, refillRate: o.tokenRefillPerMinute ?? 10, refillSeconds: 60 },
  };
}

export interface Admission {
  headers: Record<string, string>;
}

export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly configs: Record<EndpointSet, BucketConfig>;

  constructor(
    private readonly nowMs: () => number,
    options?: RateLimitOptions,
  ) {
    this.configs = bucketConfigs(options);
  }

  /** Takes one token or throws Atlas's 429. `resourcePath` is the request path without its leading slash. */
  admit(set: EndpointSet, scopeKey: string, resourcePath: string): Admission {
    const key = `${set}|${scopeKey}`;
    const config = this.configs[set];
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(config, this.nowMs());
      this.buckets.set(key, bucket);
    }
    const result = bucket.take(this.nowMs());
    const headers = { "RateLimit-Limit": String(config.capacity), "RateLimit-Remaining": String(result.remaining) };
    if (result.ok) return { headers };
    throw rateLimitedError(resourcePath, result.retryAfterSeconds, config, headers);
  }

  /** The bucket parameters this simulator applies to a set (GET /rateLimits reports them). */
  configOf(set: EndpointSet): BucketConfig {
    return this.configs[set];
  }

  reset(): void {
    this.buckets.clear();
  }
}

export function rateLimitedError(
  resourcePath: string,
  retryAfter: number,
  c: BucketConfig,
  headers: Record<string, string>,
): AtlasErrorResponse {
  return new AtlasErrorResponse(
    429,
    "RATE_LIMITED_TOKEN_BUCKET",
    `Rate limit exceeded for ${resourcePath}. Please retry after ${retryAfter} seconds. Request capacity: ${c.capacity}. Refill rate: ${c.refillRate} per ${c.refillSeconds} seconds.`,
    [resourcePath, retryAfter, c.capacity, c.refillRate, c.refillSeconds],
    { ...headers, "Retry-After": String(retryAfter) },
  );
}
