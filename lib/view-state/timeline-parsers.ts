// The timeline's share of a view's URL: the event groups shown, the zoomed range and the brushed
// range (which filters the jobs listed below the picture). The cluster page and Now both spread these.
import { createParser, parseAsArrayOf, parseAsStringLiteral } from "nuqs/server";
import { EVENT_GROUPS } from "@/lib/jobs/events";

/** A time range in whole seconds, `from-to` (epoch): short enough to read in a link, exact to the second. */
export interface TimeRange {
  from: number;
  to: number;
}

const RANGE = /^(\d{9,11})-(\d{9,11})$/;

export const parseAsTimeRange = createParser<TimeRange>({
  parse(value) {
    const m = RANGE.exec(value);
    if (!m) return null;
    const from = Number(m[1]) * 1000;
    const to = Number(m[2]) * 1000;
    return from < to ? { from, to } : null;
  },
  serialize: (r) => `${Math.floor(r.from / 1000)}-${Math.ceil(r.to / 1000)}`,
  eq: (a, b) => a.from === b.from && a.to === b.to,
});

export const timelineParsers = {
  /** Event groups drawn; empty draws them all (like the status chips). */
  events: parseAsArrayOf(parseAsStringLiteral(EVENT_GROUPS)).withDefault([]),
  zoom: parseAsTimeRange,
  range: parseAsTimeRange,
};
