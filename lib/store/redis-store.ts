import "server-only";
import { checkScore, checkWhole } from "@/lib/store/checks";
import { redisClientFor, type RedisClient, type RedisClientOptions } from "@/lib/store/redis-client";
import {
  watchConnection,
  type ConnectionEvent,
  type ConnectionListener,
  type ConnectionStatus,
} from "@/lib/store/redis-connection";
import type { Store } from "@/lib/store/store";

export type RedisStoreOptions = {
  /** Every key is `${prefix}:${key}`; two stores with different prefixes never see each other's keys. */
  prefix: string;
} & (
  | ({ url: string } & RedisClientOptions)
  /** A client built elsewhere (Sentinel, Cluster, or one shared with the budget); its owner closes it. */
  | { redis: RedisClient }
);

export type RedisStore = Store & {
  readonly kind: "redis";
  /** The client, for the budget's RateLimiterRedis to share. */
  readonly client: RedisClient;
  status(): ConnectionStatus;
  /** Why Redis is down, or null. */
  downReason(): string | null;
  on(event: ConnectionEvent, fn: ConnectionListener): () => void;
};

// Compares before deleting, in one atomic step, so a holder whose lease ran out (and was taken by
// another instance) can never delete the new holder's lease. EVAL rather than a defined command
// leaves a shared client untouched; the script is a few bytes and releases are rare.
const RELEASE = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0`;

export function createRedisStore(options: RedisStoreOptions): RedisStore {
  if (options.prefix === "") throw new Error("createRedisStore: the prefix must not be empty");
  const owned = !("redis" in options);
  const client = "redis" in options ? options.redis : redisClientFor(options.url, options);
  const connection = watchConnection(client);
  const firstConnectMs = ("connectTimeoutMs" in options ? options.connectTimeoutMs : undefined) ?? 2_000;
  const k = (key: string) => `${options.prefix}:${key}`;

  // With the offline queue off, a command sent in the first milliseconds (before the handshake)
  // would fail and flap the resilient store into "degraded" at every boot; wait for the first
  // connection, bounded by the connect timeout. One wait shared by every early call.
  let booting: Promise<void> | undefined;
  const run = async <T>(command: () => Promise<T>): Promise<T> => {
    if (connection.status() === "connecting") {
      booting ??= connection.ready(firstConnectMs + 500).finally(() => (booting = undefined));
      await booting;
    }
    return command();
  };

  return {
    kind: "redis",
    client,
    status: connection.status,
    downReason: connection.reason,
    on: connection.on,

    get: (key) => run(() => client.get(k(key))),
    async mget(keys) {
      const out: (string | null)[] = [];
      // Chunks keep one reply (and Redis's time on it) bounded on a large estate.
      for (let i = 0; i < keys.length; i += 500) {
        const chunk = keys.slice(i, i + 500).map(k);
        out.push(...(await run(() => client.mget(...chunk))));
      }
      return out;
    },
    async set(key, value, ttlSeconds) {
      checkWhole("ttlSeconds", ttlSeconds, 1);
      await run(() => client.set(k(key), value, "EX", ttlSeconds));
    },
    async del(key) {
      await run(() => client.del(k(key)));
    },

    async acquire(key, owner, ttlMs) {
      checkWhole("ttlMs", ttlMs, 1);
      return (await run(() => client.set(k(key), owner, "PX", ttlMs, "NX"))) === "OK";
    },
    async release(key, owner) {
      await run(() => client.eval(RELEASE, 1, k(key), owner));
    },

    async zadd(set, member, score, opts) {
      checkScore("score", score);
      // LT (Redis >= 6.2, which ioredis 6 requires anyway) still adds a new member; it only keeps
      // an existing member's score from rising.
      if (opts?.onlyIfAbsent) await run(() => client.zadd(k(set), "NX", score, member));
      else if (opts?.onlyIfLower) await run(() => client.zadd(k(set), "LT", score, member));
      else await run(() => client.zadd(k(set), score, member));
    },
    async zdue(set, maxScore, limit) {
      checkScore("maxScore", maxScore);
      checkWhole("limit", limit, 0);
      // A negative LIMIT count means "all" to Redis; checkWhole has ruled it out.
      return run(() => client.zrange(k(set), "-inf", String(maxScore), "BYSCORE", "LIMIT", 0, limit));
    },
    async zscore(set, member) {
      const score = await run(() => client.zscore(k(set), member));
      return score === null ? null : Number(score);
    },
    async zrem(set, member) {
      await run(() => client.zrem(k(set), member));
    },
    async ztrim(set, minScore) {
      checkScore("minScore", minScore);
      return run(() => client.zremrangebyscore(k(set), "-inf", `(${minScore}`));
    },
    zcard: (set) => run(() => client.zcard(k(set))),

    async close() {
      connection.stop();
      if (!owned) return;
      // QUIT lets pending replies arrive; when Redis is down there is nothing to wait for.
      if (client.status === "ready") await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
}
