import "server-only";
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type Redis from "ioredis";

export interface BudgetConfig {
  /** Atlas's bucket for the Cloud Backups endpoint set, per project (GET /rateLimits reports it). */
  capacity: number;
  refillPerMinute: number;
  /** The part of it Backwatch may spend, so the project's other tools keep the rest. */
  share: number;
}

export interface Budget {
  /** Takes `calls` tokens for `scope` (a project); false with the wait when its share is spent. */
  take(scope: string, calls: number): Promise<{ ok: true } | { ok: false; retryAfterMs: number }>;
  /** Charges calls that were made beyond what was taken (a list grew a page), without refusing. */
  charge(scope: string, calls: number): Promise<void>;
  /** Tokens left now, of the share (for health and metrics). */
  remaining(scope: string): Promise<number>;
  readonly limits: { sustainedPerMinute: number; burst: number };
}

/**
 * Atlas's token bucket (capacity C, refill R a minute) mirrored with rate-limiter-flexible, scaled
 * by the share: a sustained limiter of R per minute plus a burst limiter holding the rest of C,
 * which refills over the C/R minutes the bucket takes to fill. Fixed windows admit at most twice a
 * window at a boundary; at the default share of a half that still stays inside Atlas's bucket.
 * With Redis every instance draws from the same budget (and falls back to memory if it fails).
 */
export function createBudget(config: BudgetConfig, redis?: { client: Redis; prefix: string }): Budget {
  const sustained = Math.max(1, Math.floor(config.refillPerMinute * config.share));
  const burst = Math.max(0, Math.floor((config.capacity - config.refillPerMinute) * config.share));
  const burstSeconds = Math.max(60, Math.ceil((config.capacity / config.refillPerMinute) * 60));
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
  const main = make("budget", sustained, 60);
  const extra = make("budget-burst", Math.max(1, burst), burstSeconds);
  const limiter = burst > 0 ? new BurstyRateLimiter(main, extra) : main;

  return {
    limits: { sustainedPerMinute: sustained, burst },
    async take(scope, calls) {
      try {
        await limiter.consume(scope, calls);
        return { ok: true };
      } catch (error) {
        if (error instanceof RateLimiterRes) return { ok: false, retryAfterMs: Math.max(1000, error.msBeforeNext) };
        throw error;
      }
    },
    async charge(scope, calls) {
      if (calls > 0) await main.penalty(scope, calls);
    },
    async remaining(scope) {
      const [a, b] = await Promise.all([main.get(scope), burst > 0 ? extra.get(scope) : null]);
      return Math.max(0, sustained - (a?.consumedPoints ?? 0)) + Math.max(0, burst - (b?.consumedPoints ?? 0));
    },
  };
}
