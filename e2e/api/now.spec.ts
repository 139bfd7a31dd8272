import type { APIRequestContext } from "@playwright/test";
import { ClusterListSchema, ErrorEnvelopeSchema, ProjectListSchema, type JobStatus } from "../../lib/jobs/dto";
import { FindResponseSchema, NowResponseSchema, type NowResponse } from "../../lib/now/dto";
import { expect, test } from "../support/api-fixtures";
import { expectedStatus } from "../support/expected-status";
import { atlasListPath, randomId, type JobRouteKind } from "../support/routes";
import type { Simulator } from "../support/simulator-control";

// The Now route against the simulator's raw truth. Backwatch reads the estate on its own schedule
// (the first request starts it), so each comparison waits for a complete picture and retries while
// the simulator's 60x clock moves jobs on between its read and ours.

async function now(api: APIRequestContext, query = ""): Promise<NowResponse> {
  const res = await api.get(`/api/now${query}`);
  expect(res.status(), `/api/now${query}`).toBe(200);
  return NowResponseSchema.parse(await res.json());
}

/** Waits until every list of the estate has been read at least once. */
async function complete(api: APIRequestContext): Promise<NowResponse> {
  let last: NowResponse | undefined;
  await expect(async () => {
    last = await now(api);
    expect(last.coverage.projects).toBeGreaterThan(0);
    expect(last.coverage.projectsRead).toBe(last.coverage.projects);
    expect(last.coverage.lists.unread).toBe(0);
  }).toPass({ timeout: 30_000, intervals: [500, 1000] });
  return last!;
}

const dateOf = (v: unknown) => (typeof v === "string" ? Date.parse(v) : NaN);
const idDate = (id: string) => parseInt(id.slice(0, 8), 16) * 1000;

/** When a raw Atlas job ended (or started, if it has no end), as the spec names the fields per kind. */
function rawEnd(raw: Record<string, unknown>): number {
  const end = dateOf(raw.finishedAt ?? raw.restoreFinishedDate);
  if (Number.isFinite(end)) return end;
  const start = dateOf(raw.createdAt ?? raw.restoreScheduledDate);
  return Number.isFinite(start) ? start : idDate(String(raw.id));
}

interface RawJob {
  id: string;
  kind: JobRouteKind;
  groupId: string;
  cluster: string;
  status: JobStatus;
  end: number;
}

/** Every job of every cluster the credential sees, straight from the simulator. */
async function rawEstate(sim: Simulator, operator: APIRequestContext): Promise<RawJob[]> {
  const projects = ProjectListSchema.parse(await (await operator.get("/api/projects")).json()).items;
  const out: RawJob[] = [];
  for (const p of projects) {
    const clusters = ClusterListSchema.parse(await (await operator.get(`/api/projects/${p.id}/clusters`)).json());
    for (const c of clusters.items)
      for (const kind of c.jobKinds) {
        for (const raw of await sim.atlasAll(atlasListPath(kind, p.id, c.name)))
          out.push({
            id: String(raw.id),
            kind,
            groupId: p.id,
            cluster: c.name,
            status: expectedStatus(kind, raw).status,
            end: rawEnd(raw),
          });
      }
  }
  return out;
}

const TERMINAL_BAD = new Set<JobStatus>(["failed", "cancelled", "expired"]);

