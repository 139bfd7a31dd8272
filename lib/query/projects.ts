import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api-client";

export const projectKeys = {
  all: ["projects"] as const,
  lists: () => [...projectKeys.all, "list"] as const,
  list: () => [...projectKeys.lists(), {}] as const,
  clusters: (groupId: string) => [...projectKeys.all, "detail", groupId, "clusters"] as const,
};

export const projectListOptions = () =>
  queryOptions({ queryKey: projectKeys.list(), queryFn: ({ signal }) => api.projects(signal) });

export const clusterListOptions = (groupId: string) =>
  queryOptions({ queryKey: projectKeys.clusters(groupId), queryFn: ({ signal }) => api.clusters(groupId, signal) });
