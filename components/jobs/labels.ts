import type { ClusterTier } from "@/lib/jobs/dto";

export { JOB_KIND_LABEL, JOB_KIND_ONE } from "@/lib/jobs/kind-words";

export const TIER_LABEL: Record<ClusterTier, string> = {
  dedicated: "Dedicated",
  shared: "Shared",
  flex: "Flex",
};
