import { describe, expect, it } from "vitest";
import { harnessPerFile, mediaTypeOf } from "./harness";
import { createFidelitySpec } from "./spec";
import { targetFor } from "./targets";

// Every operation of the official spec, at every version it lists, answered by the simulator and
// checked against the spec: status, Content-Type naming the served version, and body schema.
// The list comes from the spec itself, so an operation the simulator lacks fails here.

const spec = createFidelitySpec();
const all = spec.operations();
const cases = all.flatMap((op) =>
  op.versions.map((v) => ({ op, v, name: `${op.method} ${op.operationId} @ ${v.version}` })),
);

const h = harnessPerFile();

describe("every spec operation x version", () => {
  it("covers the 37 operations and 43 operation-versions of the spec", () => {
    expect(all).toHaveLength(37);
    expect(cases).toHaveLength(43);
  });

  it.each(cases)("$name", async ({ op, v }) => {
    const target = await targetFor(h, op, all);
    if (target.body !== undefined)
      expect(spec.validateRequestBody(op.operationId, v.mediaType, target.body)).toEqual([]);
    const res = await h.atlas(op.method, target.path, { accept: v.mediaType, body: target.body });
    expect(res.status, res.text.slice(0, 500)).toBe(op.successStatus);
    if (op.successStatus === 204) {
      expect(res.text).toBe("");
    } else {
      expect(mediaTypeOf(res)).toBe(v.mediaType);
      expect(res.headers.get("content-type")).toMatch(/charset=utf-8/i);
    }
    for (const header of op.successHeaders) expect(res.headers.get(header), header).toMatch(/^\d+$/);
    expect(
      spec.validateResponse(op.operationId, res.status, res.headers.get("content-type") ?? v.mediaType, res.json),
    ).toEqual([]);
    if (op.successStatus !== 204 && Array.isArray((res.json as { results?: unknown }).results)) {
      // An empty list would make the schema check vacuous: the showcase data has items everywhere.
      expect((res.json as { results: unknown[] }).results.length).toBeGreaterThan(0);
    }
  });

  it("every list page validates at every version for every showcase cluster kind", async () => {
    const s = h.fixtures.showcase;
    const lists: Array<[string, string]> = [
      [
        "listGroupClusterBackupRestoreJobs",
        `/groups/${s.groupId}/clusters/${s.bigRestoreCluster}/backup/restoreJobs?itemsPerPage=500`,
      ],
      ["listGroupClusterBackupExports", `/groups/${s.groupId}/clusters/${s.exportCluster}/backup/exports`],
      [
        "listGroupClusterBackupTenantRestores",
        `/groups/${s.groupId}/clusters/${s.sharedM5MigratedCluster}/backup/tenant/restores`,
      ],
      [
        "listGroupFlexClusterBackupRestoreJobs",
        `/groups/${s.groupId}/flexClusters/${s.sharedM5MigratedCluster}/backup/restoreJobs`,
      ],
      ["listGroupClusters", `/groups/${s.groupId}/clusters?itemsPerPage=500`],
    ];
    for (const [operationId, path] of lists) {
      for (const v of spec.operation(operationId).versions) {
        const res = await h.atlas("GET", path, { accept: v.mediaType });
        expect(res.status, `${operationId} ${v.version}: ${res.text.slice(0, 300)}`).toBe(200);
        expect(
          spec.validateResponse(operationId, 200, res.headers.get("content-type"), res.json),
          `${operationId} ${v.version}`,
        ).toEqual([]);
      }
    }
  });
});
