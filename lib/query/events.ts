import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { EventWindow } from "@/lib/jobs/events";

export const eventKeys = {
  all: ["events"] as const,
  cluster: (groupId: string, clusterName: string, window: EventWindow) =>
    [...eventKeys.all, groupId, clusterName, window] as const,
};

/** A cluster's backup events of a window; the server answers from the store (one Atlas call per window). */
export const clusterEventsOptions = (groupId: string, clusterName: string, window: EventWindow, refreshSeconds = 0) =>
  queryOptions({
    queryKey: eventKeys.cluster(groupId, clusterName, window),
    queryFn: ({ signal }) => api.events(groupId, clusterName, window, signal),
    placeholderData: keepPreviousData,
    refetchInterval: refreshSeconds > 0 ? refreshSeconds * 1000 : false,
  });
