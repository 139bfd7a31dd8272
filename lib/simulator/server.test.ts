import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";
import { SimulatorClient } from "./testing/simulator-client";

const V1 = "application/vnd.atlas.2023-01-01+json";
let sim: RunningSimulator;
let groupId = "";
let otherGroupId = "";
let ctl: SimulatorClient;

const token = (clientId: string, clientSecret: string) => ctl.bearerToken({ clientId, clientSecret });

const api = (path: string, bearer: string, init: RequestInit = {}, accept = V1) =>
  fetch(`${sim.url}/api/atlas/v2${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${bearer}`, Accept: accept, "Content-Type": "application/json" },
  });

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    quiet: true,
    control: true,
    tokenTtlSeconds: 60,
    extraCredentials: [
      { kind: "service-account", id: "mdb_sa_id_limited", secret: "limited-secret", projects: ["Payments"] },
    ],
  });
  ctl = new SimulatorClient(sim.url);
  const fixtures = await ctl.fixtures();
  groupId = fixtures.showcase.groupId;
  otherGroupId = fixtures.projects[1]?.id ?? "";
});

afterAll(() => sim.close());

describe("simulator server", () => {
  it("limits extra credentials to their projects", async () => {
    const t = await token("mdb_sa_id_limited", "limited-secret");
    const groups = (await (await api("/groups", t)).json()) as { results: Array<{ id: string }> };
    expect(groups.results.map((g) => g.id)).toEqual([groupId]);
    const denied = await api(`/groups/${otherGroupId}/clusters`, t);
    expect(denied.status).toBe(401);
    expect(await denied.json()).toMatchObject({ error: 401, errorCode: "USER_CANNOT_ACCESS_GROUP" });
  });

  it("expires tokens after tokenTtlSeconds of simulated time", async () => {
    const t = await token(sim.credentials.clientId, sim.credentials.clientSecret);
    expect((await api("/orgs", t)).status).toBe(200);
    await ctl.advanceClock(61);
    const expired = await api("/orgs", t);
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toMatch(/^Digest realm=/);
  });

  it("serves tenant endpoints until tenantSunset is switched on, then answers 410 VERSION_GONE", async () => {
    const t = await token(sim.credentials.clientId, sim.credentials.clientSecret);
    const path = `/groups/${groupId}/clusters/legacy-m2/backup/tenant/restores`;
    const served = await api(path, t, {}, "application/vnd.atlas.2025-03-12+json");
    expect(served.status).toBe(200);
    expect(served.headers.get("sunset")).toContain("2026");
    await ctl.setConfig({ tenantSunset: true });
    const gone = await api(path, t, {}, "application/vnd.atlas.2025-03-12+json");
    await ctl.setConfig({ tenantSunset: false });
    expect(gone.status).toBe(410);
    expect(await gone.json()).toMatchObject({
      errorCode: "VERSION_GONE",
      parameters: ["2023-01-01", `api/atlas/v2${path}`],
    });
  });

  it("injects an export job that runs now and fails half way, as the control API says", async () => {
    const cluster = "payments-analytics";
    const id = await ctl.injectExport({ groupId, clusterName: cluster, outcome: "Failed", runSeconds: 120 });
    // A token per call: this file's tokens live 60 simulated seconds, and the clock moves.
    const t = () => token(sim.credentials.clientId, sim.credentials.clientSecret);
    const job = async () =>
      (await (await api(`/groups/${groupId}/clusters/${cluster}/backup/exports/${id}`, await t())).json()) as {
        state: string;
        stateReason?: { errorCode: string };
      };
    expect((await job()).state).toBe("InProgress");
    await ctl.advanceClock(61);
    expect(await job()).toMatchObject({ state: "Failed", stateReason: { errorCode: "EXPORT_FAILED" } });
    const list = (await (await api(`/groups/${groupId}/clusters/${cluster}/backup/exports`, await t())).json()) as {
      results: Array<{ id: string }>;
    };
    expect(list.results.map((j) => j.id)).toContain(id);
    const bad = await ctl.control("POST", "exports", { groupId, clusterName: "no-such-cluster", outcome: "Failed" });
    expect(bad.status).toBe(404);
    expect((await ctl.control("POST", "exports", { groupId, outcome: "Exploded" })).status).toBe(400);
  });

  it("refuses to cancel an automated restore and a finished one", async () => {
    const t = await token(sim.credentials.clientId, sim.credentials.clientSecret);
    const list = (await (
      await api(`/groups/${groupId}/clusters/payments-prod/backup/restoreJobs?itemsPerPage=500`, t)
    ).json()) as {
      results: Array<{ id: string; deliveryType: string; finishedAt?: string; cancelled: boolean; failed: boolean }>;
    };
    const automated = list.results.find(
      (j) => j.deliveryType === "automated" && !j.finishedAt && !j.cancelled && !j.failed,
    );
    const finished = list.results.find((j) => j.finishedAt);
    const del = (id: string) =>
      api(`/groups/${groupId}/clusters/payments-prod/backup/restoreJobs/${id}`, t, { method: "DELETE" });
    expect(await (await del(automated!.id)).json()).toMatchObject({
      error: 400,
      errorCode: "CANNOT_CANCEL_AUTOMATED_RESTORE",
    });
    expect((await del(finished!.id)).status).toBe(400);
  });

  it("answers unknown paths with 404 and wrong methods with 405", async () => {
    const t = await token(sim.credentials.clientId, sim.credentials.clientSecret);
    expect(await (await api("/nope", t)).json()).toMatchObject({ error: 404, errorCode: "RESOURCE_NOT_FOUND" });
    const wrong = await api(`/groups/${groupId}`, t, { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
  });

  it("drops connections on a drop fault and counts requests by route and status", async () => {
    await ctl.resetCounters();
    await ctl.addFault({ path: "^/api/atlas/v2/orgs$", drop: true, times: 1 });
    const t = await token(sim.credentials.clientId, sim.credentials.clientSecret);
    await expect(api("/orgs", t)).rejects.toThrow();
    expect((await api("/orgs", t)).status).toBe(200);
    const counters = await ctl.counters();
    expect(counters.byRoute["GET /api/atlas/v2/orgs"]).toEqual({ dropped: 1, "200": 1 });
    expect(counters.byRoute["POST /api/oauth/token"]).toEqual({ "200": 1 });
  });
});
