import { NowSkeleton } from "@/components/layout/skeletons";

// The dashboard's own page is Now; every other segment has its own loading.tsx.
export default function Loading() {
  return <NowSkeleton />;
}
