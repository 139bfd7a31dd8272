import { CardGridSkeleton } from "@/components/layout/skeletons";

export default function Loading() {
  return <CardGridSkeleton label="Loading projects" />;
}
