// Organizations, projects, clusters and flex clusters.
import { V_2023_01_01, V_CLUSTERS, V_FLEX } from "./versions";
import { listResult } from "./list";
import { requireCluster, requireFlex } from "./lookups";
import { mustProject, type Operation } from "./types";
import { renderCluster, renderFlexCluster, renderGroup, renderOrg } from "../render/clusters";
import { AtlasErrorResponse } from "../http/error-response";

export const projectOperations: Operation[] = [
  {
    id: "listOrgs",
    method: "GET",
    path: "/orgs",
    versions: V_2023_01_01,
    rate: { set: "organizations-user", scope: "user" },
    paginated: true,
    handle: (ctx) => {
      const name = ctx.query.get("name")?.toLowerCase();
      const orgs = name && !ctx.store.world.org.name.toLowerCase().startsWith(name) ? [] : [ctx.store.world.org];
      return listResult(ctx, orgs, () => renderOrg(ctx.render));
    },
  },
  {
    id: "listGroups",
    method: "GET",
    path: "/groups",
    versions: V_2023_01_01,
    rate: { set: "projects-user", scope: "user" },
    paginated: true,
    handle: (ctx) => listResult(ctx, ctx.visibleProjects, (p) => renderGroup(p, ctx.render)),
  },
  {
    id: "getGroup",
    method: "GET",
    path: "/groups/:groupId",
    versions: V_2023_01_01,
    rate: { set: "projects-group", scope: "group" },
    handle: (ctx) => ({ kind: "entity", body: renderGroup(mustProject(ctx), ctx.render) }),
  },
  {
    id: "listGroupClusters",
    method: "GET",
    path: "/groups/:groupId/clusters",
    versions: V_CLUSTERS,
    rate: { set: "clusters-group", scope: "group" },
    paginated: true,
    handle: (ctx) => {
      const p = mustProject(ctx);
      const raw = ctx.query.get("includeDeletedWithRetainedBackups");
      if (raw !== null && !/^(true|false)$/i.test(raw)) {
        throw new AtlasErrorResponse(
          400,
          "INVALID_QUERY_PARAMETER",
          "Invalid query parameter includeDeletedWithRetainedBackups specified.",
          ["includeDeletedWithRetainedBackups"],
        );
      }
      return listResult(ctx, p.clusters, (c) => renderCluster(ctx.version, c, p, ctx.render));
    },
  },
  {
    id: "getGroupCluster",
    method: "GET",
    path: "/groups/:groupId/clusters/:clusterName",
    versions: V_CLUSTERS,
    rate: { set: "clusters-group", scope: "group" },
    handle: (ctx) => ({
      kind: "entity",
      body: renderCluster(ctx.version, requireCluster(ctx), mustProject(ctx), ctx.render),
    }),
  },
  {
    id: "listGroupFlexClusters",
    method: "GET",
    path: "/groups/:groupId/flexClusters",
    versions: V_FLEX,
    rate: { set: "flex-clusters", scope: "group" },
    paginated: true,
    handle: (ctx) => {
      const p = mustProject(ctx);
      return listResult(ctx, p.flexClusters, (f) => renderFlexCluster(f, p, ctx.render));
    },
  },
  {
    id: "getGroupFlexCluster",
    method: "GET",
    path: "/groups/:groupId/flexClusters/:name",
    versions: V_FLEX,
    rate: { set: "flex-clusters", scope: "group" },
    handle: (ctx) => ({ kind: "entity", body: renderFlexCluster(requireFlex(ctx), mustProject(ctx), ctx.render) }),
  },
];
