import "server-only";
import { describe, expect, it } from "vitest";
import { startSimulator } from "@/lib/simulator";
import { SimulatorClient } from "@/lib/simulator/testing/simulator-client";
import { simulatorPerFile } from "@/lib/simulator/testing/simulator-per-file";
import { createAtlasClient, type AtlasClient } from "./client";
import type { AtlasClientConfig } from "./config";
import { AtlasError } from "./errors";
import { operations } from "./operations";
import { GroupPageSchema } from "./schemas/group";

// Lifetimes as the simulator runs them here: tokens on its simulated clock, digest nonces on its protocol clock.
const TOKEN_TTL_SECONDS = 3600;
const NONCE_TTL_SECONDS = 300;
// Every test builds a fresh client, hence a fresh token: lift the token endpoint's small bucket.
const upstream = simulatorPerFile({
  rateLimit: { tokenCapacity: 1_000 },
  tokenTtlSeconds: TOKEN_TTL_SECONDS,
  nonceTtlSeconds: NONCE_TTL_SECONDS,
});

function client(kind: "service-account" | "api-key", overrides: Partial<AtlasClientConfig> = {}): AtlasClient {
  const c = upstream.sim.credentials;
  const credentials =
    kind === "api-key"
      ? { kind, publicKey: c.publicKey, privateKey: c.privateKey }
      : { kind, clientId: c.clientId, clientSecret: c.clientSecret };
  return createAtlasClient({
    baseUrl: upstream.sim.url,
    credentials,
    timeoutMs: 5_000,
    maxRetries: 2,
    retryMinDelayMs: 10,
    ...overrides,
  });
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected the call to fail"),
    (error: unknown) => {
      expect(error).toBeInstanceOf(AtlasError);
      return error as AtlasError;
    },
  );

const TOKEN = /^POST \/api\/oauth\/token$/;
const ANY = /./;
const GROUPS = "GET /api/atlas/v2/groups";

/** The simulator's answers to one route so far, by status ("dropped" when the connection closed unanswered). */
async function answers(route: string): Promise<Record<string, number>> {
  return (await upstream.ctl.counters()).byRoute[route] ?? {};
}

/** A fetch that hands every request to the real one and keeps the WWW-Authenticate of each 401. */
function recordingChallenges() {
  const challenges: string[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (res.status === 401) challenges.push(res.headers.get("www-authenticate") ?? "");
    return res;
  };
  return { challenges, fetchImpl };
}

describe("service account auth", () => {
  it("shares one token among 10 concurrent calls", async () => {
    const atlas = client("service-account");
    const results = await Promise.all(Array.from({ length: 10 }, () => atlas.call(operations.listGroups, {})));
    expect(results.every((r) => r.data.results.length > 0)).toBe(true);
    expect(await upstream.ctl.count(TOKEN)).toBe(1);
  });

  it("drops the token on a 401 and retries once with a new one", async () => {
    const atlas = client("service-account");
    await atlas.call(operations.listGroups, {});
    await upstream.ctl.addFault({
      path: "^/api/atlas/v2/groups$",
      status: 401,
      errorCode: "USER_UNAUTHORIZED",
      times: 1,
    });
    const { data } = await atlas.call(operations.listGroups, {});
    expect(data.results.length).toBeGreaterThan(0);
    expect(await upstream.ctl.count(TOKEN)).toBe(2);
  });

  it("takes a new token when the simulator has expired the cached one between two calls", async () => {
    const atlas = client("service-account");
    await atlas.call(operations.listGroups, {});
    // Atlas may end a token before the client's expires_in says (revocation, clock skew): here its clock moves on.
    await upstream.ctl.advanceClock(TOKEN_TTL_SECONDS);
    const { data } = await atlas.call(operations.listGroups, {});
    expect(data.results.length).toBeGreaterThan(0);
    expect(await upstream.ctl.count(TOKEN)).toBe(2);
    expect(await answers(GROUPS)).toEqual({ "200": 2, "401": 1 });
  });

  it("renews a token whose lifetime ran out between two calls before sending it, without a 401", async () => {
    const sim = await startSimulator({ port: 0, control: true, quiet: true, tokenTtlSeconds: 1 });
    try {
      const { clientId, clientSecret } = sim.credentials;
      const atlas = createAtlasClient({
        baseUrl: sim.url,
        credentials: { kind: "service-account", clientId, clientSecret },
        timeoutMs: 5_000,
        maxRetries: 0,
      });
      await atlas.call(operations.listGroups, {});
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const { data } = await atlas.call(operations.listGroups, {});
      expect(data.results.length).toBeGreaterThan(0);
      const counters = await new SimulatorClient(sim.url).counters();
      expect(counters.byRoute["POST /api/oauth/token"]).toEqual({ "200": 2 });
      expect(counters.byRoute[GROUPS]).toEqual({ "200": 2 });
    } finally {
      await sim.close();
    }
  });

  it("reports bad credentials as an auth error without the secret", async () => {
    const atlas = createAtlasClient({
      baseUrl: upstream.sim.url,
      credentials: { kind: "service-account", clientId: "mdb_sa_id_nobody", clientSecret: "not-the-secret-x" },
      timeoutMs: 5_000,
      maxRetries: 2,
    });
    const error = await rejection(atlas.call(operations.listGroups, {}));
    expect(error.kind).toBe("auth");
    expect(error.status).toBe(401);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain("not-the-secret-x");
  });
});

