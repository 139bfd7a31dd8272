// Common query parameters (spec: components.parameters): itemsPerPage 1..500 (100), pageNum >= 1 (1),
// includeCount (true), envelope and pretty (false). Unknown query parameters are ignored, as Atlas does.
import { invalidQuery } from "./http/error-response";

export interface ListQuery {
  itemsPerPage: number;
  pageNum: number;
  includeCount: boolean;
}

export interface Link {
  href: string;
  rel: string;
}

export function parseBool(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const v = raw.toLowerCase();
  if (v === "true") return true;
  if (v === "false") return false;
  throw invalidQuery(name);
}

export function parseInteger(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw invalidQuery(name);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw invalidQuery(name);
  return n;
}

export function parseListQuery(query: URLSearchParams): ListQuery {
  return {
    itemsPerPage: parseInteger(query, "itemsPerPage", 100, 1, 500),
    pageNum: parseInteger(query, "pageNum", 1, 1, 2_147_483_647),
    includeCount: parseBool(query, "includeCount", true),
  };
}

export interface PageWindow {
  start: number;
  end: number;
  hasNext: boolean;
  hasPrevious: boolean;
}

export function pageWindow(total: number, q: Pick<ListQuery, "itemsPerPage" | "pageNum">): PageWindow {
  const start = Math.min(total, (q.pageNum - 1) * q.itemsPerPage);
  const end = Math.min(total, start + q.itemsPerPage);
  return { start, end, hasNext: q.pageNum * q.itemsPerPage < total, hasPrevious: q.pageNum > 1 };
}

/** Links with absolute hrefs; `pathAndQuery` keeps the caller's other query parameters. */
export function pageLinks(
  baseUrl: string,
  pathname: string,
  query: URLSearchParams,
  q: ListQuery,
  w: PageWindow,
): Link[] {
  const href = (pageNum: number) => {
    const params = new URLSearchParams(query);
    params.set("pageNum", String(pageNum));
    params.set("itemsPerPage", String(q.itemsPerPage));
    return `${baseUrl}${pathname}?${params.toString()}`;
  };
  const links: Link[] = [];
  if (w.hasPrevious) links.push({ href: href(q.pageNum - 1), rel: "previous" });
  links.push({ href: href(q.pageNum), rel: "self" });
  if (w.hasNext) links.push({ href: href(q.pageNum + 1), rel: "next" });
  return links;
}

export interface Page<T> {
  links: Link[];
  results: T[];
  totalCount?: number;
}

export function paginate<S, T>(
  items: readonly S[],
  q: ListQuery,
  render: (item: S) => T,
  link: { baseUrl: string; pathname: string; query: URLSearchParams },
): Page<T> {
  const w = pageWindow(items.length, q);
  const results: T[] = new Array(w.end - w.start);
  for (let i = w.start; i < w.end; i++) results[i - w.start] = render(items[i] as S);
  const page: Page<T> = { links: pageLinks(link.baseUrl, link.pathname, link.query, q, w), results };
  if (q.includeCount) page.totalCount = items.length;
  return page;
}
