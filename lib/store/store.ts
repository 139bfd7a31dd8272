import "server-only";

/**
 * The shared read model's storage: one contract, two implementations (in memory for one instance,
 * Redis when several run). It stores opaque strings; what they mean (entries, their shape and
 * validation) belongs to the read model above it. Every key is relative: an implementation adds its
 * own prefix (Redis: `${prefix}:${key}`) and applies the TTLs given.
 *
 * Every method may reject when the backing service fails; callers (the resilient store) decide what
 * a failure means. A bad argument (a TTL below 1 or not whole, a score that is not finite, a negative
 * limit) rejects with StoreArgumentError on every implementation, before anything is stored. None may
 * throw synchronously.
 */
export interface Store {
  readonly kind: "memory" | "redis";

  /** The value last set for `key`, or null if none or expired. */
  get(key: string): Promise<string | null>;
  /** `get` of many keys in one round trip, in their order (an empty list answers an empty list). */
  mget(keys: readonly string[]): Promise<(string | null)[]>;
  /** Sets `key` for `ttlSeconds` (a whole number, at least 1). */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Deletes `key`, whatever it holds (a value, a lease, a sorted set). */
  del(key: string): Promise<void>;

  /**
   * Takes the lease `key` for `owner` for `ttlMs` if nobody holds it (or its holder's lease ran out,
   * so a crashed instance blocks nobody for long). True when `owner` took it now; false while anyone
   * holds it, `owner` included (a lease is not extended: release it and acquire again). A lease is a
   * value holding its owner, in the same key space: `get(key)` names the holder.
   */
  acquire(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease back, only if `owner` still holds it (never someone else's lease). */
  release(key: string, owner: string): Promise<void>;

  /**
   * A sorted set of members with a numeric score (a time in ms): the schedule of resources and the
   * set of resources viewers asked for. `zadd` sets (or moves) the member's score; with `onlyIfLower`
   * it keeps the smaller of the old and new score; with `onlyIfAbsent` it never moves a member already there.
   */
  zadd(
    set: string,
    member: string,
    score: number,
    options?: { onlyIfLower?: boolean; onlyIfAbsent?: boolean },
  ): Promise<void>;
  /** Members whose score is <= `maxScore`, lowest score first (equal scores by member), at most `limit`. */
  zdue(set: string, maxScore: number, limit: number): Promise<string[]>;
  /** The member's score, or null. */
  zscore(set: string, member: string): Promise<number | null>;
  zrem(set: string, member: string): Promise<void>;
  /** Removes members whose score is < `minScore`; returns how many. */
  ztrim(set: string, minScore: number): Promise<number>;
  zcard(set: string): Promise<number>;

  /** Closes connections and timers. */
  close(): Promise<void>;
}
