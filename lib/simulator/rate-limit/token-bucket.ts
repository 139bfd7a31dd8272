// Atlas's token bucket: one request costs one token; `refillRate` tokens come back every
// `refillSeconds` (in whole intervals, as the docs describe), never above `capacity`.

export interface BucketConfig {
  capacity: number;
  refillRate: number;
  refillSeconds: number;
}

export type TakeResult = { ok: true; remaining: number } | { ok: false; remaining: 0; retryAfterSeconds: number };

export class TokenBucket {
  private tokens: number;
  private lastRefillMs: number;

  constructor(
    readonly config: BucketConfig,
    nowMs: number,
  ) {
    this.tokens = config.capacity;
    this.lastRefillMs = nowMs;
  }

  private refill(nowMs: number): void {
    const intervalMs = this.config.refillSeconds * 1000;
    const intervals = Math.floor((nowMs - this.lastRefillMs) / intervalMs);
    if (intervals <= 0) return;
    this.tokens = Math.min(this.config.capacity, this.tokens + intervals * this.config.refillRate);
    this.lastRefillMs += intervals * intervalMs;
  }

  take(nowMs: number): TakeResult {
    this.refill(nowMs);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true, remaining: this.tokens };
    }
    const waitMs = this.lastRefillMs + this.config.refillSeconds * 1000 - nowMs;
    return { ok: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  remaining(nowMs: number): number {
    this.refill(nowMs);
    return this.tokens;
  }
}
