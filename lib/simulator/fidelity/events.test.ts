import { beforeAll, describe, expect, it } from "vitest";
import { harnessPerFile, mediaTypeOf, results, type AtlasResponse } from "./harness";
import { createFidelitySpec } from "./spec";
import { bodyFor } from "./targets";

// Project events (spec: listGroupEvents, getGroupEvent, 2023-01-01): derived from the simulator's own
// jobs at the times they happen, filtered as the spec's parameters say, valid against the spec.

const spec = createFidelitySpec();
const V = "2023-01-01";
const h = harnessPerFile();
let events: string;

interface Event {
  id: string;
  created: string;
  eventTypeName: string;
  raw?: { clusterName?: string; severity?: string };
}

beforeAll(() => {
  events = `/groups/${h.fixtures.showcase.groupId}/events`;
});

async function list(query: string): Promise<Event[]> {
  const res = await h.atlas("GET", `${events}?${query}`, { accept: V });
  expect(spec.validateResponse("listGroupEvents", res.status, res.headers.get("content-type"), res.json)).toEqual([]);
  return results(res) as unknown as Event[];
}

function expectError(res: AtlasResponse, status: number, errorCode: string): void {
  expect(res.status, res.text.slice(0, 300)).toBe(status);
  expect(mediaTypeOf(res)).toBe("application/json");
  expect(res.json).toMatchObject({ error: status, errorCode });
}

const at = (iso: string) => encodeURIComponent(iso);

describe("events derived from the jobs", () => {
  it("a finished restore yields CPS_RESTORE_SUCCESSFUL at its finish time, on its cluster", async () => {
    const s = h.fixtures.showcase;
    const jobs = results(
      await h.atlas("GET", `/groups/${s.groupId}/clusters/${s.bigRestoreCluster}/backup/restoreJobs?itemsPerPage=50`, {
        accept: V,
      }),
    );
    const done = jobs.find((j) => j.finishedAt && !j.failed && !j.cancelled)!;
    const finished = done.finishedAt as string;
    const found = await list(
      `eventType=CPS_RESTORE_SUCCESSFUL&clusterNames=${s.bigRestoreCluster}&minDate=${at(finished)}&maxDate=${at(finished)}&includeRaw=true`,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ eventTypeName: "CPS_RESTORE_SUCCESSFUL", created: finished });
    expect(found[0]!.raw).toMatchObject({ clusterName: s.bigRestoreCluster, severity: "INFO" });
    const failed = jobs.find((j) => j.failed === true)!;
    const failedEvents = await list(`eventType=CPS_RESTORE_FAILED&clusterNames=${s.bigRestoreCluster}`);
    expect(failedEvents.length).toBeGreaterThan(0);
    expect(failed).toBeDefined();
  });

  it("a new restore's CPS_RESTORE_SUCCESSFUL appears only once simulated time reaches its end", async () => {
    const s = h.fixtures.showcase;
    const created = await h.atlas("POST", `/groups/${s.groupId}/clusters/${s.bigRestoreCluster}/backup/restoreJobs`, {
      accept: V,
      body: await bodyFor(h, "createGroupClusterBackupRestoreJob"),
    });
    expect(created.status, created.text.slice(0, 200)).toBe(200);
    const startedAt = parseInt((created.json as { id: string }).id.slice(0, 8), 16) * 1000;
    const after = at(new Date(startedAt).toISOString());
    const query = `eventType=CPS_RESTORE_SUCCESSFUL&eventType=CPS_RESTORE_REQUESTED_AUDIT&clusterNames=${s.bigRestoreCluster}&minDate=${after}`;
    const before = await list(query);
    expect(before.map((e) => e.eventTypeName)).toContain("CPS_RESTORE_REQUESTED_AUDIT");
    expect(before.map((e) => e.eventTypeName)).not.toContain("CPS_RESTORE_SUCCESSFUL");
    expect((await h.control("POST", "clock", { advanceSeconds: 10 * 60 })).status).toBe(200);
    const later = (await list(query)).filter((e) => e.eventTypeName === "CPS_RESTORE_SUCCESSFUL");
    expect(later).toHaveLength(1);
    expect(Date.parse(later[0]!.created)).toBe(startedAt + 5 * 60_000); // a download restore runs 5 minutes
  });

  it("a failed export yields CPS_EXPORT_FAILED at its finish time", async () => {
    const s = h.fixtures.showcase;
    const exports = results(
      await h.atlas("GET", `/groups/${s.groupId}/clusters/${s.exportCluster}/backup/exports`, { accept: V }),
    );
    const failed = exports.find((x) => x.state === "Failed")!;
    const when = at(failed.finishedAt as string);
    const found = await list(`eventType=CPS_EXPORT_FAILED&minDate=${when}&maxDate=${when}&includeRaw=true`);
    expect(found.map((e) => e.raw?.clusterName)).toEqual([s.exportCluster]);
  });

  it("has snapshot, oplog and tenant events; the tenant failures validate as Atlas audits", async () => {
    const s = h.fixtures.showcase;
    const types = new Set(
      (await list(`itemsPerPage=500&clusterNames=${s.bigRestoreCluster}`)).map((e) => e.eventTypeName),
    );
    const all = new Set<string>();
    for (let page = 1; page <= 10; page++)
      for (const e of await list(`itemsPerPage=500&pageNum=${page}`)) all.add(e.eventTypeName);
    for (const t of ["CPS_SNAPSHOT_STARTED", "CPS_SNAPSHOT_SUCCESSFUL", "CPS_SNAPSHOT_FAILED", "CPS_SNAPSHOT_BEHIND"])
      expect(all, t).toContain(t);
    for (const t of ["CPS_OPLOG_BEHIND", "CPS_OPLOG_CAUGHT_UP", "CPS_EXPORT_SUCCESSFUL", "TENANT_RESTORE_FAILED"])
      expect(all, t).toContain(t);
    for (const t of [
      "TENANT_SNAPSHOT_STARTED_AUDIT",
      "CPS_COLLECTION_RESTORE_PARTIAL_SUCCESS",
      "CPS_COLLECTION_RESTORE_CANCELED",
    ])
      expect(all, t).toContain(t);
    expect(types.size).toBeGreaterThan(3);
    const day = at(new Date(Date.now() - 86_400_000).toISOString());
    const recent = await list(`eventType=CPS_OPLOG_BEHIND&clusterNames=${s.bigRestoreCluster}&minDate=${day}`);
    expect(recent.length).toBeGreaterThan(0);
    const tenantFailed = (await list(`eventType=TENANT_RESTORE_FAILED`))[0]!;
    const one = await h.atlas("GET", `${events}/${tenantFailed.id}`, { accept: V });
    expect(spec.validateResponse("getGroupEvent", 200, one.headers.get("content-type"), one.json)).toEqual([]);
  });
});

