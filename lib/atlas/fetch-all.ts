import "server-only";
import pLimit from "p-limit";
import type { AtlasClient } from "./client";
import type { AtlasOperation, PathParams } from "./operations";
import type { Paginated } from "./schemas/common";

export const ITEMS_PER_PAGE = 500; // Atlas's maximum

/** Atlas calls a whole list of `items` costs (at least one, for an empty list). */
export const pagesFor = (items: number) => Math.max(1, Math.ceil(items / ITEMS_PER_PAGE));
const MAX_PAGES = 200; // 100,000 items: a runaway guard, far beyond any real cluster's job history

type PagedOperation = AtlasOperation & { schema: { _zod: { output: Paginated<unknown> } } };
type ItemOf<O extends PagedOperation> = O["schema"]["_zod"]["output"]["results"][number];

/**
 * Every item of an Atlas list. The first page reports totalCount, then the remaining pages are fetched
 * with bounded concurrency. `receivedAt` is the first page's arrival: the oldest data in the result.
 */
export async function fetchAllPages<O extends PagedOperation>(
  client: AtlasClient,
  op: O,
  params: PathParams<O>,
  concurrency = 4,
): Promise<{ results: ItemOf<O>[]; receivedAt: Date }> {
  const page = (pageNum: number) =>
    client.call(op, params, {
      query: { itemsPerPage: ITEMS_PER_PAGE, pageNum, ...(op.includeCount !== false && { includeCount: true }) },
    }) as Promise<{
      data: Paginated<ItemOf<O>>;
      receivedAt: Date;
    }>;
  const first = await page(1);
  const results = [...first.data.results];
  const total = first.data.totalCount;
  if (typeof total === "number") {
    const pages = Math.min(MAX_PAGES, Math.ceil(total / ITEMS_PER_PAGE));
    const limit = pLimit(concurrency);
    const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => limit(() => page(i + 2))));
    for (const r of rest) results.push(...r.data.results);
  } else {
    // No count (Atlas may omit it): walk pages until one comes back short.
    let last = first.data.results.length;
    for (let n = 2; last === ITEMS_PER_PAGE && n <= MAX_PAGES; n++) {
      const next = await page(n);
      results.push(...next.data.results);
      last = next.data.results.length;
    }
  }
  return { results, receivedAt: first.receivedAt };
}
