import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAtlasClient } from "@/lib/atlas/client";
import { operations } from "@/lib/atlas/operations";
import { simulatorPerFile } from "@/lib/simulator/testing/simulator-per-file";
import { createRedisStore, type RedisStore } from "@/lib/store/redis-store";
import { startRedis, type RedisServer } from "@/lib/store/testing/redis-server";
import { sealedTokens } from "./shared-tokens";

const upstream = simulatorPerFile();
let redis: RedisServer;
const stores: RedisStore[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await redis?.stop();
});

const SECRET = "a-session-secret-of-at-least-32-bytes!!";

function instance(prefix: string, secret = SECRET) {
  const store = createRedisStore({ url: redis.url, prefix });
  stores.push(store);
  const { clientId, clientSecret } = upstream.sim.credentials;
  return createAtlasClient({
    baseUrl: upstream.sim.url,
    credentials: { kind: "service-account", clientId, clientSecret },
    timeoutMs: 10_000,
    maxRetries: 0,
    sharedTokens: sealedTokens(store, secret, clientId),
  });
}

const tokenRequests = async () => (await upstream.ctl.counters()).byRoute["POST /api/oauth/token"]?.["200"] ?? 0;

describe("a service-account token shared through Redis", () => {
  it("three instances on one Redis ask Atlas for one token, and Redis holds it only sealed", async () => {
    const prefix = `{bw-${randomUUID()}}`;
    const clients = [instance(prefix), instance(prefix), instance(prefix)];
    await clients[0]!.call(operations.listGroups, {});
    await Promise.all(clients.slice(1).map((c) => c.call(operations.listGroups, {})));
    expect(await tokenRequests()).toBe(1);

    const raw = new Redis(redis.url);
    const keys = await raw.keys(`${prefix}:token:*`);
    expect(keys).toHaveLength(1);
    const stored = (await raw.get(keys[0]!))!;
    await raw.quit();
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain("mdb_");
    expect(stored).not.toContain(upstream.sim.credentials.clientId);
    expect(stored.toLowerCase()).not.toContain("access_token");
  });

  it("an instance with another secret cannot open it and takes its own", async () => {
    const prefix = `{bw-${randomUUID()}}`;
    await instance(prefix).call(operations.listGroups, {});
    await instance(prefix, "another-secret-of-at-least-32-bytes-long").call(operations.listGroups, {});
    expect(await tokenRequests()).toBe(2);
  });

  it("without a shared store each instance asks for its own (the control case)", async () => {
    await instance(`{bw-${randomUUID()}}`).call(operations.listGroups, {});
    await instance(`{bw-${randomUUID()}}`).call(operations.listGroups, {});
    expect(await tokenRequests()).toBe(2);
  });
});
