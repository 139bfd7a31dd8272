import "server-only";
import type { ClusterList, ProjectList } from "@/lib/jobs/dto";
import { fetchAllPages } from "./fetch-all";
import { operations } from "./operations";
import type { ServiceDeps } from "./service-deps";
import { clusterToDto, flexClusterToDto, projectToDto } from "./to-dto/clusters";

export async function listProjects(deps: ServiceDeps): Promise<ProjectList> {
  const { results, receivedAt } = await deps.coalesce("projects", () =>
    fetchAllPages(deps.client, operations.listGroups, {}, deps.pageConcurrency),
  );
  return {
    items: results.filter((g) => deps.isProjectAllowed(g.id)).map(projectToDto),
    fetchedAt: receivedAt.toISOString(),
  };
}

/**
 * Dedicated and shared-tier clusters from /clusters, Flex clusters from /flexClusters. A migrated M2/M5
 * cluster appears twice (shared and flex, same name), as Atlas holds both; the shared one lists
 * "flex-restore" among its job kinds so its page can show the successor's restores.
 */
export async function listClusters(deps: ServiceDeps, groupId: string): Promise<ClusterList> {
  deps.assertProjectAllowed(groupId);
  const [clusters, flex] = await deps.coalesce(`clusters:${groupId}`, () =>
    Promise.all([
      fetchAllPages(deps.client, operations.listGroupClusters, { groupId }, deps.pageConcurrency),
      fetchAllPages(deps.client, operations.listGroupFlexClusters, { groupId }, deps.pageConcurrency),
    ]),
  );
  const flexNames = new Set(flex.results.map((f) => f.name));
  // Until 2026 Atlas also lists Flex clusters under /clusters (provider FLEX); /flexClusters is their source.
  const isFlexShadow = (c: (typeof clusters.results)[number]) =>
    c.replicationSpecs?.some((s) => s.regionConfigs?.some((r) => r.providerName === "FLEX")) ?? false;
  const items = [
    ...clusters.results.filter((c) => !isFlexShadow(c)).map((c) => clusterToDto(c, groupId, flexNames)),
    ...flex.results.map((f) => flexClusterToDto(f, groupId)),
  ];
  const oldest = Math.min(clusters.receivedAt.getTime(), flex.receivedAt.getTime());
  return { items, fetchedAt: new Date(oldest).toISOString() };
}
