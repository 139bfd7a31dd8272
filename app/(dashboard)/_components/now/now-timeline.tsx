"use client";

import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import { memo, useDeferredValue, useMemo } from "react";
import { Timeline, type TimelineUpdate } from "@/components/jobs/timeline";
import type { ClusterEvents } from "@/lib/jobs/dto";
import type { EventGroup } from "@/lib/jobs/events";
import type { NowRow, NowWindow } from "@/lib/now/dto";
import { endedAt } from "@/lib/jobs/timing";
import { clusterEventsOptions } from "@/lib/query/events";
import type { TimeRange } from "@/lib/view-state/timeline-parsers";

/**
 * Events are read per cluster (Atlas's events carry no cluster, so one call is one cluster), and an
 * estate has a thousand clusters: Now asks for the clusters with the latest jobs among the rows shown,
 * at most this many, each one store read (one Atlas call per cluster per window, shared with
 * everyone viewing) — and says so when it leaves clusters out.
 */
export const EVENT_CLUSTERS = 12;
const AFTER_NOW = 0.02;

const where = (r: NowRow) => `${r.job.clusterName} · ${r.projectName}`;

function combineEvents(results: UseQueryResult<ClusterEvents>[]) {
  return results.map((r) => r.data?.items);
}

/** The window as a picture: the rows shown, in lanes by kind and delivery type, with backup events above. */
export const NowTimeline = memo(function NowTimeline({
  rows,
  from,
  to,
  window,
  windowLabel,
  eventGroups,
  zoom,
  range,
  onChange,
}: {
  rows: NowRow[];
  from: number;
  to: number;
  window: NowWindow;
  windowLabel: string;
  eventGroups: EventGroup[];
  zoom: TimeRange | null;
  range: TimeRange | null;
  onChange: (update: TimelineUpdate) => void;
}) {
  // A filter click paints the list first; the picture of thousands of jobs follows in a render React may interrupt.
  const deferred = useDeferredValue(rows);
  const items = useMemo(() => deferred.map((r) => ({ job: r.job, where: where(r) })), [deferred]);
  const clusters = useMemo(() => {
    const latest = new Map<string, { groupId: string; clusterName: string; label: string; at: number }>();
    for (const r of deferred) {
      const key = `${r.job.groupId}/${r.job.clusterName}`;
      const at = endedAt(r.job);
      if (at < from) continue;
      const seen = latest.get(key);
      if (!seen || seen.at < at)
        latest.set(key, { groupId: r.job.groupId, clusterName: r.job.clusterName, label: where(r), at });
    }
    return [...latest.values()].sort((a, b) => b.at - a.at);
  }, [deferred, from]);
  const asked = useMemo(() => clusters.slice(0, EVENT_CLUSTERS), [clusters]);
  const perCluster = useQueries({
    queries: asked.map((c) => clusterEventsOptions(c.groupId, c.clusterName, window)),
    combine: combineEvents,
  });
  const events = useMemo(
    () => asked.flatMap((c, i) => (perCluster[i] ?? []).map((e) => ({ ...e, where: c.label }))),
    [asked, perCluster],
  );
  const bounds = useMemo(() => ({ from, to: Math.round(to + (to - from) * AFTER_NOW) }), [from, to]);
  const left = clusters.length - asked.length;
  return (
    <section aria-labelledby="now-timeline-heading" className="flex flex-col gap-2">
      <h2 id="now-timeline-heading" className="text-lg font-semibold">
        Timeline
      </h2>
      <Timeline
        idPrefix="now-timeline"
        label={`Timeline of the jobs shown, by kind and delivery type, with backup events, ${windowLabel.toLowerCase()}`}
        window={bounds}
        now={to}
        items={items}
        events={events}
        eventGroups={eventGroups}
        zoom={zoom}
        range={range}
        onChange={onChange}
        selectionNoun="the jobs listed below"
        emptyText="No job shown here ran in this window."
        note={
          <p className="text-xs text-zinc-700 dark:text-zinc-300">
            {left > 0
              ? `Backup events of the ${asked.length} clusters with the latest jobs here; ${left} more clusters had jobs in this window. Narrow the view (project, kind, search) or open a cluster to see theirs.`
              : `Backup events of all ${asked.length} clusters with jobs here.`}
          </p>
        }
      />
    </section>
  );
});
