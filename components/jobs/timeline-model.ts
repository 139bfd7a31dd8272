// The timeline as numbers, apart from drawing it: lanes by kind and delivery type with overlapping
// jobs stacked in sub-rows, the event markers of the chosen groups, and the range arithmetic of
// zooming and brushing. Pure, so the unit tests pin what a 7-day picture of 1,200 jobs becomes.
import type { Job } from "@/lib/jobs/dto";
import { eventGroupOf, type EventGroup } from "@/lib/jobs/events";
import { jobSpan } from "@/lib/jobs/timing";
import { JOB_KINDS } from "@/lib/view-state/contract-constants";
import type { TimeRange } from "@/lib/view-state/timeline-parsers";
import { JOB_KIND_ONE } from "./labels";

export interface TimelineBar {
  job: Job;
  start: number;
  end: number;
  /** Where the job ran, when the picture mixes clusters (Now). */
  where?: string;
}

export interface TimelineLane {
  key: string;
  label: string;
  /** Sub-rows, each a set of bars that do not overlap (the last one takes what did not fit: drawn dense). */
  rows: TimelineBar[][];
  count: number;
}

export interface TimelineEvent {
  id: string;
  type: string;
  at: number;
  group: EventGroup;
  where?: string;
}

/** Sub-rows per lane before overlapping jobs share the last one (drawn as one dense bar). */
export const MAX_SUB_ROWS = 4;

/** "pointInTime" -> "Point in time", "DOWNLOAD" -> "Download". */
export function deliveryLabel(deliveryType: string | null): string {
  if (!deliveryType) return "";
  const words = deliveryType.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const laneOf = (job: Job) => ({
  key: `${job.kind}|${job.deliveryType ?? ""}`,
  label: [JOB_KIND_ONE[job.kind], deliveryLabel(job.deliveryType)].filter(Boolean).join(" · "),
  order: (JOB_KINDS as readonly string[]).indexOf(job.kind),
});

/**
 * One lane per kind and delivery type with a job in [from, to], in the kinds' order (a kind added to
 * JOB_KINDS gets its lanes with no change here). In a lane, jobs go to the first sub-row where they
 * start at least `gapMs` after its last one ended; past `maxRows` rows, to the row that frees first.
 */
export function timelineLanes(
  items: ReadonlyArray<{ job: Job; where?: string }>,
  from: number,
  to: number,
  {
    maxRows = MAX_SUB_ROWS,
    gapMs = 0,
    liveEnd = to,
  }: { maxRows?: number; gapMs?: number; /** Where a running job's bar ends: now. */ liveEnd?: number } = {},
): TimelineLane[] {
  const lanes = new Map<string, { lane: TimelineLane; order: number; ends: number[] }>();
  const bars = items
    .flatMap(({ job, where }) => {
      const span = jobSpan(job, Math.min(liveEnd, to));
      return span && span.end >= from && span.start <= to ? [{ job, ...span, ...(where && { where }) }] : [];
    })
    .sort((a, b) => a.start - b.start || (a.job.id < b.job.id ? -1 : 1));
  for (const bar of bars) {
    const { key, label, order } = laneOf(bar.job);
    let entry = lanes.get(key);
    if (!entry) lanes.set(key, (entry = { lane: { key, label, rows: [], count: 0 }, order, ends: [] }));
    const { lane, ends } = entry;
    let row = ends.findIndex((end) => end + gapMs <= bar.start);
    if (row < 0 && ends.length < maxRows) row = ends.length;
    if (row < 0) row = ends.indexOf(Math.min(...ends));
    (lane.rows[row] ??= []).push(bar);
    ends[row] = Math.max(ends[row] ?? -Infinity, bar.end);
    lane.count++;
  }
  return [...lanes.values()]
    .sort((a, b) => a.order - b.order || a.lane.label.localeCompare(b.lane.label))
    .map((e) => e.lane);
}

/** The events of the groups shown (all when none is chosen) within [from, to], oldest first. */
export function timelineEvents(
  events: ReadonlyArray<{ id: string; type: string; at: string; where?: string }>,
  from: number,
  to: number,
  groups: readonly EventGroup[] = [],
): TimelineEvent[] {
  return events
    .flatMap((e) => {
      const group = eventGroupOf(e.type);
      const at = Date.parse(e.at);
      if (!group || at < from || at > to || (groups.length > 0 && !groups.includes(group))) return [];
      return [{ id: e.id, type: e.type, at, group, ...(e.where && { where: e.where }) }];
    })
    .sort((a, b) => a.at - b.at);
}

// ---- range arithmetic ---------------------------------------------------------------------

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/** The time at `px` of a plot `width` px wide showing [from, to]. */
export const timeAt = (px: number, width: number, r: TimeRange) =>
  r.from + (clamp(px, 0, width) / Math.max(1, width)) * (r.to - r.from);

/** The x of time `t`, clamped to the plot. */
export const xAt = (t: number, width: number, r: TimeRange) =>
  ((clamp(t, r.from, r.to) - r.from) / Math.max(1, r.to - r.from)) * width;

/** The smallest range a drag may zoom to: below a minute, bars of seconds say nothing more. */
export const MIN_RANGE_MS = 60_000;

/** The range dragged from x0 to x1 (either way), or null for a click (under 4 px). */
export function dragRange(x0: number, x1: number, width: number, r: TimeRange): TimeRange | null {
  if (Math.abs(x1 - x0) < 4) return null;
  const a = timeAt(Math.min(x0, x1), width, r);
  const b = timeAt(Math.max(x0, x1), width, r);
  if (b - a >= MIN_RANGE_MS) return { from: Math.floor(a), to: Math.ceil(b) };
  const mid = (a + b) / 2;
  return { from: Math.floor(mid - MIN_RANGE_MS / 2), to: Math.ceil(mid + MIN_RANGE_MS / 2) };
}

/** What a zoom from the URL shows within the window: its overlap, or the whole window if none. */
export function visibleRange(window: TimeRange, zoom: TimeRange | null): TimeRange {
  if (!zoom) return window;
  const from = Math.max(window.from, zoom.from);
  const to = Math.min(window.to, zoom.to);
  return to - from >= MIN_RANGE_MS ? { from, to } : window;
}

/** Twice as wide around its middle, within the window; null once it covers the window (no zoom). */
export function zoomOut(current: TimeRange, window: TimeRange): TimeRange | null {
  const half = current.to - current.from;
  const mid = (current.from + current.to) / 2;
  let from = mid - half;
  let to = mid + half;
  if (from < window.from) [from, to] = [window.from, Math.min(window.to, window.from + 2 * half)];
  if (to > window.to) [from, to] = [Math.max(window.from, window.to - 2 * half), window.to];
  return from <= window.from && to >= window.to ? null : { from: Math.floor(from), to: Math.ceil(to) };
}

const MINUTE = 60_000;
const TICK_STEPS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((m) => m * MINUTE);

/** Axis ticks on round UTC times, about one per `pxPerTick` px. */
export function ticks(r: TimeRange, width: number, pxPerTick = 110): number[] {
  const want = Math.max(1, Math.floor(width / pxPerTick));
  const step = TICK_STEPS.find((s) => (r.to - r.from) / s <= want) ?? TICK_STEPS.at(-1)!;
  const out: number[] = [];
  for (let t = Math.ceil(r.from / step) * step; t <= r.to; t += step) out.push(t);
  return out;
}
