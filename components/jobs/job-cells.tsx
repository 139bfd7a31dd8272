import type { Job } from "@/lib/jobs/dto";
import { restoreTarget, restoreTargetParts } from "./job-fields";

const PROJECT_TAIL = 6;
const DATE = /\d{4}-\d{2}-\d{2}/;

/** Text with its date kept on one line: Chromium may break "2026-11-22" after a hyphen in a narrow cell. */
export function unbrokenDate(text: string) {
  const match = DATE.exec(text);
  if (!match) return text;
  return (
    <>
      {text.slice(0, match.index)}
      <span className="whitespace-nowrap">{match[0]}</span>
      {text.slice(match.index + match[0].length)}
    </>
  );
}

/**
 * Cluster name, then the project id shortened to its tail: the full value is in the title (hover)
 * and in sr-only text (screen readers), so the column stays narrow without losing anything.
 * Flat on purpose: a page of 50 rows pays for every element per row in style, layout and paint.
 */
export function targetCell(job: Job) {
  const parts = restoreTargetParts(job);
  if (!parts) return "—";
  if (!parts.projectId) return parts.clusterName ?? "—";
  return (
    <>
      {parts.clusterName ?? "—"}
      <span className="block text-xs text-zinc-700 dark:text-zinc-300" aria-hidden="true" title={restoreTarget(job)}>
        {`project …${parts.projectId.slice(-PROJECT_TAIL)}`}
      </span>
      <span className="sr-only">{` in project ${parts.projectId}`}</span>
    </>
  );
}