describe("API key (digest) auth", () => {
  it("pays one 401 challenge for a run of sequential calls", async () => {
    const atlas = client("api-key");
    const { groupId, bigRestoreCluster } = upstream.fx.showcase;
    for (let i = 0; i < 5; i++) await atlas.call(operations.listGroups, {});
    await atlas.call(
      operations.listGroupClusterBackupRestoreJobs,
      { groupId, clusterName: bigRestoreCluster },
      { query: { pageNum: 2, itemsPerPage: 10 } },
    );
    expect(await upstream.ctl.count(ANY, 401)).toBe(1);
    expect(await upstream.ctl.count(ANY, 200)).toBe(6);
  });

  it("answers a stale nonce's challenge between two calls, then keeps the new nonce", async () => {
    const { challenges, fetchImpl } = recordingChallenges();
    const atlas = client("api-key", { fetch: fetchImpl });
    await atlas.call(operations.listGroups, {});
    await upstream.ctl.advanceClock(NONCE_TTL_SECONDS);
    const { data } = await atlas.call(operations.listGroups, {});
    expect(data.results.length).toBeGreaterThan(0);
    await atlas.call(operations.listGroups, {});
    // The first challenge answers the credential-less probe; the second says the nonce went stale.
    expect(challenges).toHaveLength(2);
    expect(challenges[0]).not.toMatch(/stale=true/);
    expect(challenges[1]).toMatch(/stale=true/);
    expect(await answers(GROUPS)).toEqual({ "200": 3, "401": 2 });
  });

  it("rejects a wrong private key as an auth error", async () => {
    const atlas = createAtlasClient({
      baseUrl: upstream.sim.url,
      credentials: { kind: "api-key", publicKey: upstream.sim.credentials.publicKey, privateKey: "wrong-private-key" },
      timeoutMs: 5_000,
      maxRetries: 2,
    });
    const error = await rejection(atlas.call(operations.listGroups, {}));
    expect(error.kind).toBe("auth");
    expect(error.message).not.toContain("wrong-private-key");
  });
});

describe("retries", () => {
  const groups = /^GET \/api\/atlas\/v2\/groups$/;

  it("retries a GET after a 500 and succeeds", async () => {
    await upstream.ctl.addFault({ path: "^/api/atlas/v2/groups$", status: 500, times: 1 });
    const { data } = await client("service-account").call(operations.listGroups, {});
    expect(data.results.length).toBeGreaterThan(0);
    expect(await upstream.ctl.count(groups, 500)).toBe(1);
    expect(await upstream.ctl.count(groups, 200)).toBe(1);
  });

  it("retries after the connection is dropped", async () => {
    await upstream.ctl.addFault({ path: "^/api/atlas/v2/groups$", drop: true, times: 2 });
    const { data } = await client("service-account", { maxRetries: 2 }).call(operations.listGroups, {});
    expect(data.results.length).toBeGreaterThan(0);
    expect(await answers(GROUPS)).toEqual({ dropped: 2, "200": 1 });
  });

  it("gives up on a connection that keeps dropping after ATLAS_MAX_RETRIES", async () => {
    await upstream.ctl.addFault({ path: "^/api/atlas/v2/groups$", drop: true });
    const error = await rejection(client("service-account", { maxRetries: 1 }).call(operations.listGroups, {}));
    expect(error).toMatchObject({ kind: "network", status: null });
    expect(await answers(GROUPS)).toEqual({ dropped: 2 });
  });

  it("gives up after ATLAS_MAX_RETRIES", async () => {
    await upstream.ctl.addFault({ path: "^/api/atlas/v2/groups$", status: 503 });
    const error = await rejection(client("service-account", { maxRetries: 2 }).call(operations.listGroups, {}));
    expect(error).toMatchObject({ kind: "http", status: 503 });
    expect(await upstream.ctl.count(groups, 503)).toBe(3);
  });

  it("does not retry a 404 and keeps Atlas's errorCode", async () => {
    const { groupId, bigRestoreCluster } = upstream.fx.showcase;
    const params = { groupId, clusterName: bigRestoreCluster, jobId: "0123456789abcdef01234567" };
    const error = await rejection(client("service-account").call(operations.getGroupClusterBackupRestoreJob, params));
    expect(error).toMatchObject({ kind: "http", status: 404 });
    expect(error.errorCode).toBeTruthy();
    expect(error.url).toContain("/restoreJobs/0123456789abcdef01234567");
    expect(await upstream.ctl.count(/restoreJobs/)).toBe(1);
  });
});

