import "server-only";
import { cache } from "react";
import { listClusters, listProjects } from "@/lib/server/atlas-services";
import type { Cluster, Project } from "@/lib/jobs/dto";

// cache(): generateMetadata and the page ask the same question once per request.
export const findProject = cache(async (groupId: string): Promise<Project | null> => {
  const projects = await listProjects();
  return projects.items.find((p) => p.id === groupId) ?? null;
});

/**
 * All clusters of this name: a migrated shared-tier cluster and its Flex successor share one,
 * and the cluster page shows both as tabs of one view.
 */
export const findClusters = cache(async (groupId: string, clusterName: string): Promise<Cluster[]> => {
  const clusters = await listClusters(groupId);
  return clusters.items.filter((c) => c.name === clusterName);
});
