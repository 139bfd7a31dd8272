// 404s in Atlas's words (Atlas docs: atlas/reference/api-errors).
import { AtlasErrorResponse } from "../http/error-response";
import type { Cluster, FlexCluster } from "../data/types";
import { mustProject, param, type OpContext } from "./types";

export function requireCluster(ctx: OpContext): Cluster {
  const p = mustProject(ctx);
  const name = param(ctx, "clusterName");
  const c = ctx.store.cluster(p, name);
  if (!c)
    throw new AtlasErrorResponse(404, "CLUSTER_NOT_FOUND", `No cluster named ${name} exists in group ${p.id}.`, [
      name,
      p.id,
    ]);
  return c;
}

export function requireFlex(ctx: OpContext): FlexCluster {
  const p = mustProject(ctx);
  const name = param(ctx, "name");
  const f = ctx.store.flexCluster(p, name);
  if (!f)
    throw new AtlasErrorResponse(404, "CLUSTER_NOT_FOUND", `No cluster named ${name} exists in group ${p.id}.`, [
      name,
      p.id,
    ]);
  return f;
}

export function restoreJobNotFound(id: string, clusterName: string): AtlasErrorResponse {
  return new AtlasErrorResponse(
    404,
    "RESTORE_JOB_NOT_FOUND",
    `No restore job with ID ${id} exists for cluster ${clusterName}.`,
    [id, clusterName],
  );
}

export function snapshotNotFound(id: string, clusterName: string): AtlasErrorResponse {
  return new AtlasErrorResponse(
    404,
    "SNAPSHOT_NOT_FOUND",
    `No snapshot with ID ${id} exists for cluster ${clusterName}.`,
    [id, clusterName],
  );
}