describe("rate limiting", () => {
  it("pauses only the limited project: the next call fails fast, another project proceeds", async () => {
    const [a, b] = upstream.fx.projects;
    const atlas = client("service-account");
    await upstream.ctl.addFault({
      path: `^/api/atlas/v2/groups/${a!.id}/flexClusters$`,
      status: 429,
      retryAfterSeconds: 30,
      times: 1,
    });
    const first = await rejection(atlas.call(operations.listGroupFlexClusters, { groupId: a!.id }));
    expect(first).toMatchObject({ status: 429, retryAfterSeconds: 30 });
    const second = await rejection(atlas.call(operations.listGroupFlexClusters, { groupId: a!.id }));
    expect(second.status).toBe(429);
    expect(second.retryAfterSeconds).toBeGreaterThan(0);
    expect(second.retryAfterSeconds).toBeLessThanOrEqual(30);
    await atlas.call(operations.listGroupFlexClusters, { groupId: b!.id });
    expect(await upstream.ctl.count(new RegExp(a!.id))).toBe(1);
    expect(await upstream.ctl.count(new RegExp(b!.id), 200)).toBe(1);
  });

  it("waits out a short Retry-After inside the deadline, then calls once", async () => {
    const [a] = upstream.fx.projects;
    const atlas = client("service-account");
    await upstream.ctl.addFault({
      path: `^/api/atlas/v2/groups/${a!.id}/flexClusters$`,
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    });
    await rejection(atlas.call(operations.listGroupFlexClusters, { groupId: a!.id }));
    await atlas.call(operations.listGroupFlexClusters, { groupId: a!.id });
    expect(await upstream.ctl.count(new RegExp(a!.id), 429)).toBe(1);
    expect(await upstream.ctl.count(new RegExp(a!.id), 200)).toBe(1);
  });
});

describe("failures", () => {
  it("times out when Atlas is slower than the deadline, without retrying", async () => {
    await upstream.ctl.addFault({ path: "^/api/atlas/v2/groups$", latencyMs: 3_000, times: 1 });
    const error = await rejection(client("service-account", { timeoutMs: 400 }).call(operations.listGroups, {}));
    expect(error).toMatchObject({ kind: "timeout", status: null });
    // The simulator counts a request when its connection closes: the client hung up on exactly one, and sent no other.
    await expect.poll(() => answers(GROUPS)).toEqual({ dropped: 1 });
  });

  it("rejects a body that does not match the operation's schema", async () => {
    // Clusters read as projects: no orgId, so the page fails the operation's schema.
    const nonsense = { ...operations.listGroupClusters, id: "clustersAsGroups", schema: GroupPageSchema };
    const error = await rejection(client("service-account").call(nonsense, { groupId: upstream.fx.showcase.groupId }));
    expect(error.kind).toBe("invalid-response");
    expect(error.detail).toContain("clustersAsGroups");
  });

  it("rejects a body that is not JSON", async () => {
    const fakeFetch: typeof fetch = async () => new Response("<html>maintenance</html>", { status: 200 });
    const atlas = createAtlasClient({
      baseUrl: "http://127.0.0.1:9",
      credentials: { kind: "api-key", publicKey: "p", privateKey: "k" },
      timeoutMs: 1_000,
      maxRetries: 0,
      fetch: fakeFetch,
    });
    const error = await rejection(atlas.call(operations.listGroups, {}));
    expect(error).toMatchObject({ kind: "invalid-response", status: 200 });
  });

  it("sends the operation's exact resource version", async () => {
    const seen: string[] = [];
    const spy: typeof fetch = async (input, init) => {
      seen.push(new Headers(init?.headers).get("accept") ?? "");
      return fetch(input, init);
    };
    const { groupId } = upstream.fx.showcase;
    const atlas = client("api-key", { fetch: spy });
    await atlas.call(operations.listGroupClusters, { groupId });
    await atlas.call(operations.listGroupFlexClusters, { groupId });
    expect(seen.at(-2)).toBe("application/vnd.atlas.2024-08-05+json");
    expect(seen.at(-1)).toBe("application/vnd.atlas.2024-11-13+json");
  });
});
