import type { APIRequestContext } from "@playwright/test";
import { JobListSchema, type Job, type JobStatus } from "../../lib/jobs/dto";
import { expect, test } from "../support/api-fixtures";
import { RAW_STATES_TO_COVER, countByStatus, expectedStatus } from "../support/expected-status";
import { atlasListPath, listPath, showcaseClusters } from "../support/routes";

/** Every job our API lists for a path and query, walking all pages of 500. */
async function allOurs(api: APIRequestContext, path: string, query = "") {
  const items: Job[] = [];
  let first: ReturnType<typeof JobListSchema.parse> | undefined;
  for (let page = 1; page <= 10; page++) {
    const list = JobListSchema.parse(await (await api.get(`${path}?pageSize=500&page=${page}${query}`)).json());
    first ??= list;
    items.push(...list.items);
    if (items.length >= list.totalCount || list.items.length === 0) break;
  }
  return { items, totalCount: first!.totalCount, counts: first!.counts };
}

const nonZero = (counts: Partial<Record<JobStatus, number>>) =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n));

// The simulator's clock runs at 60x, so a job may move on between the upstream read and ours:
// each comparison is retried until both reads agree.
test.describe("normalized status and exact counts", () => {
  for (const kind of ["restore", "export", "tenant-restore", "flex-restore", "collection-restore"] as const) {
    test(`${kind}: every raw state is passed on as Atlas sent it and maps to its normalized status`, async ({
      operator,
      sim,
      fx,
    }) => {
      const { cluster } = showcaseClusters(fx).find((c) => c.kind === kind)!;
      await expect(async () => {
        const raw = await sim.atlasAll(atlasListPath(kind, fx.showcase.groupId, cluster));
        const seen = new Set(raw.map((j) => expectedStatus(kind, j).rawState));
        for (const state of RAW_STATES_TO_COVER[kind]) expect(seen, `${kind} upstream has ${state}`).toContain(state);
        const ours = await allOurs(operator, listPath(kind, fx.showcase.groupId, cluster));
        expect(ours.items.map((j) => j.id).sort()).toEqual(raw.map((j) => String(j.id)).sort());
        const byId = new Map(ours.items.map((j) => [j.id, j]));
        for (const job of raw) {
          const expected = expectedStatus(kind, job);
          const got = byId.get(String(job.id))!;
          expect({ status: got.status, rawState: got.rawState }, `${kind} ${String(job.id)}`).toEqual(expected);
        }
        expect(ours.counts === undefined ? {} : nonZero(ours.counts)).toEqual(
          countByStatus(raw.map((j) => expectedStatus(kind, j).status)),
        );
      }).toPass({ timeout: 25_000, intervals: [500, 1000, 2000] });
    });
  }

  test("payments-prod: filters and counts are exact across upstream pages", async ({ operator, sim, fx }) => {
    const g = fx.showcase.groupId;
    const cluster = fx.showcase.bigRestoreCluster;
    const path = listPath("restore", g, cluster);
    await expect(async () => {
      const raw = await sim.atlasAll(atlasListPath("restore", g, cluster));
      expect(raw.length).toBe(fx.showcase.restoreJobCount);
      const expected = new Map(raw.map((j) => [String(j.id), expectedStatus("restore", j).status]));

      const unfiltered = JobListSchema.parse(await (await operator.get(`${path}?pageSize=50`)).json());
      expect(unfiltered.totalCount).toBe(fx.showcase.restoreJobCount);
      expect(nonZero(unfiltered.counts)).toEqual(countByStatus([...expected.values()]));

      const wanted: JobStatus[] = ["failed", "cancelled", "expired"];
      const ours = await allOurs(operator, path, wanted.map((s) => `&status=${s}`).join(""));
      const expectedIds = [...expected]
        .filter(([, s]) => wanted.includes(s))
        .map(([id]) => id)
        .sort();
      expect(expectedIds.length).toBeGreaterThan(0);
      expect(ours.totalCount).toBe(expectedIds.length);
      expect(ours.items.map((j) => j.id).sort()).toEqual(expectedIds);
      // Counts describe the whole list, not the filtered slice.
      expect(nonZero(ours.counts)).toEqual(nonZero(unfiltered.counts));
    }).toPass({ timeout: 25_000, intervals: [500, 1000, 2000] });
  });

  test("payments-prod: pages do not overlap and follow the sort", async ({ operator, fx }) => {
    const path = listPath("restore", fx.showcase.groupId, fx.showcase.bigRestoreCluster);
    const pages = await Promise.all(
      [1, 2, 3].map(async (page) =>
        JobListSchema.parse(
          await (await operator.get(`${path}?pageSize=400&page=${page}&sort=startedAt&dir=asc`)).json(),
        ),
      ),
    );
    const ids = pages.flatMap((p) => p.items.map((j) => j.id));
    expect(new Set(ids).size).toBe(fx.showcase.restoreJobCount);
    const started = pages.flatMap((p) => p.items.map((j) => j.startedAt)).filter((s): s is string => s !== null);
    expect(started).toEqual([...started].sort());
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
  });
});
