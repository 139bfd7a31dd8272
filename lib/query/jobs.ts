import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, type JobScope } from "@/lib/api-client";
import type { JobListQuery } from "@/lib/jobs/dto";

// Scope first, then params: invalidating lists() or scope(...) reaches every page of every filter.
export const jobKeys = {
  all: ["jobs"] as const,
  scope: (scope: JobScope) => [...jobKeys.all, scope.kind, scope.groupId, scope.clusterName] as const,
  lists: (scope: JobScope) => [...jobKeys.scope(scope), "list"] as const,
  list: (scope: JobScope, params: JobListQuery) => [...jobKeys.lists(scope), params] as const,
  details: (scope: JobScope) => [...jobKeys.scope(scope), "detail"] as const,
  detail: (scope: JobScope, id: string) => [...jobKeys.details(scope), id] as const,
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
