import { NowResponseSchema } from "../../../lib/now/dto";
import { expect, test } from "../../support/api-fixtures";

// A project the credential can no longer read (403 on everything under it) stays on Now's coverage,
// named with Atlas's errorCode, while its last good jobs are kept and marked stale. Its fault fails a
// whole project, so it runs in the exclusive project and removes its own fault.
test("a project answering 403 is listed in coverage with Atlas's errorCode, never silently missing", async ({
  operator,
  sim,
  fx,
}) => {
  test.setTimeout(120_000);
  const project = fx.projects.find((p) => p.id !== fx.showcase.groupId) ?? fx.projects[0]!;
  const read = async () => NowResponseSchema.parse(await (await operator.get("/api/now")).json());
  // A complete picture first: every project's clusters read, every list read.
  await expect(async () => {
    const { coverage } = await read();
    expect(coverage.projectsRead).toBe(coverage.projects);
    expect(coverage.lists.unread).toBe(0);
  }).toPass({ timeout: 30_000 });
  const before = await read();
  const fault = await sim.addFault({
    path: `^/api/atlas/v2/groups/${project.id}/.*`,
    status: 403,
    errorCode: "ACCESS_FORBIDDEN",
  });
  try {
    await expect(async () => {
      const now = await read();
      const gap = now.coverage.gaps.find((g) => g.groupId === project.id && g.clusterName === undefined);
      expect(gap, "the project itself is named").toMatchObject({
        projectName: project.name,
        status: 403,
        errorCode: "ACCESS_FORBIDDEN",
      });
      expect(now.coverage.staleByCode.ACCESS_FORBIDDEN ?? 0).toBeGreaterThan(0);
      // Still counted: the estate did not shrink.
      expect(now.coverage.projects).toBe(before.coverage.projects);
      expect(now.coverage.lists.stale).toBeGreaterThan(0);
    }).toPass({ timeout: 40_000, intervals: [1000, 2000] });
  } finally {
    await sim.removeFault(fault);
  }
  await expect(async () => {
    const now = await read();
    expect(now.coverage.gaps.filter((g) => g.groupId === project.id)).toEqual([]);
  }).toPass({ timeout: 40_000, intervals: [1000, 2000] });
});
