import { describe, expect, it } from "vitest";
import { parseCli } from "./cli";
import { harnessPerFile } from "./fidelity/harness";
import { createFidelitySpec } from "./fidelity/spec";

// --unreadable-projects N: the last N projects are listed, but the credential can read nothing in them,
// as for a project where it holds no role.
const spec = createFidelitySpec();
const h = harnessPerFile({ unreadableProjects: 1 });

describe("unreadable projects", () => {
  it("lists the last project, then answers 403 ACCESS_FORBIDDEN for everything under it", async () => {
    const last = h.fixtures.projects.at(-1)!;
    const groups = await h.atlas("GET", "/groups", { accept: "2023-01-01" });
    expect((groups.json as { results: Array<{ id: string }> }).results.map((g) => g.id)).toContain(last.id);
    const paths = [
      `/groups/${last.id}`,
      `/groups/${last.id}/clusters`,
      `/groups/${last.id}/flexClusters`,
      `/groups/${last.id}/clusters/orders-prod/backup/restoreJobs`,
      `/groups/${last.id}/backup/exportBuckets`,
    ];
    for (const path of paths) {
      const res = await h.atlas("GET", path, { accept: "2025-03-12" });
      expect(res.status, path).toBe(403);
      expect(spec.validateApiError(res.json)).toEqual([]);
      expect(res.json).toMatchObject({ error: 403, errorCode: "ACCESS_FORBIDDEN", reason: "Forbidden" });
    }
  });

  it("still serves every other project, the showcase first", async () => {
    const { groupId, bigRestoreCluster } = h.fixtures.showcase;
    const res = await h.atlas("GET", `/groups/${groupId}/clusters/${bigRestoreCluster}/backup/restoreJobs`, {
      accept: "2023-01-01",
    });
    expect(res.status).toBe(200);
    expect(h.fixtures.projects.at(-1)!.id).not.toBe(groupId);
  });

  it("is a CLI flag, default 0", () => {
    expect(parseCli(["--unreadable-projects", "2"]).unreadableProjects).toBe(2);
    expect(parseCli([]).unreadableProjects).toBeUndefined();
  });
});
