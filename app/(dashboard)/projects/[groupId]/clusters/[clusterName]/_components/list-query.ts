import type { JobListQuery, JobStatus } from "@/lib/jobs/dto";
import { JOB_STATUSES, MAX_PAGE_SIZE } from "@/lib/view-state/contract-constants";

interface ListView {
  status: JobStatus[];
  page: number;
  pageSize: number;
  sort: JobListQuery["sort"];
  dir: JobListQuery["dir"];
}

/** The API query for a URL view, normalised (status order fixed) so equal views share one cache entry. */
export function listQueryFromView(view: ListView): JobListQuery {
  const status = JOB_STATUSES.filter((s) => view.status.includes(s));
  return { status, page: view.page, pageSize: view.pageSize, sort: view.sort, dir: view.dir };
}

/** The timeline's query: the newest jobs by start time, one large page, enough for any window a DBA looks at. */
export const TIMELINE_QUERY: JobListQuery = {
  status: [],
  page: 1,
  pageSize: MAX_PAGE_SIZE,
  sort: "startedAt",
  dir: "desc",
};
