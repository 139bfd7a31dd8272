"use client";

import { memo } from "react";
import { Chip } from "@/components/ui/chip";
import type { JobStatus } from "@/lib/jobs/dto";
import { JOB_STATUSES } from "@/lib/view-state/contract-constants";

/** One chip per status Atlas reported for this cluster, with the API's exact count (not the page's). */
export const StatusChips = memo(function StatusChips({
  counts,
  selected,
  onChange,
}: {
  counts: Partial<Record<JobStatus, number>>;
  selected: JobStatus[];
  onChange: (next: JobStatus[]) => void;
}) {
  const visible = JOB_STATUSES.filter((s) => (counts[s] ?? 0) > 0 || selected.includes(s));
  const total = JOB_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  const toggle = (status: JobStatus) =>
    onChange(
      selected.includes(status)
        ? selected.filter((s) => s !== status)
        : JOB_STATUSES.filter((s) => s === status || selected.includes(s)),
    );
  return (
    <div role="group" aria-label="Filter by status" className="flex flex-wrap items-center gap-2">
      <Chip pressed={selected.length === 0} onClick={() => onChange([])}>
        All <span className="tabular-nums">{total}</span>
      </Chip>
      {visible.map((status) => (
        <Chip key={status} pressed={selected.includes(status)} onClick={() => toggle(status)}>
          {status} <span className="tabular-nums">{counts[status] ?? 0}</span>
        </Chip>
      ))}
    </div>
  );
});
