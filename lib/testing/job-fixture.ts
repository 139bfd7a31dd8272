// A minimal Flex restore job for unit tests of browser-side job logic (lists, timeline).
import type { Job, JobStatus } from "@/lib/jobs/dto";

export function fakeJob(
  id: string,
  status: JobStatus,
  startedAt: string | null,
  finishedAt: string | null = null,
  durationMs: number | null = null,
): Job {
  return {
    kind: "flex-restore",
    id: id.padStart(24, "0"),
    groupId: "5f1e2d3c4b5a697887766555",
    clusterName: "flex-dev",
    status,
    rawState: status,
    deliveryType: null,
    snapshotId: null,
    startedAt,
    finishedAt,
    durationMs,
    expiresAt: null,
    hasDownloadUrl: false,
    targetProjectId: null,
    targetDeploymentItemName: null,
    snapshotFinishedAt: null,
  };
}
