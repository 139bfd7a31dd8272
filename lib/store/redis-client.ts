import "server-only";
import { Redis, type Cluster } from "ioredis";

/**
 * A standalone client from a URL (`redis://` or `rediss://` for TLS, with user, password and db in
 * the URL as ioredis parses them). A managed Redis behind Sentinel, or a Redis Cluster, is used
 * through ioredis's own support: build `new Redis({ sentinels, name })` or `new Cluster(nodes)` at
 * the composition root and hand it to `createRedisStore({ redis })`. Every store command touches a
 * single key, so a Cluster needs no hash tag today; if a multi-key script or MULTI is ever added,
 * put the prefix in braces (`{backwatch}`) so every key of the store hashes to one slot (the read
 * model is small, so giving up sharding costs nothing).
 */
export type RedisClient = Redis | Cluster;

export type RedisClientOptions = {
  /** Time to open the TCP (and TLS) connection before the attempt counts as failed. */
  connectTimeoutMs?: number;
  /** Time for one command's reply; past it the command rejects and the caller falls back. */
  commandTimeoutMs?: number;
};

const MAX_RETRY_DELAY_MS = 2_000;

/**
 * A client that fails fast instead of waiting for Redis. The offline queue is off and in-flight
 * commands are not resent, because a command replayed after an outage is a stale write (a `set`
 * over a newer value, an `acquire` nobody awaits any more): a command either runs now or rejects,
 * and the resilient store answers it from memory. Reconnection never stops; the backoff is capped
 * so Redis rejoins within about two seconds of coming back. rate-limiter-flexible's RateLimiterRedis
 * asks for exactly this (`enableOfflineQueue: false`), so the budget can share the connection.
 */
export function redisClientFor(url: string, options: RedisClientOptions = {}): Redis {
  return new Redis(url, {
    connectTimeout: options.connectTimeoutMs ?? 2_000,
    commandTimeout: options.commandTimeoutMs ?? 1_000,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    retryStrategy: (attempt) =>
      Math.min(100 * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS) + Math.floor(Math.random() * 100),
  });
}
