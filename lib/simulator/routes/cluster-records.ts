// List and get handlers for a record collection under one dedicated cluster (restore jobs,
// exports, snapshots): the same lookups, 404 and rendering for each.
import type { AtlasErrorResponse } from "../http/error-response";
import type { Indexed } from "../data/store";
import type { Cluster, Project } from "../data/types";
import type { RenderContext } from "../render/context";
import { listResult } from "./list";
import { requireCluster } from "./lookups";
import { mustProject, param, type OpContext, type OpResult } from "./types";

type Records<R extends { id: string }> = (ctx: OpContext, p: Project, c: Cluster) => Indexed<R>;
type Render<R> = (rec: R, c: Cluster, p: Project, ctx: RenderContext) => Record<string, unknown>;

/** `filter` reads the query once the cluster is known (it may throw a 400) and returns the row test. */
export function listClusterRecords<R extends { id: string }>(
  records: Records<R>,
  render: Render<R>,
  filter?: (ctx: OpContext) => (rec: R) => boolean,
) {
  return (ctx: OpContext): OpResult => {
    const p = mustProject(ctx);
    const c = requireCluster(ctx);
    const all = records(ctx, p, c).items;
    const items = filter ? all.filter(filter(ctx)) : all;
    return listResult(ctx, items, (rec) => render(rec, c, p, ctx.render));
  };
}

export function getClusterRecord<R extends { id: string }>(
  idParam: string,
  records: Records<R>,
  notFound: (id: string, c: Cluster) => AtlasErrorResponse,
  render: Render<R>,
) {
  return (ctx: OpContext): OpResult => {
    const p = mustProject(ctx);
    const c = requireCluster(ctx);
    const id = param(ctx, idParam);
    const rec = records(ctx, p, c).byId.get(id);
    if (!rec) throw notFound(id, c);
    return { kind: "entity", body: render(rec, c, p, ctx.render) };
  };
}
