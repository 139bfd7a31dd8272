"use client";

import { memo, useState } from "react";
import { STATUS_TONE } from "@/components/ui/badge";
import type { Job, JobStatus } from "@/lib/jobs/dto";
import { formatDuration, formatUtc } from "./format";

const BAR: Record<ReturnType<(s: JobStatus) => (typeof STATUS_TONE)[JobStatus]>, string> = {
  neutral: "fill-zinc-500 dark:fill-zinc-400",
  blue: "fill-blue-600 dark:fill-blue-400",
  green: "fill-green-600 dark:fill-green-400",
  red: "fill-red-600 dark:fill-red-400",
  amber: "fill-amber-500 dark:fill-amber-300",
  violet: "fill-violet-600 dark:fill-violet-400",
};

const ROW = 14;
/** With lanes, a row holds a lane's label beside it: tall enough for a line of small text. */
const LANE_ROW = 22;
const WIDTH = 1000;
const MAX_BARS = 80;
const MAX_LANES = 40;

export interface TimelineBar {
  job: Job;
  start: number;
  end: number;
  /** The lane's key, when the timeline has lanes. */
  lane?: string;
}

export interface TimelineLane {
  key: string;
  label: string;
}

/** Jobs that overlap [from, to]; a running job's bar ends at `to`. Newest first, capped for legibility. */
export function timelineBars(jobs: Job[], from: number, to: number, max = MAX_BARS): TimelineBar[] {
  return jobs
    .filter((j) => j.startedAt)
    .map((job) => {
      const start = Date.parse(job.startedAt as string);
      // Only a live job runs to the window's end; a failed/cancelled one without a finish time is a tick.
      const live = job.status === "running" || job.status === "queued";
      const end = job.finishedAt ? Date.parse(job.finishedAt) : live ? to : start + (job.durationMs ?? 0);
      return { job, start, end: Math.max(start, end) };
    })
    .filter((b) => b.end >= from && b.start <= to)
    .sort((a, b) => b.start - a.start)
    .slice(0, max);
}

/**
 * One lane per key (a cluster) that has a job in [from, to], the lane with the newest start first,
 * capped at `maxLanes` for legibility; `hidden` counts the lanes left out (and their bars are too).
 */
export function timelineLanes(
  items: Array<{ job: Job; lane: TimelineLane }>,
  from: number,
  to: number,
  maxLanes = MAX_LANES,
): { bars: TimelineBar[]; lanes: TimelineLane[]; hidden: number } {
  const laneOf = new Map(items.map((i) => [i.job, i.lane]));
  const all = timelineBars(
    items.map((i) => i.job),
    from,
    to,
    Infinity,
  );
  const lanes = new Map<string, TimelineLane>();
  for (const bar of all) {
    const lane = laneOf.get(bar.job);
    if (lane && !lanes.has(lane.key)) lanes.set(lane.key, lane);
  }
  const shown = [...lanes.values()].slice(0, maxLanes);
  const keys = new Set(shown.map((l) => l.key));
  const bars = all.flatMap((bar) => {
    const key = laneOf.get(bar.job)?.key;
    return key && keys.has(key) ? [{ ...bar, lane: key }] : [];
  });
  return { bars, lanes: shown, hidden: lanes.size - shown.length };
}

const rectOf = (b: TimelineBar, x: (t: number) => number) => ({
  x: x(b.start),
  width: Math.max(2, x(b.end) - x(b.start)),
  status: b.job.status,
});

/**
 * A lane's bars as drawn: bars of one status that touch at the picture's resolution become one
 * rect, so a busy cluster's week is a few dozen elements rather than a thousand.
 */
function laneRects(bars: TimelineBar[], laneIndex: Map<string, number>, x: (t: number) => number) {
  const groups = new Map<string, Array<ReturnType<typeof rectOf> & { lane: number }>>();
  for (const b of bars) {
    const lane = laneIndex.get(b.lane ?? "") ?? 0;
    const key = `${lane}:${b.job.status}`;
    const list = groups.get(key) ?? [];
    if (list.length === 0) groups.set(key, list);
    list.push({ ...rectOf(b, x), lane });
  }
  const out: Array<ReturnType<typeof rectOf> & { lane: number }> = [];
  for (const list of groups.values()) {
    list.sort((a, b) => a.x - b.x);
    let current = list[0];
    for (const r of list.slice(1)) {
      if (current && r.x <= current.x + current.width + 1) {
        current.width = Math.max(current.width, r.x + r.width - current.x);
      } else {
        if (current) out.push(current);
        current = r;
      }
    }
    if (current) out.push(current);
  }
  return out;
}

