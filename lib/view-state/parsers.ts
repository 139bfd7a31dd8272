// Every piece of the cluster view's state lives in the URL. These parsers are shared by the
// server page (createLoader) and the client (useQueryStates), so both read the same link the same way.
import {
  createLoader,
  createParser,
  createSerializer,
  parseAsArrayOf,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import { COLLECTION_STATES, JOB_KINDS, JOB_STATUSES, OBJECT_ID, SORT_FIELDS } from "./contract-constants";

export const REFRESH_INTERVALS = [0, 10, 30, 60] as const;
export type RefreshInterval = (typeof REFRESH_INTERVALS)[number];
export const TIME_WINDOWS = ["24h", "7d", "30d"] as const;
export type TimeWindow = (typeof TIME_WINDOWS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;
export const SORT_DIRS = ["asc", "desc"] as const;

const WINDOW_MS: Record<TimeWindow, number> = { "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 };
export function windowMs(window: TimeWindow): number {
  return WINDOW_MS[window];
}

const parseAsPage = createParser({
  parse: (value) => (/^[1-9]\d{0,5}$/.test(value) ? Number(value) : null),
  serialize: (value: number) => String(value),
});

const parseAsObjectId = createParser({
  parse: (value) => (OBJECT_ID.test(value) ? value : null),
  serialize: (value: string) => value,
});

export const clusterViewParsers = {
  /** No default: the first job kind that applies to the cluster is chosen by the page. */
  tab: parseAsStringLiteral(JOB_KINDS),
  status: parseAsArrayOf(parseAsStringLiteral(JOB_STATUSES)).withDefault([]),
  sort: parseAsStringLiteral(SORT_FIELDS).withDefault("startedAt"),
  dir: parseAsStringLiteral(SORT_DIRS).withDefault("desc"),
  page: parseAsPage.withDefault(1),
  pageSize: parseAsNumberLiteral(PAGE_SIZES).withDefault(50),
  job: parseAsObjectId,
  refresh: parseAsNumberLiteral(REFRESH_INTERVALS).withDefault(0),
  window: parseAsStringLiteral(TIME_WINDOWS).withDefault("7d"),
  /** The open collection restore's per-collection table: Atlas's state filter and its page. */
  collState: parseAsStringLiteral(COLLECTION_STATES),
  collPage: parseAsPage.withDefault(1),
};

export const searchParsers = { q: parseAsString.withDefault("") };

export const loadClusterView = createLoader(clusterViewParsers);
export const loadSearch = createLoader(searchParsers);
export const serializeClusterView = createSerializer(clusterViewParsers, { clearOnDefault: true });

/** A cluster page's link, with its view (a tab, a job open): where every Now row and a found id lead. */
export function clusterHref(
  groupId: string,
  clusterName: string,
  view: Parameters<typeof serializeClusterView>[1] = {},
): string {
  return serializeClusterView(`/projects/${groupId}/clusters/${encodeURIComponent(clusterName)}`, view);
}
