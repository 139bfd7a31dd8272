import "server-only";
import { checkScore, checkWhole } from "@/lib/store/checks";
import type { Store } from "@/lib/store/store";

export type MemoryStoreOptions = {
  /** The clock in ms; tests inject one to expire values without waiting. */
  now?: () => number;
  /** How often expired values are swept away; 0 turns the timer off (tests call `sweep()`). */
  sweepEveryMs?: number;
};

export type MemoryStore = Store & {
  readonly kind: "memory";
  /** Forgets every expired value now; returns how many. The timer calls it too. */
  sweep(): number;
};

type Entry = { value: string; expiresAt: number };

const DEFAULT_SWEEP_MS = 60_000;

/**
 * The store of one instance. Values and leases share one key space, as they do in Redis (a lease is a
 * value holding its owner), so `get` and `del` behave alike on both stores; sorted sets live apart.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const now = options.now ?? Date.now;
  const values = new Map<string, Entry>();
  const sets = new Map<string, Map<string, number>>();

  const live = (key: string): Entry | undefined => {
    const entry = values.get(key);
    if (entry === undefined) return undefined;
    // Lazy expiry: a value read after its time is gone, whether or not the sweep has run.
    if (entry.expiresAt <= now()) {
      values.delete(key);
      return undefined;
    }
    return entry;
  };

  const sweep = (): number => {
    const t = now();
    let removed = 0;
    for (const [key, entry] of values) {
      if (entry.expiresAt <= t) {
        values.delete(key);
        removed += 1;
      }
    }
    return removed;
  };

  // Lazy expiry alone would keep every key written once and never read again; the sweep bounds
  // memory by what is live. Unref'd so a store never keeps a process (or a test run) alive.
  const sweepEveryMs = options.sweepEveryMs ?? DEFAULT_SWEEP_MS;
  const timer = sweepEveryMs > 0 ? setInterval(sweep, sweepEveryMs) : undefined;
  timer?.unref();

  const members = (set: string): Map<string, number> | undefined => sets.get(set);
  const dropIfEmpty = (set: string, m: Map<string, number>) => {
    if (m.size === 0) sets.delete(set);
  };

  return {
    kind: "memory",
    sweep,

    async get(key) {
      return live(key)?.value ?? null;
    },
    async mget(keys) {
      return keys.map((key) => live(key)?.value ?? null);
    },
    async set(key, value, ttlSeconds) {
      checkWhole("ttlSeconds", ttlSeconds, 1);
      values.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
    },
    async del(key) {
      values.delete(key);
      sets.delete(key);
    },

    async acquire(key, owner, ttlMs) {
      checkWhole("ttlMs", ttlMs, 1);
      if (live(key) !== undefined) return false;
      values.set(key, { value: owner, expiresAt: now() + ttlMs });
      return true;
    },
    async release(key, owner) {
      if (live(key)?.value === owner) values.delete(key);
    },

    async zadd(set, member, score, opts) {
      checkScore("score", score);
      const m = members(set) ?? new Map<string, number>();
      const old = m.get(member);
      if (opts?.onlyIfAbsent && old !== undefined) return;
      if (opts?.onlyIfLower && old !== undefined && old <= score) return;
      m.set(member, score);
      sets.set(set, m);
    },
    async zdue(set, maxScore, limit) {
      checkScore("maxScore", maxScore);
      checkWhole("limit", limit, 0);
      const m = members(set);
      if (m === undefined) return [];
      // Redis orders equal scores by member; doing the same keeps both stores' answers identical.
      return [...m]
        .filter(([, score]) => score <= maxScore)
        .sort(([a, sa], [b, sb]) => sa - sb || (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, limit)
        .map(([member]) => member);
    },
    async zscore(set, member) {
      return members(set)?.get(member) ?? null;
    },
    async zrem(set, member) {
      const m = members(set);
      if (m === undefined) return;
      m.delete(member);
      dropIfEmpty(set, m);
    },
    async ztrim(set, minScore) {
      checkScore("minScore", minScore);
      const m = members(set);
      if (m === undefined) return 0;
      let removed = 0;
      for (const [member, score] of m) {
        if (score < minScore) {
          m.delete(member);
          removed += 1;
        }
      }
      dropIfEmpty(set, m);
      return removed;
    },
    async zcard(set) {
      return members(set)?.size ?? 0;
    },

    async close() {
      if (timer !== undefined) clearInterval(timer);
    },
  };
}
