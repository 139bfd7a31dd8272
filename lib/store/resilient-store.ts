import "server-only";
import { StoreArgumentError } from "@/lib/store/checks";
import type { Store } from "@/lib/store/store";

export type PrimaryStatus = "ready" | "connecting" | "down";

/** The Redis store as the resilient store sees it; `on` and `downReason` are optional refinements. */
export type PrimaryStore = Store & {
  status(): PrimaryStatus;
  downReason?(): string | null;
  on?(event: "ready" | "down", fn: (reason: string | null) => void): () => void;
};

export type StoreHealth = { state: "ok" } | { state: "degraded"; reason: string; since: string };
export type StoreLog = { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
export type ResilientStore = Store & { health(): StoreHealth };

export type ResilientStoreOptions = {
  now?: () => number;
  /**
   * While an outage is known only from failed calls (Redis connected but not answering: commands
   * time out), one call at most this often tries Redis again; the others go straight to memory
   * rather than each waiting out a command timeout.
   */
  retryEveryMs?: number;
};

type Outage = { reason: string; since: number; retryAt: number };

/**
 * Redis first, memory when Redis fails, never an error to the caller because Redis failed. An outage
 * is logged once when it starts and once when it ends, however many calls it spans. On rejoining,
 * what was written to memory during the outage is dropped: Redis is the one truth again, and the
 * next outage starts cold rather than serving what the last one left behind.
 */
export function createResilientStore(
  primary: PrimaryStore,
  fallback: Store,
  log: StoreLog,
  options: ResilientStoreOptions = {},
): ResilientStore {
  const now = options.now ?? Date.now;
  const retryEveryMs = options.retryEveryMs ?? 5_000;
  const touched = new Set<string>();
  let outage: Outage | null = null;

  const degrade = (reason: string) => {
    if (outage !== null) {
      outage.retryAt = now() + retryEveryMs;
      return;
    }
    outage = { reason, since: now(), retryAt: now() + retryEveryMs };
    log.warn({ store: primary.kind, reason }, "store degraded: answering from memory until Redis is back");
  };
  const rejoin = () => {
    if (outage === null) return;
    const downForMs = now() - outage.since;
    outage = null;
    for (const key of touched) void fallback.del(key).catch(() => undefined);
    touched.clear();
    log.info({ store: primary.kind, downForMs }, "store rejoined: Redis answers again");
  };
  const downReason = () => primary.downReason?.() ?? "Redis is down";

  const unsubscribe = [
    primary.on?.("down", (reason) => degrade(reason ?? downReason())),
    primary.on?.("ready", () => rejoin()),
  ];

  const tryPrimary = () => {
    const status = primary.status();
    if (status === "down") return false;
    return outage === null || now() >= outage.retryAt;
  };

  const call = async <T>(key: string | readonly string[], op: (store: Store) => Promise<T>): Promise<T> => {
    if (tryPrimary()) {
      try {
        const result = await op(primary);
        if (primary.status() === "ready") rejoin();
        return result;
      } catch (error) {
        // A bad argument is the caller's bug, and memory would reject it the same way.
        if (error instanceof StoreArgumentError) throw error;
        degrade(error instanceof Error ? error.message : String(error));
      }
    } else if (outage === null) {
      degrade(downReason());
    }
    for (const k of typeof key === "string" ? [key] : key) touched.add(k);
    return op(fallback);
  };

  return {
    kind: primary.kind,
    health() {
      if (outage === null && primary.status() === "down") degrade(downReason());
      return outage === null
        ? { state: "ok" }
        : { state: "degraded", reason: outage.reason, since: new Date(outage.since).toISOString() };
    },

    get: (key) => call(key, (s) => s.get(key)),
    mget: (keys) => call(keys, (s) => s.mget(keys)),
    set: (key, value, ttlSeconds) => call(key, (s) => s.set(key, value, ttlSeconds)),
    del: (key) => call(key, (s) => s.del(key)),
    acquire: (key, owner, ttlMs) => call(key, (s) => s.acquire(key, owner, ttlMs)),
    release: (key, owner) => call(key, (s) => s.release(key, owner)),
    zadd: (set, member, score, opts) => call(set, (s) => s.zadd(set, member, score, opts)),
    zdue: (set, maxScore, limit) => call(set, (s) => s.zdue(set, maxScore, limit)),
    zscore: (set, member) => call(set, (s) => s.zscore(set, member)),
    zrem: (set, member) => call(set, (s) => s.zrem(set, member)),
    ztrim: (set, minScore) => call(set, (s) => s.ztrim(set, minScore)),
    zcard: (set) => call(set, (s) => s.zcard(set)),

    async close() {
      for (const off of unsubscribe) off?.();
      await Promise.allSettled([primary.close(), fallback.close()]);
    },
  };
}
