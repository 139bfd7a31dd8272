import { keepPreviousData, queryOptions, type QueryClient } from "@tanstack/react-query";
import { api, type JobScope } from "@/lib/api-client";
import type { CollectionListQuery, Job, JobListQuery } from "@/lib/jobs/dto";
import { MAX_PAGE_SIZE } from "@/lib/view-state/contract-constants";

// Scope first, then params: invalidating lists() or scope(...) reaches every page of every filter.
export const jobKeys = {
  all: ["jobs"] as const,
  scope: (scope: JobScope) => [...jobKeys.all, scope.kind, scope.groupId, scope.clusterName] as const,
  lists: (scope: JobScope) => [...jobKeys.scope(scope), "list"] as const,
  list: (scope: JobScope, params: JobListQuery) => [...jobKeys.lists(scope), params] as const,
  details: (scope: JobScope) => [...jobKeys.scope(scope), "detail"] as const,
  detail: (scope: JobScope, id: string) => [...jobKeys.details(scope), id] as const,
  collections: (scope: JobScope, id: string, params: CollectionListQuery) =>
    [...jobKeys.detail(scope, id), "collections", params] as const,
};

export const jobListOptions = (scope: JobScope, params: JobListQuery, refreshSeconds = 0) =>
  queryOptions({
    queryKey: jobKeys.list(scope, params),
    queryFn: ({ signal }) => api.jobs(scope, params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: refreshSeconds > 0 ? refreshSeconds * 1000 : false,
  });

export const jobDetailOptions = (scope: JobScope, id: string, refreshSeconds = 0) =>
  queryOptions({
    queryKey: jobKeys.detail(scope, id),
    queryFn: ({ signal }) => api.job(scope, id, signal),
    refetchInterval: refreshSeconds > 0 ? refreshSeconds * 1000 : false,
  });

export const collectionListOptions = (scope: JobScope, id: string, params: CollectionListQuery, refreshSeconds = 0) =>
  queryOptions({
    queryKey: jobKeys.collections(scope, id, params),
    queryFn: ({ signal }) => api.collections(scope, id, params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: refreshSeconds > 0 ? refreshSeconds * 1000 : false,
  });

/**
 * Every job of a filtered list, all pages of it, for downloading the whole view rather than the page
 * on screen. Pages read at different moments may straddle a refresh of the store (a job moves to
 * another page): then the pages are read once more, and kept only if they agree.
 */
export async function fetchWholeList(client: QueryClient, scope: JobScope, query: JobListQuery): Promise<Job[]> {
  const readAll = async (staleTime: number) => {
    const page = (n: number) =>
      client.fetchQuery({ ...jobListOptions(scope, { ...query, page: n, pageSize: MAX_PAGE_SIZE }), staleTime });
    const first = await page(1);
    const rest = await Promise.all(
      Array.from({ length: Math.ceil(first.totalCount / MAX_PAGE_SIZE) - 1 }, (_, i) => page(i + 2)),
    );
    return [first, ...rest];
  };
  let pages = await readAll(10_000);
  if (new Set(pages.map((p) => p.fetchedAt)).size > 1) pages = await readAll(0);
  const seen = new Set<string>();
  return pages.flatMap((p) => p.items).filter((job) => !seen.has(job.id) && Boolean(seen.add(job.id)));
}
