import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { isOpen } from "@/lib/watches/state";

/** How often the open tabs ask for their watches' state while one can still change (the store answers; Atlas is not asked). */
export const WATCH_POLL_MS = 10_000;

export const watchKeys = {
  all: ["watches"] as const,
  list: () => [...watchKeys.all, "list"] as const,
};

/** One answer for the notifier and every row's button; polled only while a watch is open. */
export const watchesOptions = () =>
  queryOptions({
    queryKey: watchKeys.list(),
    queryFn: ({ signal }) => api.watches(signal),
    staleTime: WATCH_POLL_MS / 2,
    refetchInterval: (query) => (query.state.data?.items.some(isOpen) ? WATCH_POLL_MS : false),
    // A watched job may end while its tab is in the background: that tab still tells.
    refetchIntervalInBackground: true,
  });
