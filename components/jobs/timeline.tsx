"use client";

import { memo } from "react";
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
const WIDTH = 1000;
const MAX_BARS = 80;

export interface TimelineBar {
  job: Job;
  start: number;
  end: number;
}

/** Jobs that overlap [from, to]; a running job's bar ends at `to`. Newest first, capped for legibility. */
export function timelineBars(jobs: Job[], from: number, to: number): TimelineBar[] {
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
    .slice(0, MAX_BARS);
}

// Memoized: a filter or page change re-renders the jobs panel, and redrawing up to 500 bars (and
// their table alternative) on every click was most of the main-thread cost of filtering.
export const Timeline = memo(function Timeline({
  bars,
  from,
  to,
  label,
}: {
  bars: TimelineBar[];
  from: number;
  to: number;
  label: string;
}) {
  const span = Math.max(1, to - from);
  const x = (t: number) => ((Math.min(Math.max(t, from), to) - from) / span) * WIDTH;
  const height = Math.max(ROW, bars.length * ROW);
  const counts = bars.reduce<Record<string, number>>(
    (acc, b) => ({ ...acc, [b.job.status]: (acc[b.job.status] ?? 0) + 1 }),
    {},
  );
  const summary = Object.entries(counts)
    .map(([s, n]) => `${n} ${s}`)
    .join(", ");
  return (
    <div className="flex flex-col gap-2">
      {bars.length === 0 ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">No jobs ran in this window.</p>
      ) : null}
      <svg
        role="img"
        aria-labelledby="timeline-title timeline-desc"
        viewBox={`0 0 ${WIDTH} ${height}`}
        preserveAspectRatio="none"
        className="h-auto max-h-96 w-full rounded border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
        style={{ height: Math.min(384, height) }}
      >
        <title id="timeline-title">{label}</title>
        <desc id="timeline-desc">
          {bars.length === 0
            ? "No jobs in this window."
            : `${bars.length} jobs from ${formatUtc(from)} to ${formatUtc(to)}: ${summary}.`}
        </desc>
        {bars.map((b, i) => (
          <rect
            key={b.job.id}
            x={x(b.start)}
            y={i * ROW + 2}
            width={Math.max(2, x(b.end) - x(b.start))}
            height={ROW - 4}
            rx={2}
            className={BAR[STATUS_TONE[b.job.status]]}
          />
        ))}
      </svg>
      <div className="flex justify-between text-xs text-zinc-700 dark:text-zinc-300">
        <span>{formatUtc(from)}</span>
        <span>{formatUtc(to)}</span>
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
      <details className="text-sm">
        <summary className="cursor-pointer rounded focus-visible:outline-2 focus-visible:outline-blue-600">
          Timeline as a table
        </summary>
        <table className="mt-2 w-full text-left text-xs">
          <caption className="sr-only">{label}</caption>
          <thead>
            <tr>
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
              <tr key={b.job.id}>
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
      </details>
    </div>
  );
});