test.describe("GET /api/now", () => {
  test("reads the whole estate: terminal jobs of the window, in the right section, as Atlas has them", async ({
    operator,
    sim,
  }) => {
    await complete(operator);
    await expect(async () => {
      const ours = await now(operator, "?window=7d");
      const simNow = Date.parse(await sim.clock());
      const raw = await rawEstate(sim, operator);
      const from = Date.parse(ours.window.from);
      // Jobs well inside the window and ended long enough ago that every list read since has them.
      const settled = (end: number) => end > from + 10 * 60_000 && end < simNow - 30 * 60_000;
      const expected = raw.filter((j) => j.status !== "queued" && j.status !== "running" && settled(j.end));
      const got = ours.rows.filter(
        (r) => r.section !== "running" && settled(Date.parse(r.job.finishedAt ?? r.job.startedAt!)),
      );
      expect(expected.length).toBeGreaterThan(5);
      const key = (j: { kind: string; id: string }) => `${j.kind}:${j.id}`;
      expect(got.map((r) => key(r.job)).sort()).toEqual(expected.map(key).sort());
      const byId = new Map(got.map((r) => [key(r.job), r]));
      for (const j of expected) {
        const row = byId.get(key(j))!;
        expect(row.job.status).toBe(j.status);
        expect(row.job.groupId).toBe(j.groupId);
        expect(row.job.clusterName).toBe(j.cluster);
        expect(row.section).toBe(j.status === "completed" ? "finished" : "attention");
      }
      // Every job still going upstream (and long enough to have been read) is on Now as running.
      const going = raw.filter(
        (j) => (j.status === "running" || j.status === "queued") && j.end < simNow - 30 * 60_000,
      );
      const runningIds = new Set(ours.rows.filter((r) => r.section === "running").map((r) => key(r.job)));
      for (const j of going) expect(runningIds, `${key(j)} on ${j.cluster}`).toContain(key(j));
    }).toPass({ timeout: 30_000, intervals: [1000, 2000] });
  });

  test("counts are over the window before filters, and each filter narrows to exactly its rows", async ({
    operator,
  }) => {
    await complete(operator);
    const all = await now(operator, "?window=7d");
    expect(all.counts.total).toBe(all.rows.length);
    const byStatus = new Map<string, number>();
    for (const r of all.rows)
      byStatus.set(`${r.job.kind}/${r.job.status}`, (byStatus.get(`${r.job.kind}/${r.job.status}`) ?? 0) + 1);
    for (const [kind, statuses] of Object.entries(all.counts.byKind))
      for (const [status, n] of Object.entries(statuses))
        expect(n, `${kind}/${status}`).toBe(byStatus.get(`${kind}/${status}`) ?? 0);
    expect(all.counts.stuck).toBe(all.rows.filter((r) => r.stuck).length);

    const failed = await now(operator, "?window=7d&status=failed&kind=export");
    expect(failed.rows.length).toBeGreaterThan(0);
    expect(failed.rows.every((r) => r.job.status === "failed" && r.job.kind === "export")).toBe(true);
    // The counts do not move with the filters: they are the filters' menu.
    await expect(async () => {
      const [plain, filtered] = await Promise.all([
        now(operator, "?window=7d"),
        now(operator, "?window=7d&status=failed&kind=export&stuck=false"),
      ]);
      expect(filtered.counts).toEqual(plain.counts);
    }).toPass({ timeout: 15_000 });

    const attention = await now(operator, "?window=7d&section=attention");
    expect(attention.rows.length).toBe(attention.counts.bySection.attention);
    for (const r of attention.rows)
      expect(TERMINAL_BAD.has(r.job.status) || r.stuck !== undefined || r.job.status === "unknown").toBe(true);

    const oneProject = all.rows[0]!.job.groupId;
    const scoped = await now(operator, `?window=7d&project=${oneProject}`);
    expect(scoped.rows.length).toBeGreaterThan(0);
    expect(scoped.rows.every((r) => r.job.groupId === oneProject)).toBe(true);

    const cluster = all.rows[0]!.job.clusterName;
    const named = await now(operator, `?window=7d&q=${cluster.toUpperCase()}`);
    expect(named.rows.some((r) => r.job.clusterName === cluster)).toBe(true);
    expect(
      named.rows.every((r) =>
        `${r.projectName} ${r.job.clusterName} ${r.job.id}`.toLowerCase().includes(cluster.toLowerCase()),
      ),
    ).toBe(true);

    const shorter = await now(operator, "?window=1h");
    const from = Date.parse(shorter.window.from);
    for (const r of shorter.rows)
      if (r.section !== "running")
        expect(Date.parse(r.job.finishedAt ?? r.job.startedAt!)).toBeGreaterThanOrEqual(from);

    const longest = await now(operator, "?window=7d&sort=longest");
    const durations = longest.rows.map((r) => r.job.durationMs ?? -1);
    expect(durations).toEqual([...durations].sort((a, b) => b - a));
  });

  test("collection restores are on Now: counted, filtered by kind, with their document progress", async ({
    operator,
    fx,
  }) => {
    await complete(operator);
    const only = await now(operator, "?window=7d&kind=collection-restore");
    expect(only.rows.length).toBeGreaterThan(0);
    expect(only.rows.every((r) => r.job.kind === "collection-restore")).toBe(true);
    const counted = Object.values(only.counts.byKind["collection-restore"] ?? {}).reduce((a, b) => a + b, 0);
    expect(counted).toBeGreaterThanOrEqual(only.rows.length);
    // The showcase cluster's three jobs that never finish, one in each working state.
    const going = only.rows.filter(
      (r) => r.job.groupId === fx.showcase.groupId && r.job.clusterName === fx.showcase.bigRestoreCluster,
    );
    const working = going.filter((r) => r.section === "running").map((r) => r.job.rawState);
    expect(working.sort()).toEqual(["FINALIZING", "INITIALIZING", "IN_PROGRESS"]);
    for (const r of going.filter((g) => g.section === "running"))
      expect(r.job.kind === "collection-restore" && r.job.progress !== null, r.job.id).toBe(true);
  });

  test("stuck jobs carry their reason; the showcase's jobs running for weeks are overdue", async ({ operator }) => {
    await complete(operator);
    const stuck = await now(operator, "?stuck=true");
    expect(stuck.rows.length).toBeGreaterThan(0);
    for (const r of stuck.rows) {
      expect(r.section).toBe("running");
      expect(r.stuck!.message).toMatch(/^(no progress for \d|(running|queued) \d)/);
      if (r.stuck!.reason === "overdue") expect(r.job.durationMs!).toBeGreaterThan(r.stuck!.limitMs!);
    }
    // The same flag on the cluster page's list route.
    const row = stuck.rows.find((r) => r.job.kind === "restore") ?? stuck.rows[0]!;
    const kindPath = {
      restore: "restore-jobs",
      export: "exports",
      "tenant-restore": "tenant-restores",
      "collection-restore": "collection-restores",
    } as const;
    const path =
      row.job.kind === "flex-restore"
        ? `/api/projects/${row.job.groupId}/flex-clusters/${row.job.clusterName}/restore-jobs`
        : `/api/projects/${row.job.groupId}/clusters/${row.job.clusterName}/${kindPath[row.job.kind]}`;
    const list = await (await operator.get(`${path}?pageSize=500`)).json();
    expect(list.stuck?.[row.job.id]?.reason).toBe(row.stuck!.reason);
  });

  test("find a job by id: any job of any cluster, and a clear answer for one nobody has", async ({ operator, sim }) => {
    await complete(operator);
    const raw = await rawEstate(sim, operator);
    // The oldest job of some cluster: far outside every window, still found.
    const target = raw.reduce((a, b) => (b.end < a.end ? b : a));
    const res = await operator.get(`/api/now/find?id=${target.id}`);
    expect(res.status()).toBe(200);
    const found = FindResponseSchema.parse(await res.json());
    expect(found).toMatchObject({
      kind: target.kind,
      groupId: target.groupId,
      clusterName: target.cluster,
      jobId: target.id,
    });
    expect(found.href).toBe(
      `/projects/${target.groupId}/clusters/${target.cluster}?tab=${target.kind}&job=${target.id}`,
    );

    const missing = await operator.get(`/api/now/find?id=${randomId()}`);
    expect(missing.status()).toBe(404);
    const body = ErrorEnvelopeSchema.parse(await missing.json());
    expect(body.error.code).toBe("NOT_FOUND");
    expect(body.error.message).toMatch(/No cluster in the estate has a job with id/);
  });

  test("needs a session, and viewers never see a download URL in it", async ({ anon, viewer }) => {
    expect((await anon.get("/api/now")).status()).toBe(401);
    expect((await anon.get(`/api/now/find?id=${randomId()}`)).status()).toBe(401);
    const text = await (await viewer.get("/api/now?window=7d")).text();
    expect(text).not.toMatch(/https?:\/\/[^"]*(X-Amz|sig=|Signature)/i);
  });
});
