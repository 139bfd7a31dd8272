"use client";

import { useQuery } from "@tanstack/react-query";
import { memo, useMemo } from "react";
import { Timeline, timelineBars } from "@/components/jobs/timeline";
import { JOB_KIND_LABEL } from "@/components/jobs/labels";
import { focusRing } from "@/components/ui/button";
import type { JobScope } from "@/lib/api-client";
import { jobListOptions } from "@/lib/query/jobs";
import { TIME_WINDOWS, windowMs, type TimeWindow } from "@/lib/view-state/parsers";
import { TIMELINE_QUERY } from "./list-query";

const WINDOW_LABEL: Record<TimeWindow, string> = { "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days" };

export const TimelineSection = memo(function TimelineSection({
  scope,
  window,
  onWindow,
  refreshSeconds,
}: {
  scope: JobScope;
  window: TimeWindow;
  onWindow: (w: TimeWindow) => void;
  refreshSeconds: number;
}) {
  const list = useQuery(jobListOptions(scope, TIMELINE_QUERY, refreshSeconds));
  const data = list.data;
  const { bars, from, to } = useMemo(() => {
    // Simulated or skewed clocks: end the window at the later of fetch time and the newest job event.
    const latestEvent = Math.max(
      0,
      ...(data?.items ?? [])
        .flatMap((j) => [j.startedAt, j.finishedAt])
        .filter((t): t is string => Boolean(t))
        .map(Date.parse),
    );
    const end = data ? Math.max(Date.parse(data.fetchedAt), latestEvent) : 0;
    const start = end - windowMs(window);
    return { bars: data ? timelineBars(data.items, start, end) : [], from: start, to: end };
  }, [data, window]);
  const label = `Timeline of ${JOB_KIND_LABEL[scope.kind].toLowerCase()} of ${scope.clusterName}, ${WINDOW_LABEL[window].toLowerCase()}`;
  return (
    <section aria-labelledby="timeline-heading" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          Timeline
        </h2>
        <label className="flex items-center gap-1 text-sm">
          Window
          <select
            value={window}
            onChange={(e) => onWindow(e.target.value as TimeWindow)}
            className={`rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900 ${focusRing}`}
          >
            {TIME_WINDOWS.map((w) => (
              <option key={w} value={w}>
                {WINDOW_LABEL[w]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {data ? (
        <Timeline bars={bars} from={from} to={to} label={label} />
      ) : (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">Loading timeline…</p>
      )}
    </section>
  );
});
