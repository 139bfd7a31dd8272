import type { ClusterTier, JobKind } from "@/lib/jobs/dto";

export const JOB_KIND_LABEL: Record<JobKind, string> = {
  restore: "Restore jobs",
  export: "Snapshot exports",
  "tenant-restore": "Tenant restores",
  "flex-restore": "Flex restore jobs",
};

export const TIER_LABEL: Record<ClusterTier, string> = {
  dedicated: "Dedicated",
  shared: "Shared",
  flex: "Flex",
};
