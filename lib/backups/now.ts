import "server-only";
import { endedAt } from "@/lib/jobs/timing";
import { JOB_KINDS, JOB_STATUSES, type Job, type JobKind, type JobStatus, type Stuck } from "@/lib/jobs/dto";
import { estimateTimeLeft, progressFigure, progressMoving } from "@/lib/jobs/progress";
import { isTerminal } from "@/lib/jobs/status";
import { stuckOf, usualKey, type StuckSettings } from "@/lib/jobs/stuck";
import {
  NOW_WINDOW_MS,
  type Coverage,
  type CoverageGap,
  type FindResponse,
  type NowQuery,
  type NowResponse,
  type NowRow,
  type NowSection,
} from "@/lib/now/dto";
import { filterNowRows, inNowSection } from "@/lib/now/filter-rows";
import { currentFailure, type Entry, type Failure } from "@/lib/store/entry";
import { ApiError } from "@/lib/server/errors";
import type { JobsDigest } from "./digest";
import { readDigests, walkEstate, type EstateList, type EstateWalk } from "./estate";
import type { BackupsDeps } from "./service";

/** At most this many stale or unread lists are named one by one; every failing project always is. */
const MAX_GAPS = 50;

const iso = (ms: number) => new Date(ms).toISOString();

function sectionOf(job: Job, from: number): NowSection | null {
  if (!isTerminal(job.status)) return job.status === "unknown" ? "attention" : "running";
  if (endedAt(job) < from) return null;
  return job.status === "completed" ? "finished" : "attention";
}

/** A running job's duration as of now (the stored one is as of the read); its ETA from its progress rate so far. */
function live(job: Job, fetchedAt: number, now: number): { job: Job; eta: string | null } {
  if (isTerminal(job.status) || !job.startedAt) return { job, eta: null };
  const started = Date.parse(job.startedAt);
  const updated = { ...job, durationMs: Math.max(0, now - started) } as Job;
  const figure = progressMoving(job) ? progressFigure(job) : null;
  if (!figure || figure.total === 0) return { job: updated, eta: null };
  const left = estimateTimeLeft({ at: started, done: 0 }, { at: fetchedAt, done: figure.done }, figure.total);
  return { job: updated, eta: left === null ? null : iso(fetchedAt + left) };
}

function gapOf(
  list: EstateList | null,
  project: EstateWalk["groups"][number]["project"],
  state: CoverageGap["state"],
  f?: Failure,
): CoverageGap {
  return {
    groupId: project.id,
    projectName: project.name,
    ...(list && { clusterName: list.cluster.name, kind: list.kind }),
    state,
    status: f?.status ?? null,
    errorCode: f?.errorCode ?? null,
    detail: f?.detail ?? null,
    since: f ? iso(f.at) : null,
  };
}

const zeroStatuses = () => Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;

function compare(sort: NowQuery["sort"]): (a: NowRow, b: NowRow) => number {
  const newest = (a: NowRow, b: NowRow) => endedAt(b.job) - endedAt(a.job) || (a.job.id < b.job.id ? -1 : 1);
  switch (sort) {
    case "oldest":
      return (a, b) => -newest(a, b);
    case "longest":
      return (a, b) => (b.job.durationMs ?? -1) - (a.job.durationMs ?? -1) || newest(a, b);
    case "cluster":
      return (a, b) =>
        a.projectName.localeCompare(b.projectName) ||
        a.job.clusterName.localeCompare(b.job.clusterName) ||
        newest(a, b);
    default:
      return newest;
  }
}

/** The filters the route applies beyond the page's own (kind, status, section and stuck: filterNowRows). */
function inScope(row: NowRow, q: NowQuery): boolean {
  if (q.project.length && !q.project.includes(row.job.groupId)) return false;
  if (q.q) {
    const needle = q.q.toLowerCase();
    const hay = `${row.projectName}\n${row.job.clusterName}\n${row.job.id}`.toLowerCase();
    if (!hay.includes(needle)) return false;
  }
  return true;
}

/** Stuck flags of a list's jobs, from what its digest remembers of the cluster. */
export function stuckFlags(
  jobs: readonly Job[],
  digest: JobsDigest | undefined,
  now: number,
  settings: StuckSettings,
): Map<string, Stuck> {
  const out = new Map<string, Stuck>();
  for (const job of jobs) {
    if (isTerminal(job.status)) continue;
    const stuck = stuckOf(
      job,
      { usualMs: digest?.usualMs[usualKey(job)], progressSince: digest?.progress[job.id]?.since },
      now,
      settings,
    );
    if (stuck) out.set(job.id, stuck);
  }
  return out;
}

