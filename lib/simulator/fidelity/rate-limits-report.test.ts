import { describe, expect, it } from "vitest";
import { harnessPerFile, mediaTypeOf, results, type AtlasResponse } from "./harness";
import { createFidelitySpec } from "./spec";

// GET /rateLimits and /rateLimits/{endpointSetId} (spec: listRateLimits, getRateLimit, 2025-03-12)
// report the buckets the simulator really applies: an overridden capacity shows with its default,
// and matches the RateLimit-Limit header of a call in that set.

const spec = createFidelitySpec();
const V = "2025-03-12";
const h = harnessPerFile({ rateLimit: { backupCapacity: 50, backupRefillPerMinute: 7 } });

interface EndpointSet {
  endpointSetId: string;
  endpointSetName: string;
  scope: string;
  capacity: { value: number; defaultValue?: number };
  refillRate: { value: number; defaultValue?: number };
  refillDurationSeconds: { value: number };
  endpoints: Array<{ method: string; path: string }>;
}

const sets = async (query = "") => {
  const res = await h.atlas("GET", `/rateLimits${query}`, { accept: V });
  expect(spec.validateResponse("listRateLimits", res.status, res.headers.get("content-type"), res.json)).toEqual([]);
  return results(res) as unknown as EndpointSet[];
};

function expectError(res: AtlasResponse, status: number, errorCode?: string): void {
  expect(res.status, res.text.slice(0, 300)).toBe(status);
  expect(mediaTypeOf(res)).toBe("application/json");
  if (errorCode) expect(res.json).toMatchObject({ errorCode });
}

describe("rate limit inspection", () => {
  it("reports the Cloud Backups bucket as configured, with Atlas's default beside the override", async () => {
    const backups = (await sets()).find((s) => s.endpointSetId === "cloudBackups_group")!;
    expect(backups).toMatchObject({
      scope: "GROUP",
      capacity: { value: 50, defaultValue: 1200 },
      refillRate: { value: 7, defaultValue: 500 },
      refillDurationSeconds: { value: 60 },
    });
    expect(backups.endpoints).toContainEqual({
      method: "POST",
      path: "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/collectionRestoreJobs",
    });
    const s = h.fixtures.showcase;
    const call = await h.atlas("GET", `/groups/${s.groupId}/clusters/${s.bigRestoreCluster}/backup/snapshots`, {
      accept: "2023-01-01",
    });
    expect(call.headers.get("RateLimit-Limit")).toBe(String(backups.capacity.value));
    const clusters = (await sets()).find((x) => x.endpointSetId === "clusters_group")!;
    expect(clusters.capacity).toEqual({ value: 10000 });
  });

  it("narrows by scope, name and endpoint path, and gets one set", async () => {
    const s = h.fixtures.showcase;
    const group = await sets(`?groupId=${s.groupId}`);
    expect(group.length).toBeGreaterThan(3);
    expect(group.every((x) => x.scope === "GROUP")).toBe(true);
    const user = await sets(`?userId=${encodeURIComponent(h.sim.credentials.clientId)}`);
    expect(user.map((x) => x.scope)).toEqual(user.map(() => "USER"));
    expect(user.length).toBeGreaterThan(0);
    expect((await sets("?name=Projects")).map((x) => x.endpointSetId).sort()).toEqual([
      "projects_group",
      "projects_user",
    ]);
    const byPath = await sets(`?endpointPath=${encodeURIComponent("/api/atlas/v2/groups/{groupId}/events")}`);
    expect(byPath.map((x) => x.endpointSetId)).toEqual(["events_group"]);
    const one = await h.atlas("GET", "/rateLimits/cloudBackups_group", { accept: V });
    expect(spec.validateResponse("getRateLimit", 200, one.headers.get("content-type"), one.json)).toEqual([]);
    expect(one.json).toMatchObject({ endpointSetId: "cloudBackups_group", capacity: { value: 50 } });
  });

  it("answers 404 for an unknown set or project, 403 for another user, 406 for the sunset preview", async () => {
    expectError(await h.atlas("GET", "/rateLimits/noSuchSet", { accept: V }), 404, "ENDPOINT_SET_NOT_FOUND");
    expectError(await h.atlas("GET", `/rateLimits?groupId=${"0".repeat(24)}`, { accept: V }), 404, "GROUP_NOT_FOUND");
    expectError(await h.atlas("GET", "/rateLimits?userId=someone-else", { accept: V }), 403);
    expectError(await h.atlas("GET", "/rateLimits?groupId=nope", { accept: V }), 400, "INVALID_QUERY_PARAMETER");
    expectError(await h.atlas("GET", "/rateLimits", { accept: "application/vnd.atlas.preview+json" }), 406);
  });
});
