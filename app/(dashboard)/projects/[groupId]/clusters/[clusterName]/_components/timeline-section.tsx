"use client";

import { useQueries, useQuery, type UseQueryResult } from "@tanstack/react-query";
import { memo, useMemo } from "react";
import { ErrorNotice } from "@/components/jobs/error-notice";
import { Timeline, type TimelineUpdate } from "@/components/jobs/timeline";
import { focusRing } from "@/components/ui/button";
import type { Job, JobKind } from "@/lib/jobs/dto";
import type { EventGroup } from "@/lib/jobs/events";
import { clusterEventsOptions } from "@/lib/query/events";
import { timelineJobsOptions } from "@/lib/query/jobs";
import { TIME_WINDOWS, windowMs, type TimeWindow } from "@/lib/view-state/parsers";
import type { TimeRange } from "@/lib/view-state/timeline-parsers";

export const WINDOW_LABEL: Record<TimeWindow, string> = {
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
};

/** Room after "now" so the now line is visible, not the picture's edge. */
const AFTER_NOW = 0.02;

/** The lists of every kind as one (a stable function, so TanStack keeps the result while nothing changed). */
function combineLists(results: UseQueryResult<{ items: Job[]; fetchedAt: string }>[]) {
  return {
    items: results.flatMap((r) => r.data?.items ?? []).map((job) => ({ job })),
    fetchedAt: results.map((r) => r.data?.fetchedAt),
    ready: results.every((r) => r.data),
    failed: results.find((r) => r.isError),
  };
}

/** The whole cluster's timeline: every job kind it has, in lanes, with Atlas's backup events above. */
export const TimelineSection = memo(function TimelineSection({
  groupId,
  clusterName,
  kinds,
  window,
  eventGroups,
  zoom,
  range,
  refreshSeconds,
  onWindow,
  onChange,
}: {
  groupId: string;
  clusterName: string;
  kinds: JobKind[];
  window: TimeWindow;
  eventGroups: EventGroup[];
  zoom: TimeRange | null;
  range: TimeRange | null;
  refreshSeconds: number;
  onWindow: (w: TimeWindow) => void;
  onChange: (update: TimelineUpdate) => void;
}) {
  const span = windowMs(window);
  const lists = useQueries({
    queries: kinds.map((kind) => timelineJobsOptions({ kind, groupId, clusterName }, window, span, refreshSeconds)),
    combine: combineLists,
  });
  const events = useQuery(clusterEventsOptions(groupId, clusterName, window, refreshSeconds));
  const { items, ready } = lists;
  const eventsData = events.data;
  const now = useMemo(
    () =>
      // Simulated or skewed clocks: now is the latest of when Atlas answered, and of anything it reported.
      Math.max(
        0,
        ...[...lists.fetchedAt, eventsData?.fetchedAt].filter((t): t is string => Boolean(t)).map(Date.parse),
        ...items.map((i) => Date.parse(i.job.finishedAt ?? i.job.startedAt ?? "") || 0),
        ...(eventsData?.items ?? []).map((e) => Date.parse(e.at)),
      ),
    [lists.fetchedAt, eventsData, items],
  );
  const bounds = useMemo(() => ({ from: now - span, to: Math.round(now + span * AFTER_NOW) }), [now, span]);
  const failed = lists.failed ?? (events.isError ? events : undefined);
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
      {failed?.error ? <ErrorNotice error={failed.error} stale={false} onRetry={() => void failed.refetch()} /> : null}
      {ready ? (
        <Timeline
          idPrefix="timeline"
          label={`Timeline of ${clusterName}: jobs by kind and delivery type, and backup events, ${WINDOW_LABEL[window].toLowerCase()}`}
          window={bounds}
          now={now}
          items={items}
          events={events.data?.items ?? []}
          eventGroups={eventGroups}
          zoom={zoom}
          range={range}
          onChange={onChange}
          note={
            events.isPending ? <p className="text-xs text-zinc-700 dark:text-zinc-300">Loading backup events…</p> : null
          }
        />
      ) : (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">Loading timeline…</p>
      )}
    </section>
  );
});