/** The whole estate's jobs that matter now, from the store alone: partial while the collector is still reading. */
export async function readNow(deps: BackupsDeps, query: NowQuery, now: number = Date.now()): Promise<NowResponse> {
  const from = now - NOW_WINDOW_MS[query.window];
  const walk = await walkEstate(deps);
  const digests = await readDigests(deps, walk);

  const gaps: CoverageGap[] = [];
  const listGaps: CoverageGap[] = [];
  const staleByCode: Record<string, number> = {};
  const lists = { total: 0, fresh: 0, stale: 0, unread: 0, retired: 0 };
  let oldest: number | null = null;
  let projectsRead = 0;
  for (const g of walk.groups) {
    const f = g.clusters ? currentFailure(g.clusters) : undefined;
    if (g.clusters?.value !== undefined) projectsRead += 1;
    if (!g.clusters) gaps.push(gapOf(null, g.project, "unread"));
    else if (g.clusters.value === undefined) gaps.push(gapOf(null, g.project, "failing", f));
    else if (f) gaps.push(gapOf(null, g.project, "stale", f));
  }

  const all: NowRow[] = [];
  walk.lists.forEach((list, i) => {
    const entry = digests[i] ?? null;
    const f = entry ? currentFailure(entry) : undefined;
    if (f?.kind === "retired") return void (lists.retired += 1);
    lists.total += 1;
    if (!entry || (entry.value === undefined && !f)) {
      lists.unread += 1;
      listGaps.push(gapOf(list, list.project, "unread"));
      return;
    }
    if (f) {
      lists.stale += 1;
      const code = f.errorCode ?? f.kind.toUpperCase();
      staleByCode[code] = (staleByCode[code] ?? 0) + 1;
      listGaps.push(gapOf(list, list.project, entry.value === undefined ? "failing" : "stale", f));
    } else lists.fresh += 1;
    if (entry.value === undefined) return;
    const fetchedAt = entry.fetchedAt ?? 0;
    oldest = oldest === null ? fetchedAt : Math.min(oldest, fetchedAt);
    const digest = entry.value;
    const flags = stuckFlags(digest.jobs, digest, now, deps.stuck);
    for (const stored of digest.jobs) {
      const section = sectionOf(stored, from);
      if (!section) continue;
      const { job, eta } = live(stored, fetchedAt, now);
      const stuck = flags.get(job.id);
      all.push({
        section,
        projectName: list.project.name,
        clusterTier: list.cluster.tier,
        job,
        eta,
        ...(stuck && { stuck }),
      });
    }
  });

  const byKind = Object.fromEntries(JOB_KINDS.map((k) => [k, zeroStatuses()])) as Record<
    JobKind,
    Record<JobStatus, number>
  >;
  const bySection: Record<NowSection, number> = { running: 0, attention: 0, finished: 0 };
  let stuck = 0;
  for (const row of all) {
    byKind[row.job.kind][row.job.status] += 1;
    for (const s of ["running", "attention", "finished"] as const) if (inNowSection(row, s)) bySection[s] += 1;
    if (row.stuck) stuck += 1;
  }

  const catalogOk = walk.projects?.value !== undefined && !currentFailure(walk.projects);
  const coverage: Coverage = {
    ...(!catalogOk && { catalog: catalogGap(walk.projects) }),
    projects: walk.groups.length,
    projectsRead,
    clusters: new Set(walk.lists.map((l) => `${l.project.id}/${l.cluster.name}`)).size,
    lists,
    staleByCode,
    gaps: [...gaps, ...listGaps.slice(0, Math.max(0, MAX_GAPS - gaps.length))],
    gapsTruncated: gaps.length + listGaps.length > MAX_GAPS,
    oldestFetchedAt: oldest === null ? null : iso(oldest),
  };

  return {
    generatedAt: iso(now),
    window: { key: query.window, from: iso(from) },
    counts: { byKind, bySection, stuck, total: all.length },
    rows: filterNowRows(
      all.filter((r) => inScope(r, query)),
      query,
    ).sort(compare(query.sort)),
    coverage,
  };
}

function catalogGap(projects: Entry<unknown> | null): NonNullable<Coverage["catalog"]> {
  const f = projects ? currentFailure(projects) : undefined;
  return {
    state: !projects ? "unread" : projects.value === undefined ? "failing" : "stale",
    status: f?.status ?? null,
    errorCode: f?.errorCode ?? null,
    detail: f?.detail ?? null,
    since: f ? iso(f.at) : null,
  };
}

/** Where a job id is in the estate, by the ids the digests keep of every list. */
export async function findJob(deps: BackupsDeps, jobId: string): Promise<FindResponse> {
  const walk = await walkEstate(deps);
  const digests = await readDigests(deps, walk);
  let unread = 0;
  for (const [i, list] of walk.lists.entries()) {
    const ids = digests[i]?.value?.ids;
    if (ids === undefined) {
      unread += 1;
      continue;
    }
    if (!`,${ids},`.includes(`,${jobId},`)) continue;
    const { id: groupId } = list.project;
    const clusterName = list.cluster.name;
    const href = `/projects/${groupId}/clusters/${encodeURIComponent(clusterName)}?tab=${list.kind}&job=${jobId}`;
    return { kind: list.kind, groupId, clusterName, jobId, href };
  }
  const read = walk.lists.length - unread;
  throw new ApiError(
    "NOT_FOUND",
    unread > 0 || !walk.projects
      ? `No job with id ${jobId} in the ${read} job lists read so far; ${unread} are not read yet, so try again shortly`
      : `No cluster in the estate has a job with id ${jobId} (all ${read} job lists searched)`,
  );
}
