import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { redisClientFor } from "@/lib/store/redis-client";
import { createRedisStore } from "@/lib/store/redis-store";
import { describeStoreContract } from "@/lib/store/store.contract";
import { freePort, startRedis, type RedisServer } from "@/lib/store/testing/redis-server";

let server: RedisServer;
beforeAll(async () => {
  server = await startRedis();
});
afterAll(async () => {
  await server?.stop();
});

describeStoreContract("redis", () => ({
  open: (prefix) => createRedisStore({ url: server.url, prefix }),
  advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}));

describe("redis store", () => {
  it("writes `${prefix}:${key}`, value TTLs in seconds and lease TTLs in ms", async () => {
    const raw = new Redis(server.url);
    const prefix = `{bw-${randomUUID()}}`;
    const store = createRedisStore({ url: server.url, prefix });
    await store.set("job:1", "v", 30);
    await store.acquire("lease", "me", 1_500);
    await store.zadd("due", "m", 1_700_000_000_000);
    expect(await raw.get(`${prefix}:job:1`)).toBe("v");
    expect(await raw.ttl(`${prefix}:job:1`)).toBeGreaterThanOrEqual(29);
    const leaseMs = await raw.pttl(`${prefix}:lease`);
    expect(leaseMs).toBeGreaterThan(1_000);
    expect(leaseMs).toBeLessThanOrEqual(1_500);
    expect(await raw.zscore(`${prefix}:due`, "m")).toBe("1700000000000");
    expect((await raw.keys(`${prefix}:*`)).sort()).toEqual([`${prefix}:due`, `${prefix}:job:1`, `${prefix}:lease`]);
    await store.close();
    await raw.quit();
  });

  it("uses a client it is given, for the budget to share, and leaves it open on close", async () => {
    const client = redisClientFor(server.url);
    const store = createRedisStore({ redis: client, prefix: `shared-${randomUUID()}` });
    expect(store.client).toBe(client);
    await store.set("k", "v", 60);
    await store.close();
    expect(await client.ping()).toBe("PONG");
    await client.quit();
  });

  it("builds clients that fail fast, with TLS for rediss:// URLs", () => {
    const tls = redisClientFor("rediss://127.0.0.1:1");
    const plain = redisClientFor("redis://127.0.0.1:1");
    expect(tls.options.tls).toBeTruthy();
    expect(plain.options.tls).toBeFalsy();
    expect(plain.options).toMatchObject({
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
    });
    expect(plain.options.commandTimeout).toBeGreaterThan(0);
    tls.disconnect();
    plain.disconnect();
  });

  it("waits for its first connection rather than failing the first commands, all of them on one wait", async () => {
    const warnings = vi.spyOn(process, "emitWarning");
    const store = createRedisStore({ url: server.url, prefix: `boot-${randomUUID()}` });
    expect(store.status()).toBe("connecting");
    const early = await Promise.all(Array.from({ length: 30 }, (_, i) => store.zadd("s", `m${i}`, i)));
    expect(early).toHaveLength(30);
    expect(await store.zcard("s")).toBe(30);
    expect(store.status()).toBe("ready");
    expect(warnings).not.toHaveBeenCalled();
    warnings.mockRestore();
    await store.close();
  });

  it("is down, with the reason, when Redis was never up, and rejects within the connect timeout", async () => {
    const store = createRedisStore({
      url: `redis://127.0.0.1:${await freePort()}`,
      prefix: "never",
      connectTimeoutMs: 300,
    });
    const started = Date.now();
    await expect(store.get("k")).rejects.toThrow(/Redis is down: .*ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(store.status()).toBe("down");
    expect(store.downReason()).toMatch(/ECONNREFUSED/);
    await store.close();
  });

  it("goes down when Redis dies, rejects at once while down, and is ready again when it returns", async () => {
    const store = createRedisStore({ url: server.url, prefix: `outage-${randomUUID()}` });
    await store.set("k", "v", 60);
    const events: string[] = [];
    store.on("down", () => events.push("down"));
    store.on("ready", () => events.push("ready"));

    await server.kill();
    await vi.waitFor(() => expect(store.status()).toBe("down"));
    const started = Date.now();
    await expect(store.get("k")).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(200);

    await server.restart();
    await vi.waitFor(() => expect(store.status()).toBe("ready"), { timeout: 5_000, interval: 50 });
    expect(store.downReason()).toBeNull();
    // The restarted server kept nothing (--save ""), which shows the answer is Redis's, not a cache's.
    expect(await store.get("k")).toBeNull();
    expect(events).toEqual(["down", "ready"]);
    await store.close();
  });
});
