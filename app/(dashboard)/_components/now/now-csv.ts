import { flattenJob, rowsToCsv } from "@/components/jobs/job-fields";
import type { NowRow } from "@/lib/now/dto";

/** One flat row per Now row: where it is in the estate and why it is flagged, then the job's own fields. */
export function flattenNowRow(row: NowRow): Record<string, string> {
  return {
    section: row.section,
    projectName: row.projectName,
    groupId: row.job.groupId,
    clusterTier: row.clusterTier,
    stuck: row.stuck ? row.stuck.reason : "",
    stuckReason: row.stuck?.message ?? "",
    eta: row.eta ?? "",
    ...flattenJob(row.job),
  };
}

export const nowRowsToCsv = (rows: NowRow[]) => rowsToCsv(rows.map(flattenNowRow));
