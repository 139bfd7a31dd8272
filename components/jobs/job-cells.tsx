import type { Job } from "@/lib/jobs/dto";
import { formatUtcShort } from "./format";
import { restoreTarget, restoreTargetParts } from "./job-fields";

const PROJECT_TAIL = 6;

/** Date and time may wrap onto two lines (never mid-value), which keeps the time columns narrow. */
export function UtcCell({ value }: { value: string | null | undefined }) {
  const text = formatUtcShort(value);
  const [date, time] = text.split(" ");
  if (!time) return text;
  return (
    <>
      <span className="whitespace-nowrap">{date}</span> <span className="whitespace-nowrap">{time}</span>
    </>
  );
}

/**
 * Cluster name, then the project id shortened to its tail: the full value is in the title (hover)
 * and in sr-only text (screen readers), so the column stays narrow without losing anything.
 */
export function TargetCell({ job }: { job: Job }) {
  const parts = restoreTargetParts(job);
  if (!parts) return "—";
  return (
    <span className="block whitespace-nowrap" title={restoreTarget(job)}>
      {parts.clusterName ?? "—"}
      {parts.projectId ? (
        <span className="block text-xs text-zinc-700 dark:text-zinc-300">
          <span aria-hidden="true">project …{parts.projectId.slice(-PROJECT_TAIL)}</span>
          <span className="sr-only">in project {parts.projectId}</span>
        </span>
      ) : null}
    </span>
  );
}
