import { describe, expect, it } from "vitest";
import { createFidelitySpec } from "./spec";

const spec = createFidelitySpec();
const oid = (c: string) => c.repeat(24);
const V2023 = "application/vnd.atlas.2023-01-01+json";

describe("fidelity spec validator", () => {
  it("lists all 37 operations from the spec with methods, versions and sunsets", () => {
    const ops = spec.operations();
    expect(ops).toHaveLength(37);
    const clusters = spec.operation("listGroupClusters");
    expect(clusters.method).toBe("GET");
    expect(clusters.path).toBe("/api/atlas/v2/groups/{groupId}/clusters");
    expect(clusters.versions.map((v) => v.version)).toEqual(["2023-01-01", "2023-02-01", "2024-08-05"]);
    expect(clusters.versions[0]?.sunset).toBe("2027-07-01");
    expect(clusters.versions[2]?.sunset).toBeUndefined();
    expect(spec.operation("cancelGroupClusterBackupRestoreJob")).toMatchObject({
      method: "DELETE",
      successStatus: 204,
    });
    expect(spec.operation("listGroupClusterBackupTenantRestores")).toMatchObject({
      deprecated: true,
      successHeaders: [],
    });
    expect(spec.operation("listGroupClusters").successHeaders).toEqual(["RateLimit-Limit", "RateLimit-Remaining"]);
    expect(spec.operation("listGroups").params.map((p) => p.name)).toEqual([
      "envelope",
      "includeCount",
      "itemsPerPage",
      "pageNum",
      "pretty",
    ]);
  });

  it("accepts a right restore job and rejects a wrong one", () => {
    const good = {
      id: oid("a"),
      deliveryType: "download",
      cancelled: false,
      failed: false,
      expired: false,
      deliveryUrl: ["https://x"],
    };
    expect(spec.validateResponse("getGroupClusterBackupRestoreJob", 200, `${V2023};charset=utf-8`, good)).toEqual([]);
    const badEnum = spec.validateResponse("getGroupClusterBackupRestoreJob", 200, V2023, {
      ...good,
      deliveryType: "Download",
    });
    expect(badEnum.join()).toContain("allowed values");
    const badId = spec.validateResponse("getGroupClusterBackupRestoreJob", 200, V2023, { ...good, id: "xyz" });
    expect(badId.join()).toContain("/id");
    const badType = spec.validateResponse("getGroupClusterBackupRestoreJob", 200, V2023, { ...good, cancelled: "no" });
    expect(badType.join()).toContain("/cancelled");
  });

  it("rejects an undeclared status, a wrong media type and a body on 204", () => {
    expect(spec.validateResponse("listGroups", 418, V2023, {})).not.toEqual([]);
    expect(spec.validateResponse("listGroups", 200, "application/json", { results: [] })).not.toEqual([]);
    expect(
      spec.validateResponse("listGroups", 200, "application/vnd.atlas.2024-08-05+json", { results: [] }),
    ).not.toEqual([]);
    expect(spec.validateResponse("cancelGroupClusterBackupRestoreJob", 204, V2023, undefined)).toEqual([]);
    expect(spec.validateResponse("cancelGroupClusterBackupRestoreJob", 204, V2023, { x: 1 })).not.toEqual([]);
  });

  it("validates list envelopes: results required, totalCount non-negative", () => {
    expect(
      spec.validateResponse("listGroupClusterBackupRestoreJobs", 200, V2023, { results: [], links: [], totalCount: 0 }),
    ).toEqual([]);
    expect(spec.validateResponse("listGroupClusterBackupRestoreJobs", 200, V2023, { links: [] })).not.toEqual([]);
    expect(
      spec.validateResponse("listGroupClusterBackupRestoreJobs", 200, V2023, { results: [], totalCount: -1 }),
    ).not.toEqual([]);
  });

  it("tolerates real export prefixes despite the spec's template pattern, but not junk", () => {
    const job = {
      id: oid("b"),
      exportBucketId: oid("c"),
      state: "Queued",
      prefix: "/exported_snapshots/acme/payments/Cluster0/2025-05-04T0942/1746351720",
    };
    expect(spec.validateResponse("getGroupClusterBackupExport", 200, V2023, job)).toEqual([]);
    expect(
      spec.validateResponse("getGroupClusterBackupExport", 200, V2023, { ...job, prefix: "exports/x" }),
    ).not.toEqual([]);
    expect(spec.validateResponse("getGroupClusterBackupExport", 200, V2023, { ...job, state: "QUEUED" })).not.toEqual(
      [],
    );
  });

  it("dispatches export buckets on cloudProvider (discriminator)", () => {
    const V = "application/vnd.atlas.2024-05-30+json";
    const gcp = { _id: oid("d"), bucketName: "bkt", cloudProvider: "GCP", roleId: oid("e") };
    expect(spec.validateResponse("getGroupBackupExportBucket", 200, V, gcp)).toEqual([]);
    expect(
      spec.validateResponse("getGroupBackupExportBucket", 200, V, { ...gcp, cloudProvider: "AZURE" }).join(),
    ).toContain("tenantId");
    const aws = { _id: oid("d"), bucketName: "bkt", cloudProvider: "AWS", iamRoleId: oid("f") };
    expect(spec.validateResponse("getGroupBackupExportBucket", 200, V, aws)).toEqual([]);
    expect(spec.validateResponse("getGroupBackupExportBucket", 200, V, { ...aws, iamRoleId: undefined })).not.toEqual(
      [],
    );
  });

  it("validates a tenant-tier cluster's region config through the TENANT branch", () => {
    const cluster = {
      name: "legacy-m2",
      replicationSpecs: [
        {
          regionConfigs: [
            {
              providerName: "TENANT",
              backingProviderName: "AWS",
              regionName: "US_EAST_1",
              priority: 7,
              electableSpecs: { instanceSize: "M2" },
            },
          ],
        },
      ],
    };
    expect(spec.validateResponse("getGroupCluster", 200, "application/vnd.atlas.2024-08-05+json", cluster)).toEqual([]);
    const wrong = structuredClone(cluster);
    wrong.replicationSpecs[0]!.regionConfigs[0]!.providerName = "ORACLE";
    expect(spec.validateResponse("getGroupCluster", 200, "application/vnd.atlas.2024-08-05+json", wrong)).not.toEqual(
      [],
    );
  });

  it("validates ApiError bodies and error responses", () => {
    const err = {
      error: 404,
      errorCode: "RESOURCE_NOT_FOUND",
      detail: "Cannot find resource x.",
      reason: "Not Found",
      parameters: ["x"],
    };
    expect(spec.validateApiError(err)).toEqual([]);
    expect(spec.validateApiError({ error: "404", errorCode: "X" })).not.toEqual([]);
    expect(spec.validateApiError({ error: 404 })).not.toEqual([]);
    expect(spec.validateResponse("getGroup", 404, "application/json", err)).toEqual([]);
    expect(spec.validateResponse("getGroup", 404, "application/json", { message: "nope" })).not.toEqual([]);
  });

  it("validates request bodies for create operations", () => {
    const body = { exportBucketId: oid("1"), snapshotId: oid("2"), customData: [{ key: "k", value: "v" }] };
    expect(spec.validateRequestBody("createGroupClusterBackupExport", V2023, body)).toEqual([]);
    expect(spec.validateRequestBody("createGroupClusterBackupExport", V2023, { snapshotId: oid("2") })).not.toEqual([]);
  });

  it("checks the added operations' shapes: events, collection restore jobs, rate limits", () => {
    const V2023 = "application/vnd.atlas.2023-01-01+json";
    const V2025 = "application/vnd.atlas.2025-03-12+json";
    const event = {
      id: oid("a"),
      created: "2026-12-01T00:00:00Z",
      eventTypeName: "CPS_RESTORE_SUCCESSFUL",
      groupId: oid("b"),
    };
    expect(spec.validateResponse("getGroupEvent", 200, V2023, event)).toEqual([]);
    expect(spec.validateResponse("getGroupEvent", 200, V2023, { ...event, eventTypeName: "NOT_A_TYPE" })).not.toEqual(
      [],
    );
    expect(spec.validateResponse("getGroupEvent", 200, V2023, { ...event, created: undefined })).not.toEqual([]);
    expect(spec.validateResponse("getGroupEvent", 200, V2023, { ...event, raw: { severity: "LOUD" } })).not.toEqual([]);
    const job = { id: oid("c"), state: "IN_PROGRESS", restoredDocuments: 1, totalDocuments: 2 };
    expect(spec.validateResponse("getGroupClusterCollectionRestoreJob", 200, V2025, job)).toEqual([]);
    expect(
      spec.validateResponse("getGroupClusterCollectionRestoreJob", 200, V2025, { ...job, state: "DONE" }),
    ).not.toEqual([]);
    expect(spec.operation("createGroupClusterCollectionRestoreJob").successStatus).toBe(201);
    expect(spec.operation("listRateLimits").versions.map((v) => v.version)).toEqual(["2025-03-12"]);
    expect(spec.validateResponse("getRateLimit", 200, V2025, { scope: "PROJECT" })).not.toEqual([]);
  });
});