// Memoized: a filter or page change re-renders the jobs panel, and redrawing up to 500 bars (and
// their table alternative) on every click was most of the main-thread cost of filtering.
export const Timeline = memo(function Timeline({
  bars,
  from,
  to,
  label,
  lanes,
  idPrefix = "timeline",
  emptyText = "No jobs ran in this window.",
}: {
  bars: TimelineBar[];
  from: number;
  to: number;
  label: string;
  /** One row per lane (bars carry their lane's key) instead of one row per bar; labels beside. */
  lanes?: TimelineLane[];
  idPrefix?: string;
  emptyText?: string;
}) {
  const [tableOpen, setTableOpen] = useState(false);
  const span = Math.max(1, to - from);
  const x = (t: number) => ((Math.min(Math.max(t, from), to) - from) / span) * WIDTH;
  const row = lanes ? LANE_ROW : ROW;
  const laneIndex = new Map(lanes?.map((l, i) => [l.key, i]));
  const rows = lanes ? lanes.length : bars.length;
  const height = Math.max(row, rows * row);
  const maxHeight = lanes ? height : Math.min(384, height);
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const counts = bars.reduce<Record<string, number>>(
    (acc, b) => ({ ...acc, [b.job.status]: (acc[b.job.status] ?? 0) + 1 }),
    {},
  );
  const summary = Object.entries(counts)
    .map(([s, n]) => `${n} ${s}`)
    .join(", ");
  return (
    <div className="flex flex-col gap-2">
      {bars.length === 0 ? <p className="text-sm text-zinc-700 dark:text-zinc-300">{emptyText}</p> : null}
      <div
        className={
          lanes ? "grid grid-cols-[minmax(0,35%)_minmax(0,1fr)] sm:grid-cols-[12rem_minmax(0,1fr)] gap-x-2" : undefined
        }
      >
        {lanes ? (
          // Beside the picture, not in it: the SVG stretches to the width, and text in it would too.
          <ul aria-hidden="true" className="text-xs text-zinc-700 dark:text-zinc-300">
            {lanes.map((lane) => (
              <li
                key={lane.key}
                title={lane.label}
                className="truncate"
                style={{ height: row, lineHeight: `${row}px` }}
              >
                {lane.label}
              </li>
            ))}
          </ul>
        ) : null}
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          viewBox={`0 0 ${WIDTH} ${height}`}
          preserveAspectRatio="none"
          className="h-auto max-h-96 w-full rounded border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
          style={{ height: maxHeight, maxHeight: lanes ? "none" : undefined }}
        >
          <title id={titleId}>{label}</title>
          <desc id={descId}>
            {bars.length === 0
              ? "No jobs in this window."
              : `${bars.length} jobs${lanes ? ` on ${lanes.length} clusters` : ""} from ${formatUtc(from)} to ${formatUtc(to)}: ${summary}.`}
          </desc>
          {lanes
            ? lanes.map((lane, i) =>
                i % 2 ? (
                  <rect
                    key={lane.key}
                    x={0}
                    y={i * row}
                    width={WIDTH}
                    height={row}
                    className="fill-zinc-200/60 dark:fill-zinc-800/60"
                  />
                ) : null,
              )
            : null}
          {(lanes ? laneRects(bars, laneIndex, x) : bars.map((b, i) => ({ ...rectOf(b, x), lane: i }))).map((r, i) => (
            <rect
              key={i}
              x={r.x}
              y={r.lane * row + (lanes ? 5 : 2)}
              width={r.width}
              height={row - (lanes ? 10 : 4)}
              rx={2}
              className={BAR[STATUS_TONE[r.status]]}
            />
          ))}
        </svg>
        {lanes ? <span /> : null}
        <div className="mt-2 flex justify-between gap-2 text-xs text-zinc-700 dark:text-zinc-300">
          <span>{formatUtc(from)}</span>
          <span className="text-right">{formatUtc(to)}</span>
        </div>
      </div>
      <ul className="flex flex-wrap gap-3 text-xs text-zinc-700 dark:text-zinc-300" aria-label="Legend">
        {Object.keys(counts).map((s) => (
          <li key={s} className="flex items-center gap-1">
            <svg aria-hidden="true" width="10" height="10">
              <rect width="10" height="10" rx="2" className={BAR[STATUS_TONE[s as JobStatus]]} />
            </svg>
            {s} ({counts[s]})
          </li>
        ))}
      </ul>
      <details className="text-sm" onToggle={(e) => setTableOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer rounded focus-visible:outline-2 focus-visible:outline-blue-600">
          Timeline as a table
        </summary>
        {/* Built when opened: a week of the estate is thousands of rows nobody asked for. */}
        {tableOpen ? (
          <table className="mt-2 w-full text-left text-xs">
            <caption className="sr-only">{label}</caption>
            <thead>
              <tr>
                {lanes ? (
                  <th scope="col" className="py-1 pr-3">
                    Cluster
                  </th>
                ) : null}
                <th scope="col" className="py-1 pr-3">
                  Job id
                </th>
                <th scope="col" className="py-1 pr-3">
                  Status
                </th>
                <th scope="col" className="py-1 pr-3">
                  Started
                </th>
                <th scope="col" className="py-1 pr-3">
                  Finished
                </th>
                <th scope="col" className="py-1 pr-3">
                  Duration
                </th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={`${b.job.kind}:${b.job.id}`}>
                  {lanes ? <td className="py-0.5 pr-3">{lanes[laneIndex.get(b.lane ?? "") ?? 0]?.label}</td> : null}
                  <td className="py-0.5 pr-3 font-mono">{b.job.id}</td>
                  <td className="py-0.5 pr-3">{b.job.status}</td>
                  <td className="py-0.5 pr-3">{formatUtc(b.start)}</td>
                  <td className="py-0.5 pr-3">
                    {b.job.finishedAt ? formatUtc(b.job.finishedAt) : b.job.status === "running" ? "running" : "—"}
                  </td>
                  <td className="py-0.5 pr-3">{formatDuration(b.end - b.start)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </details>
    </div>
  );
});
