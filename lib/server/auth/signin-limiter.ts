import "server-only";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { tooManyAttemptsCode } from "@/lib/signin/messages";

export interface SignInLimits {
  /** Failed attempts one user name may have per window before it is locked for the rest of it. */
  perName: number;
  /** The same for one client address, across all names (slows a spray over many names). */
  perAddress: number;
  windowSeconds: number;
}

/** Thrown by check() and fail(); next-auth passes its message to the sign-in form as the error code. */
export class TooManyAttempts extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(tooManyAttemptsCode(retryAfterSeconds));
    this.name = "TooManyAttempts";
  }
}

/**
 * Failed sign-ins counted per user name and per client address (rate-limiter-flexible: in memory for
 * one instance; with the shared Redis every instance counts the same failures, falling back to
 * memory while Redis is away). Only failures count, so a team signing in from one office address is
 * never slowed by its successes.
 */
export function createSignInLimiter(limits: SignInLimits, redis?: { client: Redis; prefix: string }) {
  const make = (keyPrefix: string, points: number) => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration: limits.windowSeconds });
    if (!redis) return memory;
    return new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: `${redis.prefix}:${keyPrefix}`,
      points,
      duration: limits.windowSeconds,
      insuranceLimiter: memory,
    });
  };
  const byName = make("signin-name", limits.perName);
  const byAddress = make("signin-addr", limits.perAddress);
  const seconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

  return {
    /** Throws TooManyAttempts while either key has used up its failures. */
    async check(name: string, address: string): Promise<void> {
      const [n, a] = await Promise.all([byName.get(name), byAddress.get(address)]);
      const blocked = [
        n && n.consumedPoints >= limits.perName ? n : null,
        a && a.consumedPoints >= limits.perAddress ? a : null,
      ].filter((r): r is RateLimiterRes => r !== null);
      if (blocked.length > 0) throw new TooManyAttempts(Math.max(...blocked.map(seconds)));
    },
    /** Counts a failure; throws TooManyAttempts when this one used up the last attempt. */
    async fail(name: string, address: string): Promise<void> {
      const results = await Promise.allSettled([byName.consume(name), byAddress.consume(address)]);
      const over = results.flatMap((r) =>
        r.status === "rejected" && r.reason instanceof RateLimiterRes ? [r.reason] : [],
      );
      const spent = results.flatMap((r) =>
        r.status === "fulfilled" && r.value.remainingPoints === 0 ? [r.value] : [],
      );
      const limited = [...over, ...spent];
      if (limited.length > 0) throw new TooManyAttempts(Math.max(...limited.map(seconds)));
    },
    /** A correct password clears that name's failures (not the address's: a spray stays slowed). */
    async succeed(name: string): Promise<void> {
      await byName.delete(name);
    },
  };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;

/**
 * The client's address from X-Forwarded-For: with `trustedHops` proxies in front, each appending
 * the address it saw, the entry that many places from the right is the one the nearest proxy we
 * trust recorded. Entries further left were written by the client and prove nothing.
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedHops: number): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (hops.length === 0) return "unknown";
  return hops[Math.max(0, hops.length - Math.max(1, trustedHops))]!;
}
