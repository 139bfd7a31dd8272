"use client";

import { SegmentError } from "@/components/layout/segment-error";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError error={error} reset={reset} what="this cluster's jobs" />;
}
