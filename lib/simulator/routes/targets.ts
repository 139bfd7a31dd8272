// Restore targets must be a project the caller can reach and, for Cloud Backup, a dedicated cluster in it.
import { canAccessProject } from "../auth/principals";
import { AtlasErrorResponse } from "../http/error-response";
import type { Cluster, Project } from "../data/types";
import type { OpContext } from "./types";

export function resolveProject(ctx: OpContext, groupId: string): Project {
  const project = ctx.store.project(groupId);
  if (!project || !canAccessProject(ctx.principal, project))
    throw new AtlasErrorResponse(404, "GROUP_NOT_FOUND", `No group with ID ${groupId} exists.`, [groupId]);
  return project;
}

export function resolveTarget(ctx: OpContext, groupId: string, clusterName: string): Cluster {
  const project = resolveProject(ctx, groupId);
  const cluster = ctx.store.cluster(project, clusterName);
  if (!cluster || cluster.tier !== "dedicated") {
    throw new AtlasErrorResponse(
      404,
      "CLUSTER_NOT_FOUND",
      `No cluster named ${clusterName} exists in group ${groupId}.`,
      [clusterName, groupId],
    );
  }
  return cluster;
}
