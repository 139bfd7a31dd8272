import { ClusterSkeleton } from "@/components/layout/skeletons";

export default function Loading() {
  return <ClusterSkeleton />;
}
