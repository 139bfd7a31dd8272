"use client";

import { memo, useDeferredValue, useMemo, useState } from "react";
import { Timeline, timelineLanes } from "@/components/jobs/timeline";
import { Button } from "@/components/ui/button";
import type { NowRow } from "@/lib/now/dto";

const FIRST_LANES = 12;
const MAX_LANES = 60;

/** The window as a picture: one lane per cluster with a job in it, the busiest-lately first. */
export const NowTimeline = memo(function NowTimeline({
  rows,
  from,
  to,
  windowLabel,
}: {
  rows: NowRow[];
  from: number;
  to: number;
  windowLabel: string;
}) {
  const [all, setAll] = useState(false);
  // A filter click paints the list first; the picture of thousands of jobs follows in a render React may interrupt.
  const deferred = useDeferredValue(rows);
  const lanes = useMemo(
    () =>
      timelineLanes(
        deferred.map((r) => ({
          job: r.job,
          lane: { key: `${r.job.groupId}/${r.job.clusterName}`, label: `${r.job.clusterName} · ${r.projectName}` },
        })),
        from,
        to,
        all ? MAX_LANES : FIRST_LANES,
      ),
    [deferred, from, to, all],
  );
  return (
    <section aria-labelledby="now-timeline-heading" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="now-timeline-heading" className="text-lg font-semibold">
          Timeline
        </h2>
        {lanes.hidden > 0 || all ? (
          <Button size="sm" aria-expanded={all} onClick={() => setAll((v) => !v)}>
            {all
              ? `Show the first ${FIRST_LANES} clusters`
              : `Show ${Math.min(lanes.hidden, MAX_LANES - FIRST_LANES)} more clusters`}
          </Button>
        ) : null}
      </div>
      <Timeline
        bars={lanes.bars}
        lanes={lanes.lanes}
        from={from}
        to={to}
        idPrefix="now-timeline"
        label={`Timeline of the jobs shown, one lane per cluster, ${windowLabel.toLowerCase()}`}
        emptyText="No job shown here ran in this window."
      />
      {all && lanes.hidden > 0 ? (
        <p className="text-xs text-zinc-700 dark:text-zinc-300">
          {lanes.hidden} more clusters had jobs in this window; narrow the view to draw them.
        </p>
      ) : null}
    </section>
  );
});
