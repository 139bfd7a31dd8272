import type { Stuck } from "@/lib/jobs/dto";
import { formatUtc } from "./format";

const REASON_LABEL: Record<Stuck["reason"], string> = {
  "no-progress": "no progress",
  overdue: "overdue",
};

/**
 * A running job that has stopped moving or run far past its usual time, with the rule's own words
 * ("no progress for 42 min", "running 3.1x its usual time"). Shared by the Now page and the cluster table.
 */
export function StuckFlag({ stuck }: { stuck: Stuck }) {
  const since = stuck.since ? ` since ${formatUtc(stuck.since)}` : "";
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-1.5 text-xs text-amber-950 dark:text-amber-100">
      <span
        title={`Stuck (${REASON_LABEL[stuck.reason]})${since}`}
        className="rounded bg-amber-200 px-1.5 py-0.5 font-semibold text-amber-950 ring-1 ring-amber-500 ring-inset dark:bg-amber-900 dark:text-amber-50 dark:ring-amber-500"
      >
        <span aria-hidden="true">⚠ </span>Stuck
      </span>
      <span>{stuck.message}</span>
    </span>
  );
}
