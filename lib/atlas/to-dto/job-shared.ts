import "server-only";
import type { Job } from "@/lib/jobs/dto";
import { durationMs } from "@/lib/jobs/timing";

export interface JobContext {
  groupId: string;
  clusterName: string;
  /** When the data left Atlas: a running job's duration is measured to this instant. */
  now: Date;
}

type SharedFields = Pick<
  Job,
  | "id"
  | "status"
  | "rawState"
  | "deliveryType"
  | "snapshotId"
  | "startedAt"
  | "finishedAt"
  | "expiresAt"
  | "hasDownloadUrl"
>;

/** The fields every job kind carries; a running job's duration is measured to ctx.now. */
export function shared(ctx: JobContext, fields: SharedFields) {
  const { startedAt, finishedAt, status } = fields;
  return {
    ...fields,
    groupId: ctx.groupId,
    clusterName: ctx.clusterName,
    durationMs: durationMs(startedAt, finishedAt, status, ctx.now),
  };
}
