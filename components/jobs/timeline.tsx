"use client";

import { memo, useMemo, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from "react";
import { STATUS_TONE } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { Job, JobStatus } from "@/lib/jobs/dto";
import { EVENT_GROUPS, EVENT_GROUP_LABEL, type EventGroup } from "@/lib/jobs/events";
import type { TimeRange } from "@/lib/view-state/timeline-parsers";
import { formatUtc } from "./format";
import { BAR_FILL, EventGlyph } from "./timeline-glyphs";
import { TimelineLegend } from "./timeline-legend";
import {
  dragRange,
  ticks,
  timeAt,
  timelineEvents,
  timelineLanes,
  visibleRange,
  xAt,
  zoomOut,
  type TimelineBar,
  type TimelineEvent,
} from "./timeline-model";
import { TimelineTable, eventText, jobWords } from "./timeline-table";
import { useWidth } from "./use-width";

const AXIS = 20;
const EVENT_ROW = 16;
const SUB_ROW = 12;
const LANE_PAD = 8;
const RIGHT = 10;

export interface TimelineUpdate {
  events?: EventGroup[] | null;
  zoom?: TimeRange | null;
  range?: TimeRange | null;
}

type Row =
  | { type: "event"; y: number; h: number; group: EventGroup; label: string }
  | { type: "job"; y: number; h: number; bars: TimelineBar[]; label: string; laneStart: boolean; shade: boolean };

type Hover = { x: number; y: number; text: string };

const tick = (t: number, span: number) => {
  const iso = new Date(t).toISOString();
  const day = `${iso.slice(5, 10)}`;
  return span > 2 * 86_400_000 ? `${day} ${iso.slice(11, 16)}` : iso.slice(11, 16);
};

/** Touching bars of one status in one sub-row become one rect: a busy week is dozens of elements, not a thousand. */
function rects(bars: TimelineBar[], x: (t: number) => number) {
  const out: Array<{ x: number; w: number; status: JobStatus }> = [];
  const last = new Map<JobStatus, { x: number; w: number; status: JobStatus }>();
  for (const b of bars) {
    const x0 = x(b.start);
    const w = Math.max(2, x(b.end) - x0);
    const prev = last.get(b.job.status);
    if (prev && x0 <= prev.x + prev.w + 1) prev.w = Math.max(prev.w, x0 + w - prev.x);
    else {
      const r = { x: x0, w, status: b.job.status };
      out.push(r);
      last.set(b.job.status, r);
    }
  }
  return out;
}

/**
 * The timeline of both pages: lanes by kind and delivery type (overlapping jobs stacked in sub-rows),
 * Atlas's backup events as markers above them, a "now" line, times on hover, drag to zoom or to
 * select a range (which filters what is listed below), and the same in words in a table.
 */
export const Timeline = memo(function Timeline({
  idPrefix,
  label,
  window,
  now,
  items,
  events,
  eventGroups,
  zoom,
  range,
  onChange,
  note,
  emptyText = "No jobs ran in this window.",
  selectionNoun = "the jobs listed below",
}: {
  idPrefix: string;
  label: string;
  window: TimeRange;
  now: number;
  items: ReadonlyArray<{ job: Job; where?: string }>;
  events: ReadonlyArray<{ id: string; type: string; at: string; where?: string }>;
  eventGroups: EventGroup[];
  zoom: TimeRange | null;
  range: TimeRange | null;
  onChange: (update: TimelineUpdate) => void;
  note?: ReactNode;
  emptyText?: string;
  selectionNoun?: string;
}) {
  const [wrapRef, width] = useWidth<HTMLDivElement>(960);
  const [mode, setMode] = useState<"zoom" | "select">("zoom");
  const [drag, setDrag] = useState<{ x0: number; x1: number } | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const visible = visibleRange(window, zoom);
  const gutter = Math.round(Math.min(190, width * 0.34));
  const plotW = Math.max(40, width - gutter - RIGHT);
  const x = (t: number) => gutter + xAt(t, plotW, visible);

  const lanes = useMemo(
    () =>
      timelineLanes(items, visible.from, visible.to, {
        gapMs: ((visible.to - visible.from) / plotW) * 3,
        liveEnd: now,
      }),
    [items, visible.from, visible.to, plotW, now],
  );
  const allEvents = useMemo(() => timelineEvents(events, visible.from, visible.to), [events, visible.from, visible.to]);
  const shown = useMemo(
    () => (eventGroups.length ? allEvents.filter((e) => eventGroups.includes(e.group)) : allEvents),
    [allEvents, eventGroups],
  );
  const eventCounts = useMemo(() => {
    const c = Object.fromEntries(EVENT_GROUPS.map((g) => [g, 0])) as Record<EventGroup, number>;
    for (const e of allEvents) c[e.group]++;
    return c;
  }, [allEvents]);
  const statuses = useMemo(() => {
    const c: Partial<Record<JobStatus, number>> = {};
    for (const l of lanes) for (const b of l.rows.flat()) c[b.job.status] = (c[b.job.status] ?? 0) + 1;
    return c;
  }, [lanes]);

  const layout = useMemo(() => {
    const rows: Row[] = [];
    let y = AXIS;
    const groups = EVENT_GROUPS.filter((g) => shown.some((e) => e.group === g));
    for (const g of groups) {
      rows.push({ type: "event", y, h: EVENT_ROW, group: g, label: EVENT_GROUP_LABEL[g] });
      y += EVENT_ROW;
    }
    if (groups.length) y += 4;
    lanes.forEach((lane, li) => {
      y += LANE_PAD / 2;
      lane.rows.forEach((bars, ri) => {
        rows.push({ type: "job", y, h: SUB_ROW, bars, label: lane.label, laneStart: ri === 0, shade: li % 2 === 1 });
        y += SUB_ROW;
      });
      y += LANE_PAD / 2;
    });
    return { rows, height: Math.max(y + 4, AXIS + 40) };
  }, [lanes, shown]);

  const eventsByGroup = useMemo(() => {
    const m = new Map<EventGroup, TimelineEvent[]>();
    for (const e of shown) m.set(e.group, [...(m.get(e.group) ?? []), e]);
    return m;
  }, [shown]);

  const pointer = (e: ReactPointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return { px: e.clientX - box.left, py: e.clientY - box.top };
  };
  function hitTest(px: number, py: number): Hover | null {
    if (px < gutter || px > gutter + plotW) return null;
    const row = layout.rows.find((r) => py >= r.y && py < r.y + r.h);
    const t = timeAt(px - gutter, plotW, visible);
    if (row?.type === "event") {
      // Markers a few px apart overlap: say every one under the pointer, nearest first (three at most).
      const near = (eventsByGroup.get(row.group) ?? [])
        .filter((ev) => Math.abs(x(ev.at) - px) <= 6)
        .sort((a, b) => Math.abs(x(a.at) - px) - Math.abs(x(b.at) - px));
      if (near.length > 0) {
        const more = near.length > 3 ? `; and ${near.length - 3} more here` : "";
        return { x: x(near[0]!.at), y: row.y, text: `${near.slice(0, 3).map(eventText).join("; ")}${more}` };
      }
    }
    if (row?.type === "job") {
      const bar = row.bars.findLast((b) => x(b.start) - 2 <= px && px <= Math.max(x(b.end), x(b.start) + 2) + 2);
      if (bar) return { x: px, y: row.y, text: `${jobWords(bar)}${bar.where ? ` (${bar.where})` : ""}` };
    }
    return { x: px, y: py, text: formatUtc(t) };
  }
  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    const { px } = pointer(e);
    if (e.button !== 0 || px < gutter) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ x0: px, x1: px });
  };
  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const { px, py } = pointer(e);
    if (drag) setDrag({ ...drag, x1: Math.min(Math.max(px, gutter), gutter + plotW) });
    setHover(hitTest(px, py));
  };
  const onPointerUp = () => {
    if (!drag) return;
    const r = dragRange(drag.x0 - gutter, drag.x1 - gutter, plotW, visible);
    setDrag(null);
    if (r) onChange(mode === "zoom" ? { zoom: r } : { range: r });
  };

  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const jobCount = lanes.reduce((n, l) => n + l.count, 0);
  const brush = range && range.to >= visible.from && range.from <= visible.to ? range : null;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <fieldset className="flex items-center gap-3">
          <legend className="sr-only">Dragging across the timeline</legend>
          <span aria-hidden="true">Drag to</span>
          {(["zoom", "select"] as const).map((m) => (
            <label key={m} className="flex items-center gap-1">
              <input
                type="radio"
                name={`${idPrefix}-mode`}
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
                className="accent-blue-700"
              />
              {m === "zoom" ? "zoom in" : `select ${selectionNoun}`}
            </label>
          ))}
        </fieldset>
        <div className="flex flex-wrap gap-2">
          <Button size="sm" disabled={!zoom} onClick={() => onChange({ zoom: zoomOut(visible, window) })}>
            Zoom out
          </Button>
          <Button size="sm" disabled={!zoom} onClick={() => onChange({ zoom: null })}>
            Reset zoom
          </Button>
          <Button size="sm" onClick={() => onChange({ range: visible })}>
            Select the visible range
          </Button>
          {range ? (
            <Button size="sm" onClick={() => onChange({ range: null })}>
              Clear selection
            </Button>
          ) : null}
        </div>
      </div>
      <p className="text-xs text-zinc-700 dark:text-zinc-300" aria-live="polite">
        Showing {formatUtc(visible.from)} to {formatUtc(visible.to)}
        {zoom ? " (zoomed)" : ""}.
        {range
          ? ` Selected: ${formatUtc(range.from)} to ${formatUtc(range.to)}; ${selectionNoun} are those that ran then.`
          : ""}
      </p>
      {note}
      {jobCount === 0 ? <p className="text-sm text-zinc-700 dark:text-zinc-300">{emptyText}</p> : null}
      <div ref={wrapRef} className="relative w-full">
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          width={width}
          height={layout.height}
          className="block touch-none rounded border border-zinc-200 bg-zinc-50 select-none dark:border-zinc-800 dark:bg-zinc-900"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => setDrag(null)}
          onPointerLeave={() => setHover(null)}
        >
          <title id={titleId}>{label}</title>
          <desc id={descId}>
            {`${jobCount} jobs on ${lanes.length} lanes and ${shown.length} backup events from ${formatUtc(visible.from)} to ${formatUtc(visible.to)}. The table after the picture lists them in words.`}
          </desc>
          {layout.rows.map((r, i) =>
            r.type === "job" && r.shade ? (
              <rect
                key={`s${i}`}
                x={0}
                y={r.y - LANE_PAD / 2}
                width={width}
                height={r.h + LANE_PAD}
                className="fill-zinc-200/50 dark:fill-zinc-800/50"
              />
            ) : null,
          )}
          {ticks(visible, plotW).map((t) => (
            // A tick's label gives way to the "now" label beside it.
            <g key={t}>
              <line
                x1={x(t)}
                x2={x(t)}
                y1={AXIS - 4}
                y2={layout.height}
                className="stroke-zinc-300 dark:stroke-zinc-700"
                strokeWidth={1}
              />
              {Math.abs(x(t) - x(now)) < 40 && now <= visible.to ? null : (
                <text x={x(t) + 3} y={13} className="fill-zinc-700 text-[10px] dark:fill-zinc-300">
                  {tick(t, visible.to - visible.from)}
                </text>
              )}
            </g>
          ))}
          {layout.rows.map((r, i) =>
            r.type === "event" || r.laneStart ? (
              <text
                key={`l${i}`}
                x={6}
                y={r.y + (r.type === "event" ? 12 : 10)}
                className="fill-zinc-800 text-[11px] dark:fill-zinc-200"
              >
                {r.label.length > gutter / 6.2 ? `${r.label.slice(0, Math.floor(gutter / 6.2) - 1)}…` : r.label}
              </text>
            ) : null,
          )}
          {brush ? (
            <rect
              x={x(brush.from)}
              y={AXIS}
              width={Math.max(2, x(brush.to) - x(brush.from))}
              height={layout.height - AXIS}
              className="fill-blue-500/15 stroke-blue-700 dark:fill-blue-300/15 dark:stroke-blue-300"
              strokeDasharray="4 3"
            />
          ) : null}
          {layout.rows.map((r, i) =>
            r.type === "job"
              ? rects(r.bars, x).map((b, j) => (
                  <rect
                    key={`b${i}:${j}`}
                    x={b.x}
                    y={r.y + 2}
                    width={b.w}
                    height={r.h - 4}
                    rx={2}
                    className={BAR_FILL[STATUS_TONE[b.status]]}
                  />
                ))
              : (eventsByGroup.get(r.group) ?? []).map((ev) => (
                  <g key={ev.id} data-event-id={ev.id}>
                    <EventGlyph group={ev.group} x={x(ev.at)} y={r.y + r.h / 2} r={5} />
                  </g>
                )),
          )}
          {now >= visible.from && now <= visible.to ? (
            <g>
              <line
                x1={x(now)}
                x2={x(now)}
                y1={AXIS - 2}
                y2={layout.height}
                className="stroke-red-700 dark:stroke-red-400"
                strokeWidth={1.5}
                strokeDasharray="3 2"
              />
              <text
                x={x(now) - 4}
                y={AXIS - 6}
                textAnchor="end"
                className="fill-red-700 text-[10px] font-semibold dark:fill-red-400"
              >
                now
              </text>
            </g>
          ) : null}
          {drag ? (
            <rect
              x={Math.min(drag.x0, drag.x1)}
              y={AXIS}
              width={Math.abs(drag.x1 - drag.x0)}
              height={layout.height - AXIS}
              className="fill-blue-500/25 stroke-blue-700 dark:stroke-blue-300"
            />
          ) : null}
          {hover ? (
            <line
              x1={hover.x}
              x2={hover.x}
              y1={AXIS}
              y2={layout.height}
              className="stroke-zinc-900 dark:stroke-zinc-100"
              strokeWidth={1}
            />
          ) : null}
        </svg>
        {hover ? (
          <div
            role="tooltip"
            className="pointer-events-none absolute z-10 max-w-sm rounded border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-900 shadow dark:border-zinc-600 dark:bg-zinc-950 dark:text-zinc-100"
            style={{
              top: hover.y + 18,
              ...(hover.x > width / 2 ? { right: width - hover.x + 8 } : { left: hover.x + 8 }),
            }}
          >
            {hover.text}
          </div>
        ) : null}
      </div>
      <TimelineLegend
        statuses={statuses}
        eventCounts={eventCounts}
        selected={eventGroups}
        onGroups={(next) => onChange({ events: next.length ? next : null })}
      />
      <TimelineTable label={label} lanes={lanes} events={shown} />
    </div>
  );
});
