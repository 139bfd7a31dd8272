import { describe, expect, it } from "vitest";
import { RateLimiter } from "./limiter";
import { TokenBucket } from "./token-bucket";

describe("TokenBucket", () => {
  it("spends capacity then refuses with the wait until the next refill", () => {
    const bucket = new TokenBucket({ capacity: 3, refillRate: 2, refillSeconds: 60 }, 0);
    expect(bucket.take(0)).toEqual({ ok: true, remaining: 2 });
    expect(bucket.take(1000)).toEqual({ ok: true, remaining: 1 });
    expect(bucket.take(2000)).toEqual({ ok: true, remaining: 0 });
    expect(bucket.take(5000)).toEqual({ ok: false, remaining: 0, retryAfterSeconds: 55 });
  });

  it("refills in whole intervals and never above capacity", () => {
    const bucket = new TokenBucket({ capacity: 5, refillRate: 2, refillSeconds: 60 }, 0);
    for (let i = 0; i < 5; i++) bucket.take(0);
    expect(bucket.remaining(59_999)).toBe(0);
    expect(bucket.remaining(60_000)).toBe(2);
    expect(bucket.remaining(120_000)).toBe(4);
    expect(bucket.remaining(10 * 60_000)).toBe(5);
  });

  it("keeps the refill phase across partial intervals", () => {
    const bucket = new TokenBucket({ capacity: 1, refillRate: 1, refillSeconds: 60 }, 0);
    bucket.take(0);
    expect(bucket.take(90_000).ok).toBe(true); // one refill happened at 60 s
    const refused = bucket.take(100_000);
    expect(refused).toEqual({ ok: false, remaining: 0, retryAfterSeconds: 20 }); // next refill at 120 s
  });
});

describe("RateLimiter", () => {
  it("keeps one bucket per endpoint set and scope, with Atlas's 429 body", () => {
    let now = 0;
    const limiter = new RateLimiter(() => now, { backupCapacity: 2, backupRefillPerMinute: 1 });
    limiter.admit("cloud-backups", "g1", "api/atlas/v2/groups/g1/clusters/c/backup/restoreJobs");
    const second = limiter.admit("cloud-backups", "g1", "x");
    expect(second.headers).toEqual({ "RateLimit-Limit": "2", "RateLimit-Remaining": "0" });
    expect(limiter.admit("cloud-backups", "g2", "x").headers["RateLimit-Remaining"]).toBe("1");
    now = 30_000;
    try {
      limiter.admit("cloud-backups", "g1", "api/atlas/v2/x");
      expect.unreachable();
    } catch (err) {
      const e = err as { status: number; body(): unknown; headers: Record<string, string> };
      expect(e.status).toBe(429);
      expect(e.body()).toEqual({
        detail:
          "Rate limit exceeded for api/atlas/v2/x. Please retry after 30 seconds. Request capacity: 2. Refill rate: 1 per 60 seconds.",
        error: 429,
        errorCode: "RATE_LIMITED_TOKEN_BUCKET",
        parameters: ["api/atlas/v2/x", 30, 2, 1, 60],
        reason: "Too Many Requests",
      });
      expect(e.headers["Retry-After"]).toBe("30");
    }
  });
});
