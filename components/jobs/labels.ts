import type { ClusterTier, JobKind } from "@/lib/jobs/dto";

export const JOB_KIND_LABEL: Record<JobKind, string> = {
  restore: "Restore jobs",
  export: "Snapshot exports",
  "tenant-restore": "Tenant restores",
  "flex-restore": "Flex restore jobs",
  "collection-restore": "Collection restores",
};

/** One job of the kind, for a row that names its kind (the Now page mixes them). */
export const JOB_KIND_ONE: Record<JobKind, string> = {
  restore: "Restore",
  export: "Snapshot export",
  "tenant-restore": "Tenant restore",
  "flex-restore": "Flex restore",
  "collection-restore": "Collection restore",
};

export const TIER_LABEL: Record<ClusterTier, string> = {
  dedicated: "Dedicated",
  shared: "Shared",
  flex: "Flex",
};
