"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { Button } from "@/components/ui/button";

/** Shared body of every segment's error.tsx: re-runs the server render, then resets the boundary. */
export function SegmentError({
  error,
  reset,
  what,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  what: string;
}) {
  const router = useRouter();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50"
    >
      <h2 className="font-semibold">Could not load {what}</h2>
      <p className="mt-1 text-sm">
        {error.message && !error.digest ? error.message : "Atlas or Backwatch failed while rendering this page."}
        {error.digest ? ` Reference: ${error.digest}.` : ""}
      </p>
      <Button variant="danger" className="mt-3" onClick={retry}>
        Retry
      </Button>
    </div>
  );
}
