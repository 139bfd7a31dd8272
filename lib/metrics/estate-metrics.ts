import "server-only";
import { endedAt } from "@/lib/jobs/timing";
import { Gauge, type Registry } from "prom-client";
import type { Job, JobKind } from "@/lib/jobs/dto";
import { isTerminal } from "@/lib/jobs/status";
import type { Stuck } from "@/lib/now/dto";

/** One cluster's job list of one kind as the store holds it now (lib/metrics/estate-facts.ts reads it). */
export interface EstateListFacts {
  projectId: string;
  projectName: string;
  cluster: string;
  kind: JobKind;
  /** fresh: the last refresh worked; stale: it failed after a good read (or nothing good yet); unread: never tried. */
  state: "fresh" | "stale" | "unread" | "retired";
  /** When the value shown left Atlas; null when there is none. */
  fetchedAt: number | null;
  /** Jobs still going, and those that ended within the digest's span (a week). */
  jobs: readonly Job[];
  /** Running jobs flagged stuck, by job id. */
  stuck: ReadonlyMap<string, Stuck["reason"]>;
}

export interface EstateFacts {
  now: number;
  lists: readonly EstateListFacts[];
}

/** Terminal jobs count in backwatch_jobs while they ended this recently. */
export const TERMINAL_WINDOW_MS = 24 * 3_600_000;
/** Per-job families (elapsed, progress, stuck) keep at most this many series: the longest-running first. */
export const MAX_JOB_SERIES = 2_000;

const COVERAGE_STATES = ["fresh", "stale", "unread", "retired"] as const;

interface RunningJob {
  labels: { project: string; project_name: string; cluster: string; kind: JobKind; job_id: string };
  seconds: number;
  ratio?: number;
  reason?: Stuck["reason"];
}

/**
 * The job series: what the store holds of every cluster, set anew from one reading of the store per
 * scrape (update is synchronous, so a concurrent scrape never renders half of one).
 */
export function createEstateMetrics(registry: Registry) {
  const registers = [registry];
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Gauge<L>({ name, help, labelNames, registers });
  const where = ["project", "project_name", "cluster"] as const;

  const jobs = gauge(
    "backwatch_jobs",
    "Jobs by project, cluster, kind and status: every one still going, and terminal ones that ended in the last 24 h",
    [...where, "kind", "status"],
  );
  const running = gauge("backwatch_job_running_seconds", "Seconds since each running job started", [
    ...where,
    "kind",
    "job_id",
  ]);
  const progress = gauge(
    "backwatch_export_progress_ratio",
    "Collections exported over collections to export, per running export job (0 to 1)",
    [...where, "job_id"],
  );
  const stuck = gauge("backwatch_job_stuck", "1 per running job Backwatch flags stuck; reason no-progress or overdue", [
    ...where,
    "kind",
    "job_id",
    "reason",
  ]);
  const lastFailure = gauge(
    "backwatch_job_last_failure_timestamp_seconds",
    "When the newest failed job of each cluster and kind ended (Unix seconds), over the last week",
    [...where, "kind"],
  );
  const dataAge = gauge(
    "backwatch_data_age_seconds",
    "Age of a project's oldest job list in the store: how long ago it left Atlas",
    ["project", "project_name"],
  );
  const lists = gauge("backwatch_coverage_lists", "Job lists (one per cluster and kind) by freshness", ["state"]);
  const clusters = gauge(
    "backwatch_coverage_clusters",
    "Clusters by the worst freshness of their job lists (unread, then stale, then fresh)",
    ["state"],
  );
  const truncated = gauge(
    "backwatch_series_truncated",
    "1 when a per-job family had more series than it keeps (MAX_JOB_SERIES, longest-running first)",
    ["family"],
  );
  const all = [jobs, running, progress, stuck, lastFailure, dataAge, lists, clusters, truncated];

  function update({ now, lists: facts }: EstateFacts): void {
    for (const g of all) g.reset();
    const going: RunningJob[] = [];
    const listsBy: Record<string, number> = {};
    const clusterState = new Map<string, EstateListFacts["state"]>();
    const oldest = new Map<string, { name: string; at: number }>();

    for (const list of facts) {
      const at = { project: list.projectId, project_name: list.projectName, cluster: list.cluster };
      listsBy[list.state] = (listsBy[list.state] ?? 0) + 1;
      const key = `${list.projectId}/${list.cluster}`;
      clusterState.set(key, worse(clusterState.get(key), list.state));
      if (list.fetchedAt !== null) {
        const o = oldest.get(list.projectId);
        if (!o || list.fetchedAt < o.at) oldest.set(list.projectId, { name: list.projectName, at: list.fetchedAt });
      }
      const counts = new Map<string, number>();
      let failedAt = 0;
      for (const job of list.jobs) {
        const terminal = isTerminal(job.status);
        if (!terminal || endedAt(job) >= now - TERMINAL_WINDOW_MS)
          counts.set(job.status, (counts.get(job.status) ?? 0) + 1);
        if (job.status === "failed") failedAt = Math.max(failedAt, endedAt(job));
        if (terminal || !job.startedAt) continue;
        const p = job.kind === "export" ? job.progress : null;
        going.push({
          labels: { ...at, kind: list.kind, job_id: job.id },
          seconds: Math.max(0, (now - Date.parse(job.startedAt)) / 1000),
          ...(p && p.total > 0 && { ratio: p.exported / p.total }),
          ...(list.stuck.has(job.id) && { reason: list.stuck.get(job.id) }),
        });
      }
      for (const [status, n] of counts) jobs.set({ ...at, kind: list.kind, status }, n);
      if (failedAt > 0) lastFailure.set({ ...at, kind: list.kind }, failedAt / 1000);
    }

    // The longest-running jobs are the ones alerts are about: they keep their series when there are too many.
    going.sort((a, b) => b.seconds - a.seconds);
    const families = {
      running: going,
      progress: going.filter((j) => j.ratio !== undefined),
      stuck: going.filter((j) => j.reason !== undefined),
    };
    for (const j of families.running.slice(0, MAX_JOB_SERIES)) running.set(j.labels, j.seconds);
    for (const { labels, ratio } of families.progress.slice(0, MAX_JOB_SERIES)) {
      const { project, project_name, cluster, job_id } = labels;
      progress.set({ project, project_name, cluster, job_id }, ratio!);
    }
    for (const j of families.stuck.slice(0, MAX_JOB_SERIES)) stuck.set({ ...j.labels, reason: j.reason! }, 1);
    for (const [family, list] of Object.entries(families))
      truncated.set({ family }, list.length > MAX_JOB_SERIES ? 1 : 0);

    for (const [project, { name, at }] of oldest) dataAge.set({ project, project_name: name }, (now - at) / 1000);
    for (const state of COVERAGE_STATES) lists.set({ state }, listsBy[state] ?? 0);
    const byCluster = { fresh: 0, stale: 0, unread: 0 };
    for (const state of clusterState.values()) if (state !== "retired") byCluster[state] += 1;
    for (const [state, n] of Object.entries(byCluster)) clusters.set({ state }, n);
  }

  return { update };
}

const RANK = { retired: 0, fresh: 1, stale: 2, unread: 3 } as const;
function worse(a: EstateListFacts["state"] | undefined, b: EstateListFacts["state"]): EstateListFacts["state"] {
  return a === undefined || RANK[b] > RANK[a] ? b : a;
}

export type EstateMetrics = ReturnType<typeof createEstateMetrics>;
