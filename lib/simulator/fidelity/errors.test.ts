import { beforeAll, describe, expect, it } from "vitest";
import { type AtlasResponse, harnessPerFile, mediaTypeOf, startHarness } from "./harness";
import { createFidelitySpec } from "./spec";

// Error answers: exact status and errorCode, body valid against the spec's ApiError, sent as
// application/json (spec: components.schemas.ApiError, components.responses.*; Atlas docs:
// atlas/reference/api-errors). Version negotiation per Atlas docs: atlas/api/versioned-api-overview.

const spec = createFidelitySpec();
const V1 = "2023-01-01";
const h = harnessPerFile();
let base: string;

beforeAll(() => {
  base = `/groups/${h.fixtures.showcase.groupId}`;
});

function expectApiError(res: AtlasResponse, status: number, errorCode: string): void {
  expect(res.status, res.text.slice(0, 300)).toBe(status);
  expect(mediaTypeOf(res)).toBe("application/json");
  expect(spec.validateApiError(res.json)).toEqual([]);
  expect(res.json).toMatchObject({ error: status, errorCode });
}

describe("400 for bad parameters", () => {
  const restoreJobs = () => `${base}/clusters/${h.fixtures.showcase.bigRestoreCluster}/backup/restoreJobs`;
  it.each([
    ["itemsPerPage=0"],
    ["itemsPerPage=501"],
    ["itemsPerPage=abc"],
    ["pageNum=0"],
    ["pageNum=-1"],
    ["pageNum=x"],
    ["includeCount=maybe"],
  ])("rejects %s with INVALID_QUERY_PARAMETER naming it", async (query) => {
    const res = await h.atlas("GET", `${restoreJobs()}?${query}`, { accept: V1 });
    expectApiError(res, 400, "INVALID_QUERY_PARAMETER");
    expect(JSON.stringify(res.json)).toContain(query.split("=")[0]!);
  });

  it("accepts the boundaries itemsPerPage=1 and 500", async () => {
    expect((await h.atlas("GET", `${restoreJobs()}?itemsPerPage=1`, { accept: V1 })).status).toBe(200);
    expect((await h.atlas("GET", `${restoreJobs()}?itemsPerPage=500`, { accept: V1 })).status).toBe(200);
  });

  it.each([
    ["groupId", () => `/groups/not-a-group-id/clusters`, "2024-08-05"],
    ["groupId (23 hex)", () => `/groups/${"a".repeat(23)}`, V1],
    ["clusterName", () => `${base}/clusters/-bad_name!/backup/restoreJobs`, V1],
    ["restoreJobId", () => `${base}/clusters/${h.fixtures.showcase.bigRestoreCluster}/backup/restoreJobs/XYZ`, V1],
  ])("rejects a malformed %s with INVALID_PATH_PARAMETER", async (_name, path, version) => {
    expectApiError(await h.atlas("GET", path(), { accept: version }), 400, "INVALID_PATH_PARAMETER");
  });
});

