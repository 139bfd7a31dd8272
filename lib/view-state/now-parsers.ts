// The Now view's URL state, read the way NowQuerySchema (lib/now/dto.ts) reads GET /api/now's query:
// lists repeated or comma-separated, the same names, values and defaults. One difference on
// purpose: a page link with a bad value drops that value (a 400 would be an error screen), where the
// route answers 400. Zod-free, like contract-constants.ts; now-parsers.test.ts ties the copies to dto.ts.
import {
  createLoader,
  createMultiParser,
  createParser,
  createSerializer,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";
import type { JobKind, JobStatus } from "@/lib/jobs/dto";
import type { NowQuery, NowSection, NowWindow } from "@/lib/now/dto";
import { JOB_KINDS, JOB_STATUSES, OBJECT_ID } from "./contract-constants";
import { timelineParsers } from "./timeline-parsers";

export const NOW_WINDOWS = ["1h", "6h", "24h", "7d"] as const satisfies readonly NowWindow[];
export const NOW_SECTIONS = ["running", "attention", "finished"] as const satisfies readonly NowSection[];
export const NOW_GROUPINGS = ["none", "project", "cluster"] as const satisfies readonly NowQuery["group"][];
export const NOW_SORTS = ["newest", "oldest", "longest", "cluster"] as const satisfies readonly NowQuery["sort"][];
export const NOW_Q_MAX = 100;
/** How often the page asks the store again: cheap, it never calls Atlas. */
export const NOW_REFRESH_MS = 15_000;

/** Repeated (`?kind=a&kind=b`) or comma-separated, trimmed; values outside `allowed` are dropped, duplicates too. */
function parseAsList<T extends string>(isItem: (value: string) => value is T) {
  return createMultiParser<T[]>({
    parse: (values) => [
      ...new Set(
        values
          .flatMap((v) => v.split(","))
          .map((v) => v.trim())
          .filter(isItem),
      ),
    ],
    serialize: (items) => (items.length ? [items.join(",")] : []),
    eq: (a, b) => a.length === b.length && a.every((v, i) => v === b[i]),
  }).withDefault([]);
}

const among =
  <T extends string>(values: readonly T[]) =>
  (value: string): value is T =>
    (values as readonly string[]).includes(value);
const isObjectId = (value: string): value is string => OBJECT_ID.test(value);

const parseAsQ = createParser({
  parse: (value) => (value.length <= NOW_Q_MAX ? value : null),
  serialize: (value: string) => value,
});

export const nowViewParsers = {
  window: parseAsStringLiteral(NOW_WINDOWS).withDefault("24h"),
  kind: parseAsList<JobKind>(among(JOB_KINDS)),
  status: parseAsList<JobStatus>(among(JOB_STATUSES)),
  section: parseAsList<NowSection>(among(NOW_SECTIONS)),
  stuck: parseAsStringLiteral(["true", "false"] as const),
  project: parseAsList<string>(isObjectId),
  q: parseAsQ.withDefault(""),
  sort: parseAsStringLiteral(NOW_SORTS).withDefault("newest"),
  group: parseAsStringLiteral(NOW_GROUPINGS).withDefault("none"),
  // The timeline's own state: browser-side only, never sent to /api/now.
  ...timelineParsers,
};

export const loadNowView = createLoader(nowViewParsers);
export const serializeNowView = createSerializer(nowViewParsers, { clearOnDefault: true });
export type NowView = inferParserType<typeof nowViewParsers>;

/** The view as NowQuery (what GET /api/now takes), with list order fixed so equal views are equal. */
export function nowQueryFromView(view: NowView): NowQuery {
  const ordered = <T extends string>(all: readonly T[], picked: T[]) => all.filter((v) => picked.includes(v));
  return {
    window: view.window,
    kind: ordered(JOB_KINDS, view.kind),
    status: ordered(JOB_STATUSES, view.status),
    section: ordered(NOW_SECTIONS, view.section),
    ...(view.stuck ? { stuck: view.stuck } : {}),
    project: [...view.project].sort(),
    ...(view.q.trim() ? { q: view.q.trim() } : {}),
    sort: view.sort,
    group: view.group,
  };
}

/** The part of the query the page sends to /api/now: it narrows rows and counts alike. Kind, status,
 * section and stuck are filtered in the browser from the same answer (the counts are over the window
 * before them), so a click on a count costs no request. */
export type NowScope = Pick<NowQuery, "window" | "project" | "q" | "sort">;
export function nowScope(query: NowQuery): NowScope {
  return { window: query.window, project: query.project, ...(query.q ? { q: query.q } : {}), sort: query.sort };
}

/** The query string of GET /api/now for a (partial) query, in NowQuerySchema's names. */
export function nowSearch(query: Partial<NowQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    params.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  return params.toString();
}
