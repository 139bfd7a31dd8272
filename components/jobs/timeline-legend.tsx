"use client";

import { memo } from "react";
import { Chip } from "@/components/ui/chip";
import { STATUS_TONE } from "@/components/ui/badge";
import type { JobStatus } from "@/lib/jobs/dto";
import { EVENT_GROUPS, EVENT_GROUP_LABEL, type EventGroup } from "@/lib/jobs/events";
import { BAR_FILL, EventGlyph } from "./timeline-glyphs";

/** What the bars' colours and the markers' shapes mean; each event group is also a filter chip. */
export const TimelineLegend = memo(function TimelineLegend({
  statuses,
  eventCounts,
  selected,
  onGroups,
}: {
  statuses: Partial<Record<JobStatus, number>>;
  eventCounts: Record<EventGroup, number>;
  selected: readonly EventGroup[];
  onGroups: (next: EventGroup[]) => void;
}) {
  const toggle = (g: EventGroup) =>
    onGroups(
      selected.includes(g)
        ? selected.filter((s) => s !== g)
        : EVENT_GROUPS.filter((s) => s === g || selected.includes(s)),
    );
  return (
    <div className="flex flex-col gap-2 text-xs text-zinc-700 dark:text-zinc-300">
      <ul className="flex flex-wrap gap-3" aria-label="Job bars by status">
        {Object.entries(statuses).map(([s, n]) => (
          <li key={s} className="flex items-center gap-1">
            <svg aria-hidden="true" width="14" height="10">
              <rect width="14" height="10" rx="2" className={BAR_FILL[STATUS_TONE[s as JobStatus]]} />
            </svg>
            {s} ({n})
          </li>
        ))}
      </ul>
      <div role="group" aria-label="Show events" className="flex flex-wrap items-center gap-2">
        <Chip pressed={selected.length === 0} onClick={() => onGroups([])}>
          All events
        </Chip>
        {EVENT_GROUPS.map((g) => (
          <Chip key={g} pressed={selected.includes(g)} onClick={() => toggle(g)}>
            <svg aria-hidden="true" width="14" height="14" className="shrink-0">
              <EventGlyph group={g} x={7} y={7} r={5} />
            </svg>
            {EVENT_GROUP_LABEL[g]} <span className="tabular-nums">{eventCounts[g]}</span>
          </Chip>
        ))}
      </div>
    </div>
  );
});
