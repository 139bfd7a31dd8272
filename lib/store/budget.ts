import "server-only";
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type Redis from "ioredis";

export interface BudgetConfig {
  /** Atlas's bucket for the Cloud Backups endpoint set, per project (GET /rateLimits reports it). */
  capacity: number;
  refillPerMinute: number;
  /** The part of it Backwatch may spend, so the project's other tools keep the rest. */
  share: number;
  /**
   * The bucket Atlas really applies to a project, when known (read from GET /rateLimits, where an
   * override shows): undefined keeps the configured capacity and refill. Asked on every take, so it
   * must answer from memory.
   */
  limitsOf?(scope: string): { capacity: number; refillPerMinute: number } | undefined;
}

export interface Budget {
  /** Takes `calls` tokens for `scope` (a project); false with the wait when its share is spent. */
  take(scope: string, calls: number): Promise<{ ok: true } | { ok: false; retryAfterMs: number }>;
  /** Charges calls that were made beyond what was taken (a list grew a page), without refusing. */
  charge(scope: string, calls: number): Promise<void>;
  /** Tokens left now, of the share (for health and metrics). */
  remaining(scope: string): Promise<number>;
  /** The configured share (a project's own bucket may differ: `limitsFor`). */
  readonly limits: { sustainedPerMinute: number; burst: number };
  /** The share applied to this project now. */
  limitsFor(scope: string): { sustainedPerMinute: number; burst: number };
}

/**
 * Atlas's token bucket (capacity C, refill R a minute) mirrored with rate-limiter-flexible, scaled
 * by the share: a sustained limiter of R per minute plus a burst limiter holding the rest of C,
 * which refills over the C/R minutes the bucket takes to fill. Fixed windows admit at most twice a
 * window at a boundary; at the default share of a half that still stays inside Atlas's bucket.
 * With Redis every instance draws from the same budget (and falls back to memory if it fails).
 * A project whose bucket Atlas reports differently gets limiters of its own size, under keys
 * naming that size, so a change of size starts a fresh count rather than misreading the old one.
 */
export function createBudget(config: BudgetConfig, redis?: { client: Redis; prefix: string }): Budget {
  const make = (keyPrefix: string, points: number, duration: number) => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    return redis
      ? new RateLimiterRedis({
          storeClient: redis.client,
          keyPrefix: `${redis.prefix}:${keyPrefix}`,
          points,
          duration,
          insuranceLimiter: memory,
        })
      : memory;
  };
  function bucket(capacity: number, refillPerMinute: number, suffix: string) {
    const sustained = Math.max(1, Math.floor(refillPerMinute * config.share));
    const burst = Math.max(0, Math.floor((capacity - refillPerMinute) * config.share));
    const burstSeconds = Math.max(60, Math.ceil((capacity / refillPerMinute) * 60));
    const main = make(`budget${suffix}`, sustained, 60);
    const extra = make(`budget-burst${suffix}`, Math.max(1, burst), burstSeconds);
    const limiter = burst > 0 ? new BurstyRateLimiter(main, extra) : main;
    return { sustained, burst, main, extra, limiter };
  }
  const configured = bucket(config.capacity, config.refillPerMinute, "");
  const sized = new Map<string, ReturnType<typeof bucket>>();
  function bucketOf(scope: string) {
    const own = config.limitsOf?.(scope);
    if (!own || (own.capacity === config.capacity && own.refillPerMinute === config.refillPerMinute)) return configured;
    const id = `${own.capacity}-${own.refillPerMinute}`;
    let b = sized.get(id);
    if (!b) sized.set(id, (b = bucket(own.capacity, own.refillPerMinute, `-${id}`)));
    return b;
  }

  return {
    limits: { sustainedPerMinute: configured.sustained, burst: configured.burst },
    limitsFor(scope) {
      const b = bucketOf(scope);
      return { sustainedPerMinute: b.sustained, burst: b.burst };
    },
    async take(scope, calls) {
      try {
        await bucketOf(scope).limiter.consume(scope, calls);
        return { ok: true };
      } catch (error) {
        if (error instanceof RateLimiterRes) return { ok: false, retryAfterMs: Math.max(1000, error.msBeforeNext) };
        throw error;
      }
    },
    async charge(scope, calls) {
      if (calls > 0) await bucketOf(scope).main.penalty(scope, calls);
    },
    async remaining(scope) {
      const { main, extra, sustained, burst } = bucketOf(scope);
      const [a, b] = await Promise.all([main.get(scope), burst > 0 ? extra.get(scope) : null]);
      return Math.max(0, sustained - (a?.consumedPoints ?? 0)) + Math.max(0, burst - (b?.consumedPoints ?? 0));
    },
  };
}
