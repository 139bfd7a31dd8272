import { JOB_STATUSES, type Job, type JobListQuery, type JobStatus } from "./dto";
import { ranWithin } from "./timing";

export type StatusCounts = Record<JobStatus, number>;

export function countByStatus(jobs: readonly Pick<Job, "status">[]): StatusCounts {
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const job of jobs) counts[job.status] += 1;
  return counts;
}

export function filterByStatus<T extends Pick<Job, "status">>(jobs: readonly T[], statuses: readonly JobStatus[]): T[] {
  if (statuses.length === 0) return [...jobs];
  const wanted = new Set(statuses);
  return jobs.filter((job) => wanted.has(job.status));
}

/** Sorted by a date field; jobs without that date always come last, and ties fall back to the id. */
export function sortJobs<T extends Pick<Job, "id" | "startedAt" | "finishedAt">>(
  jobs: readonly T[],
  field: JobListQuery["sort"],
  dir: JobListQuery["dir"],
): T[] {
  const sign = dir === "asc" ? 1 : -1;
  const time = (job: T) => {
    const value = job[field];
    return value ? Date.parse(value) : Number.NaN;
  };
  return [...jobs].sort((a, b) => {
    const ta = time(a);
    const tb = time(b);
    if (Number.isNaN(ta) !== Number.isNaN(tb)) return Number.isNaN(ta) ? 1 : -1;
    if (!Number.isNaN(ta) && ta !== tb) return (ta - tb) * sign;
    return a.id < b.id ? -sign : a.id > b.id ? sign : 0;
  });
}

export function pageOf<T>(items: readonly T[], page: number, pageSize: number): T[] {
  const start = (page - 1) * pageSize;
  return items.slice(start, start + pageSize);
}

/** Jobs that ran within a brushed range; either end open when absent. */
export function filterByRange<T extends Job>(jobs: readonly T[], from?: string, to?: string): T[] {
  if (!from && !to) return [...jobs];
  const a = from ? Date.parse(from) : -Infinity;
  const b = to ? Date.parse(to) : Infinity;
  return jobs.filter((job) => ranWithin(job, a, b));
}

/**
 * Counts over everything, then filter, sort and page: counts and totals are exact over the whole list.
 * The status counts ignore the brushed range too, so each chip still says what the cluster holds.
 */
export function applyListQuery<T extends Job>(jobs: readonly T[], query: JobListQuery) {
  const filtered = filterByStatus(filterByRange(jobs, query.from, query.to), query.status);
  return {
    items: pageOf(sortJobs(filtered, query.sort, query.dir), query.page, query.pageSize),
    totalCount: filtered.length,
    counts: countByStatus(jobs),
    page: query.page,
    pageSize: query.pageSize,
  };
}
