import type { JobListQuery, JobStatus } from "@/lib/jobs/dto";
import { JOB_STATUSES } from "@/lib/view-state/contract-constants";

interface ListView {
  status: JobStatus[];
  page: number;
  pageSize: number;
  sort: JobListQuery["sort"];
  dir: JobListQuery["dir"];
  /** The timeline's brushed range: the table lists the jobs that ran within it. */
  range?: { from: number; to: number } | null;
}

/** The API query for a URL view, normalised (status order fixed) so equal views share one cache entry. */
export function listQueryFromView(view: ListView): JobListQuery {
  const status = JOB_STATUSES.filter((s) => view.status.includes(s));
  const range = view.range
    ? { from: new Date(view.range.from).toISOString(), to: new Date(view.range.to).toISOString() }
    : {};
  return { status, page: view.page, pageSize: view.pageSize, sort: view.sort, dir: view.dir, ...range };
}