describe("event list parameters", () => {
  it("filters by repeated eventType and excludedEventType, newest first, inclusive dates", async () => {
    const two = await list("eventType=CPS_SNAPSHOT_FAILED&eventType=CPS_EXPORT_FAILED&itemsPerPage=500");
    expect(new Set(two.map((e) => e.eventTypeName))).toEqual(new Set(["CPS_SNAPSHOT_FAILED", "CPS_EXPORT_FAILED"]));
    const times = two.map((e) => Date.parse(e.created));
    times.forEach((t, i) => expect(t).toBeLessThanOrEqual(times[i - 1] ?? Infinity));
    const without = await list("excludedEventType=CPS_SNAPSHOT_STARTED&itemsPerPage=500");
    expect(without.some((e) => e.eventTypeName === "CPS_SNAPSHOT_STARTED")).toBe(false);
    const [first, second] = two;
    const window = await list(`minDate=${at(second!.created)}&maxDate=${at(first!.created)}&itemsPerPage=500`);
    for (const e of window) {
      expect(Date.parse(e.created)).toBeGreaterThanOrEqual(Date.parse(second!.created));
      expect(Date.parse(e.created)).toBeLessThanOrEqual(Date.parse(first!.created));
    }
    expect(window.map((e) => e.id)).toEqual(expect.arrayContaining([first!.id, second!.id]));
    expect(await list("clusterNames=no-such-cluster")).toEqual([]);
  });

  it("pages with links and totalCount, leaves raw out unless asked, and gets one event by id", async () => {
    const page = await h.atlas("GET", `${events}?itemsPerPage=3&pageNum=2`, { accept: V });
    const body = page.json as { results: Event[]; totalCount: number; links: Array<{ rel: string }> };
    expect(body.results).toHaveLength(3);
    expect(body.totalCount).toBeGreaterThan(100);
    expect(body.links.map((l) => l.rel)).toEqual(["previous", "self", "next"]);
    expect(body.results.every((e) => e.raw === undefined)).toBe(true);
    const noCount = await h.atlas("GET", `${events}?includeCount=false`, { accept: V });
    expect(noCount.json).not.toHaveProperty("totalCount");
    const one = await h.atlas("GET", `${events}/${body.results[0]!.id}?includeRaw=true`, { accept: V });
    expect(spec.validateResponse("getGroupEvent", 200, one.headers.get("content-type"), one.json)).toEqual([]);
    expect(one.json).toMatchObject({ ...body.results[0], raw: { id: body.results[0]!.id } });
    expectError(await h.atlas("GET", `${events}/${"0".repeat(24)}`, { accept: V }), 404, "EVENT_NOT_FOUND");
  });

  it("rejects malformed filters with INVALID_QUERY_PARAMETER", async () => {
    for (const q of [
      "minDate=yesterday",
      "maxDate=2026-13-01",
      "eventType=cps_lower",
      "clusterNames=-bad",
      "includeRaw=maybe",
    ]) {
      const res = await h.atlas("GET", `${events}?${q}`, { accept: V });
      expectError(res, 400, "INVALID_QUERY_PARAMETER");
      expect(JSON.stringify(res.json)).toContain(q.split("=")[0]!);
    }
  });
});