// Atlas docs, atlas/api/atlas-admin-api-ref: invalid or misspelled fields are rejected, not ignored.
describe("400 for bad request bodies", () => {
  const restoreJobs = () => `${base}/clusters/${h.fixtures.showcase.bigRestoreCluster}/backup/restoreJobs`;
  it.each([
    ["a misspelled field", { deliveryType: "download", snapshotID: "0".repeat(24) }, "INVALID_ATTRIBUTE"],
    ["a missing required field", { snapshotId: "0".repeat(24) }, "MISSING_ATTRIBUTE"],
    ["a wrong enum value", { deliveryType: "DOWNLOAD" }, "INVALID_ENUM_VALUE"],
    ["a read-only field", { deliveryType: "download", cancelled: true }, "ATTRIBUTE_READ_ONLY"],
  ])("rejects %s with its code", async (_name, body, errorCode) => {
    expectApiError(await h.atlas("POST", restoreJobs(), { accept: V1, body }), 400, errorCode);
  });

  it("rejects malformed JSON with MALFORMED_JSON", async () => {
    const res = await fetch(`${h.sim.url}/api/atlas/v2${restoreJobs()}`, {
      method: "POST",
      headers: {
        accept: `application/vnd.atlas.${V1}+json`,
        "content-type": `application/vnd.atlas.${V1}+json`,
        authorization: `Bearer ${h.token}`,
      },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    const body: unknown = await res.json();
    expect(spec.validateApiError(body)).toEqual([]);
    expect(body).toMatchObject({ error: 400, errorCode: "MALFORMED_JSON" });
  });
});

describe("401, 404", () => {
  it("401 without credentials carries a Digest challenge", async () => {
    const res = await h.atlas("GET", `${base}`, { accept: V1, auth: "none" });
    expectApiError(res, 401, "USER_UNAUTHORIZED");
    expect(res.headers.get("www-authenticate") ?? "").toMatch(/^Digest /);
  });

  it("401 with a wrong bearer token and with wrong basic credentials", async () => {
    expectApiError(
      await h.atlas("GET", base, { accept: V1, auth: { header: "Bearer not-a-token" } }),
      401,
      "USER_UNAUTHORIZED",
    );
    const basic = `Basic ${Buffer.from(`${h.sim.credentials.publicKey}:${h.sim.credentials.privateKey}`).toString("base64")}`;
    expectApiError(await h.atlas("GET", base, { accept: V1, auth: { header: basic } }), 401, "USER_UNAUTHORIZED");
  });

  it("404 GROUP_NOT_FOUND for an unknown project", async () => {
    expectApiError(await h.atlas("GET", `/groups/${"0".repeat(24)}`, { accept: V1 }), 404, "GROUP_NOT_FOUND");
    expectApiError(
      await h.atlas("GET", `/groups/${"0".repeat(24)}/clusters/x/backup/restoreJobs`, { accept: V1 }),
      404,
      "GROUP_NOT_FOUND",
    );
  });

  it("404 CLUSTER_NOT_FOUND for an unknown cluster", async () => {
    expectApiError(
      await h.atlas("GET", `${base}/clusters/no-such-cluster/backup/restoreJobs`, { accept: V1 }),
      404,
      "CLUSTER_NOT_FOUND",
    );
  });

  it("404 RESTORE_JOB_NOT_FOUND for an unknown job", async () => {
    const path = `${base}/clusters/${h.fixtures.showcase.bigRestoreCluster}/backup/restoreJobs/${"f".repeat(24)}`;
    expectApiError(await h.atlas("GET", path, { accept: V1 }), 404, "RESTORE_JOB_NOT_FOUND");
  });
});

describe("version negotiation (Atlas docs: atlas/api/versioned-api-overview)", () => {
  it("406 without a version and with a date before the first version", async () => {
    const path = `${base}/clusters`;
    const none = await h.atlas("GET", path, { accept: "application/json" });
    expect(none.status).toBe(406);
    expect(spec.validateApiError(none.json)).toEqual([]);
    // The docs give the 406 but no code for it; INVALID_VERSION_DATE is Atlas's only documented
    // version-date code (Atlas docs: atlas/reference/api-errors, "There is no version number in the request.").
    expect(none.json).toMatchObject({ error: 406, errorCode: "INVALID_VERSION_DATE" });
    expect(mediaTypeOf(none)).toBe("application/json");
    expect((await h.atlas("GET", path, { accept: null })).status).toBe(406);
    const early = await h.atlas("GET", `${base}/flexClusters`, { accept: "2024-08-05" });
    expect(early.status).toBe(406);
    expect(spec.validateApiError(early.json)).toEqual([]);
    expect((early.json as { errorCode: string }).errorCode).toBe((none.json as { errorCode: string }).errorCode);
  });

  it.each([
    ["listGroupClusterBackupExports", "2025-03-12", "2023-01-01"],
    ["listGroupClusters", "2025-03-12", "2024-08-05"],
    ["listGroupClusters", "2024-01-01", "2023-02-01"],
    ["listGroupClusters", "2023-01-31", "2023-01-01"],
    ["listGroupBackupExportBuckets", "2024-06-01", "2024-05-30"],
  ])("%s with %s is served as %s", async (operationId, asked, served) => {
    const s = h.fixtures.showcase;
    const path = spec
      .operation(operationId)
      .path.replace("{groupId}", s.groupId)
      .replace("{clusterName}", s.exportCluster);
    const res = await h.atlas("GET", path, { accept: asked });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect(mediaTypeOf(res)).toBe(`application/vnd.atlas.${served}+json`);
    expect(spec.validateResponse(operationId, 200, res.headers.get("content-type"), res.json)).toEqual([]);
  });
});

describe("410 VERSION_GONE after the tenant sunset (spec: x-sunset 2026-01-22, components.responses.gone)", () => {
  it("answers the tenant endpoints with VERSION_GONE once tenantSunset is on, and serves them again once off", async () => {
    const path = `${base}/clusters/${h.fixtures.showcase.sharedM2Cluster}/backup/tenant/restores`;
    expect((await h.atlas("GET", path, { accept: V1 })).status).toBe(200);
    expect((await h.control("POST", "config", { tenantSunset: true })).status).toBe(200);
    try {
      const res = await h.atlas("GET", path, { accept: V1 });
      expectApiError(res, 410, "VERSION_GONE");
      expect(res.json).toMatchObject({ reason: "Gone" });
      const params = (res.json as { parameters?: unknown[] }).parameters ?? [];
      expect(params[0]).toBe(V1);
      expect(String(params[1])).toBe(path.replace(/^\//, "api/atlas/v2/"));
      // The same date-resolution rule applies: a later date still resolves to the gone version.
      expectApiError(await h.atlas("GET", path, { accept: "2025-03-12" }), 410, "VERSION_GONE");
      // Flex successors keep working.
      const flex = await h.atlas("GET", `${base}/flexClusters/${h.fixtures.showcase.flexCluster}/backup/restoreJobs`, {
        accept: "2024-11-13",
      });
      expect(flex.status).toBe(200);
    } finally {
      await h.control("POST", "config", { tenantSunset: false });
    }
    expect((await h.atlas("GET", path, { accept: V1 })).status).toBe(200);
  });

  it("a simulator started with tenantSunset answers 410 from the start", async () => {
    const gone = await startHarness({ tenantSunset: true });
    try {
      const s = gone.fixtures.showcase;
      const res = await gone.atlas(
        "GET",
        `/groups/${s.groupId}/clusters/${s.sharedM2Cluster}/backup/tenant/snapshots`,
        { accept: V1 },
      );
      expectApiError(res, 410, "VERSION_GONE");
    } finally {
      await gone.close();
    }
  });
});
