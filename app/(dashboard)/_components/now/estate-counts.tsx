"use client";

import { memo } from "react";
import { JOB_KIND_LABEL } from "@/components/jobs/labels";
import { STATUS_TONE } from "@/components/ui/badge";
import { focusRing } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { JobKind, JobStatus } from "@/lib/jobs/dto";
import type { NowResponse, NowSection } from "@/lib/now/dto";
import { JOB_KINDS, JOB_STATUSES } from "@/lib/view-state/contract-constants";
import type { NowRowFilter as NowFilter } from "@/lib/now/filter-rows";

export const SECTION_TITLE: Record<NowSection, string> = {
  running: "Running",
  attention: "Needs attention",
  finished: "Finished",
};

const TILE_TONE: Record<NowSection | "stuck", string> = {
  running: "border-blue-300 dark:border-blue-700",
  attention: "border-red-300 dark:border-red-700",
  finished: "border-green-300 dark:border-green-700",
  stuck: "border-amber-400 dark:border-amber-600",
};

function Tile({
  label,
  count,
  pressed,
  tone,
  onClick,
}: {
  label: string;
  count: number;
  pressed: boolean;
  tone: string;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={cn(
        "flex min-w-32 flex-1 flex-col items-start rounded-lg border-2 px-3 py-2 text-left",
        pressed
          ? "border-blue-700 bg-blue-700 text-white dark:border-blue-300 dark:bg-blue-300 dark:text-zinc-950"
          : cn("bg-white hover:bg-zinc-50 dark:bg-zinc-900 dark:hover:bg-zinc-800", tone),
        focusRing,
      )}
    >
      <span className="text-sm font-medium">{label}</span>
      <span className="text-2xl font-semibold tabular-nums">{count}</span>
    </button>
  );
}

const cellButton = (pressed: boolean) =>
  cn(
    "min-w-7 rounded px-1 py-0.5 text-right tabular-nums sm:min-w-10 sm:px-2",
    pressed
      ? "bg-blue-700 text-white dark:bg-blue-300 dark:text-zinc-950"
      : "text-blue-800 underline underline-offset-2 hover:bg-zinc-100 dark:text-blue-200 dark:hover:bg-zinc-800",
    focusRing,
  );

/** Short enough for a phone's row; the cells' hidden text names the kind in full. */
const KIND_SHORT: Record<JobKind, string> = {
  restore: "Restores",
  export: "Snapshot exports",
  "tenant-restore": "Tenant restores",
  "flex-restore": "Flex restores",
  "collection-restore": "Collection restores",
};

const only = <T,>(list: T[], value: T) => list.length === 1 && list[0] === value;

/**
 * The estate in the window, before the kind, status, section and stuck filters: every count is a
 * button that sets the filter it names (and a pressed one clears it). The URL holds the result.
 */
export const EstateCounts = memo(function EstateCounts({
  counts,
  filter,
  onFilter,
}: {
  counts: NowResponse["counts"];
  filter: NowFilter;
  onFilter: (next: Partial<NowFilter>) => void;
}) {
  const statuses = JOB_STATUSES.filter((s) => JOB_KINDS.some((k) => (counts.byKind[k]?.[s] ?? 0) > 0));
  const kinds = JOB_KINDS.filter((k) => JOB_STATUSES.some((s) => (counts.byKind[k]?.[s] ?? 0) > 0));
  const sectionPressed = (s: NowSection) => only(filter.section, s) && !filter.stuck;
  const toggleSection = (s: NowSection) =>
    onFilter(sectionPressed(s) ? { section: [] } : { section: [s], stuck: undefined });
  const stuckPressed = filter.stuck === "true";
  const cellPressed = (k: JobKind, s: JobStatus) => only(filter.kind, k) && only(filter.status, s);
  const kindPressed = (k: JobKind) => only(filter.kind, k) && filter.status.length === 0;
  return (
    <div className="flex flex-col gap-3">
      <div role="group" aria-label="Filter by group" className="flex flex-wrap gap-2">
        {(["running", "attention", "finished"] as const).map((s) => (
          <Tile
            key={s}
            label={SECTION_TITLE[s]}
            count={counts.bySection[s] ?? 0}
            pressed={sectionPressed(s)}
            tone={TILE_TONE[s]}
            onClick={() => toggleSection(s)}
          />
        ))}
        <Tile
          label="Stuck"
          count={counts.stuck}
          pressed={stuckPressed}
          tone={TILE_TONE.stuck}
          onClick={() => onFilter(stuckPressed ? { stuck: undefined } : { stuck: "true", section: [] })}
        />
      </div>
      {kinds.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Jobs by kind and status in the window; each count filters the list</caption>
            <thead>
              <tr className="border-b border-zinc-200 text-xs text-zinc-700 dark:border-zinc-800 dark:text-zinc-300">
                <th scope="col" className="py-1 pr-1 text-left font-medium sm:pr-3">
                  Kind
                </th>
                {statuses.map((s) => (
                  <th key={s} scope="col" className="px-0.5 py-1 text-right font-medium sm:px-1">
                    <span
                      aria-hidden="true"
                      className={cn("inline-block size-2 rounded-full align-middle", DOT[STATUS_TONE[s]])}
                    />{" "}
                    {s}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {kinds.map((k) => (
                <tr key={k} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800/60">
                  <th scope="row" className="py-1 pr-1 text-left font-normal sm:pr-3">
                    <button
                      type="button"
                      aria-pressed={kindPressed(k)}
                      onClick={() => onFilter(kindPressed(k) ? { kind: [] } : { kind: [k], status: [] })}
                      className={cn(cellButton(kindPressed(k)), "text-left")}
                    >
                      {KIND_SHORT[k]}
                      <span className="sr-only"> (all statuses)</span>
                    </button>
                  </th>
                  {statuses.map((s) => {
                    const n = counts.byKind[k]?.[s] ?? 0;
                    const pressed = cellPressed(k, s);
                    return (
                      <td key={s} className="px-0.5 py-1 text-right sm:px-1">
                        {n === 0 && !pressed ? (
                          <span className="px-1 text-zinc-600 sm:px-2 dark:text-zinc-400">0</span>
                        ) : (
                          <button
                            type="button"
                            aria-pressed={pressed}
                            onClick={() => onFilter(pressed ? { kind: [], status: [] } : { kind: [k], status: [s] })}
                            className={cellButton(pressed)}
                          >
                            {n}
                            <span className="sr-only">{` ${s} ${JOB_KIND_LABEL[k].toLowerCase()}`}</span>
                          </button>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
});

const DOT: Record<(typeof STATUS_TONE)[JobStatus], string> = {
  neutral: "bg-zinc-500 dark:bg-zinc-400",
  blue: "bg-blue-600 dark:bg-blue-400",
  green: "bg-green-600 dark:bg-green-400",
  red: "bg-red-600 dark:bg-red-400",
  amber: "bg-amber-500 dark:bg-amber-300",
  violet: "bg-violet-600 dark:bg-violet-400",
};
