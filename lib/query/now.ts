import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { NOW_REFRESH_MS, type NowScope } from "@/lib/view-state/now-parsers";

// One entry per scope (window, projects, search, sort): the kind, status, section and stuck filters
// are applied in the browser to the same answer, so they share it.
export const nowKeys = {
  all: ["now"] as const,
  lists: () => [...nowKeys.all, "list"] as const,
  list: (scope: NowScope) => [...nowKeys.lists(), scope] as const,
};

/** Live by default: the store answers from memory, so polling every 15 s costs Atlas nothing. */
export const nowOptions = (scope: NowScope) =>
  queryOptions({
    queryKey: nowKeys.list(scope),
    queryFn: ({ signal }) => api.now(scope, signal),
    placeholderData: keepPreviousData,
    refetchInterval: NOW_REFRESH_MS,
    // A wall screen in an incident room is often a background tab: keep it current.
    refetchIntervalInBackground: true,
  });
