// Flex restore jobs and snapshots, and the legacy shared-tier (tenant) restore and snapshot operations.
import { AtlasErrorResponse } from "../http/error-response";
import { createRng, objectId } from "../prng";
import type { PhasedRec, Project, SnapshotRec } from "../data/types";
import type { Indexed } from "../data/store";
import { renderFlexRestore, renderSimpleSnapshot, renderTenantRestore, snapshotStatus } from "../render/phased";
import { parsePhasedBody } from "./bodies";
import { listResult, unpagedResult } from "./list";
import { requireCluster, requireFlex, restoreJobNotFound, snapshotNotFound } from "./lookups";
import { resolveProject } from "./targets";
import { mustProject, param, type OpContext, type Operation } from "./types";
import { V_FLEX, V_TENANT } from "./versions";

const FLEX = "/groups/:groupId/flexClusters/:name/backup";
const TENANT = "/groups/:groupId/clusters/:clusterName/backup/tenant";
let created = 0;

function newPhased(
  ctx: OpContext,
  key: string,
  snapshots: Indexed<SnapshotRec>,
  clusterName: string,
  flex: boolean,
): PhasedRec {
  const body = parsePhasedBody(ctx.body);
  const snap = snapshots.byId.get(body.snapshotId);
  if (!snap) {
    if (flex)
      throw new AtlasErrorResponse(
        404,
        "TENANT_SNAPSHOT_NOT_FOUND",
        `No Flex snapshot with ID ${body.snapshotId} exists for cluster ${clusterName}.`,
        [body.snapshotId, clusterName],
      );
    throw snapshotNotFound(body.snapshotId, clusterName);
  }
  const now = Math.floor(ctx.render.now);
  if (snapshotStatus(snap, now) !== "COMPLETED") {
    throw new AtlasErrorResponse(
      409,
      "CANNOT_START_RESTORE_JOB_FOR_INCOMPLETE_CLUSTER_SNAPSHOT",
      `Cannot start restore job for incomplete snapshot ${snap.id}.`,
      [snap.id],
    );
  }
  const target = body.targetProjectId ? resolveProject(ctx, body.targetProjectId) : mustProject(ctx);
  const rng = createRng(ctx.store.seed, "created-phased", key, ++created);
  return {
    id: objectId(now, rng),
    t0: now,
    pendingSec: 30,
    queuedSec: 60,
    runSec: 5 * 60,
    outcome: "COMPLETED",
    delivery: "RESTORE",
    snapshotId: snap.id,
    snapTime: snap.t0,
    targetName: body.targetDeploymentItemName,
    targetProjectId: target.id,
  };
}

function getOne(list: Indexed<PhasedRec>, id: string, clusterName: string, flex: boolean): PhasedRec {
  const rec = list.byId.get(id);
  if (rec) return rec;
  if (flex)
    throw new AtlasErrorResponse(
      404,
      "TENANT_RESTORE_NOT_FOUND",
      `No Flex restore with ID ${id} exists for cluster ${clusterName}.`,
      [id, clusterName],
    );
  throw restoreJobNotFound(id, clusterName);
}

const snapPath = (p: Project, base: string, id: string) => `/groups/${p.id}${base}/${id}`;

export const flexOperations: Operation[] = [
  {
    id: "listGroupFlexClusterBackupRestoreJobs",
    method: "GET",
    path: `${FLEX}/restoreJobs`,
    versions: V_FLEX,
    rate: { set: "flex-restore-jobs", scope: "group" },
    paginated: true,
    handle: (ctx) => {
      const p = mustProject(ctx);
      const f = requireFlex(ctx);
      return listResult(ctx, ctx.store.flexRestores(p, f).items, (r) => renderFlexRestore(r, f, p, ctx.render));
    },
  },
  {
    id: "createGroupFlexClusterBackupRestoreJob",
    method: "POST",
    path: `${FLEX}/restoreJobs`,
    versions: V_FLEX,
    rate: { set: "flex-restore-jobs", scope: "group" },
    handle: (ctx) => {
      const p = mustProject(ctx);
      const f = requireFlex(ctx);
      const rec = newPhased(ctx, f.key, ctx.store.flexSnapshots(f), f.name, true);
      ctx.store.add(ctx.store.flexRestores(p, f), rec);
      return { kind: "entity", body: renderFlexRestore(rec, f, p, ctx.render) };
    },
  },
  {
    id: "getGroupFlexClusterBackupRestoreJob",
    method: "GET",
    path: `${FLEX}/restoreJobs/:restoreJobId`,
    versions: V_FLEX,
    rate: { set: "flex-restore-jobs", scope: "group" },
    handle: (ctx) => {
      const p = mustProject(ctx);
      const f = requireFlex(ctx);
      return {
        kind: "entity",
        body: renderFlexRestore(
          getOne(ctx.store.flexRestores(p, f), param(ctx, "restoreJobId"), f.name, true),
          f,
          p,
          ctx.render,
        ),
      };
    },
  },
  {
    id: "listGroupFlexClusterBackupSnapshots",
    method: "GET",
    path: `${FLEX}/snapshots`,
    versions: V_FLEX,
    rate: { set: "flex-snapshots", scope: "group" },
    paginated: true,
    handle: (ctx) => {
      const p = mustProject(ctx);
      const f = requireFlex(ctx);
      return listResult(ctx, ctx.store.flexSnapshots(f).items, (s) =>
        renderSimpleSnapshot(
          s,
          f.mongoVersion,
          snapPath(p, `/flexClusters/${f.name}/backup/snapshots`, s.id),
          ctx.render,
        ),
      );
    },
  },
  {
    id: "getGroupFlexClusterBackupSnapshot",
    method: "GET",
    path: `${FLEX}/snapshots/:snapshotId`,
    versions: V_FLEX,
    rate: { set: "flex-snapshots", scope: "group" },
    handle: (ctx) => {
      const p = mustProject(ctx);
      const f = requireFlex(ctx);
      const id = param(ctx, "snapshotId");
      const s = ctx.store.flexSnapshots(f).byId.get(id);
      if (!s)
        throw new AtlasErrorResponse(
          404,
          "TENANT_SNAPSHOT_NOT_FOUND",
          `No Flex snapshot with ID ${id} exists for cluster ${f.name}.`,
          [id, f.name],
        );
      return {
        kind: "entity",
        body: renderSimpleSnapshot(
          s,
          f.mongoVersion,
          snapPath(p, `/flexClusters/${f.name}/backup/snapshots`, s.id),
          ctx.render,
        ),
      };
    },
  },
];

export const tenantOperations: Operation[] = [
  {
    id: "createGroupClusterBackupTenantRestore",
    method: "POST",
    path: `${TENANT}/restore`,
    versions: V_TENANT,
    tenant: true,
    handle: (ctx) => {
      const p = mustProject(ctx);
      const c = requireCluster(ctx);
      const rec = newPhased(ctx, c.key, ctx.store.tenantSnapshots(c), c.name, false);
      ctx.store.add(ctx.store.tenantRestores(p, c), rec);
      return { kind: "entity", body: renderTenantRestore(rec, c, p, ctx.render) };
    },
  },
  {
    id: "listGroupClusterBackupTenantRestores",
    method: "GET",
    path: `${TENANT}/restores`,
    versions: V_TENANT,
    tenant: true,
    handle: (ctx) => {
      const p = mustProject(ctx);
      const c = requireCluster(ctx);
      return unpagedResult(ctx, ctx.store.tenantRestores(p, c).items, (r) => renderTenantRestore(r, c, p, ctx.render));
    },
  },
  {
    id: "getGroupClusterBackupTenantRestore",
    method: "GET",
    path: `${TENANT}/restores/:restoreId`,
    versions: V_TENANT,
    tenant: true,
    handle: (ctx) => {
      const p = mustProject(ctx);
      const c = requireCluster(ctx);
      return {
        kind: "entity",
        body: renderTenantRestore(
          getOne(ctx.store.tenantRestores(p, c), param(ctx, "restoreId"), c.name, false),
          c,
          p,
          ctx.render,
        ),
      };
    },
  },
  {
    id: "listGroupClusterBackupTenantSnapshots",
    method: "GET",
    path: `${TENANT}/snapshots`,
    versions: V_TENANT,
    tenant: true,
    handle: (ctx) => {
      const p = mustProject(ctx);
      const c = requireCluster(ctx);
      return unpagedResult(ctx, ctx.store.tenantSnapshots(c).items, (s) =>
        renderSimpleSnapshot(
          s,
          c.mongoVersion,
          snapPath(p, `/clusters/${c.name}/backup/tenant/snapshots`, s.id),
          ctx.render,
        ),
      );
    },
  },
  {
    id: "getGroupClusterBackupTenantSnapshot",
    method: "GET",
    path: `${TENANT}/snapshots/:snapshotId`,
    versions: V_TENANT,
    tenant: true,
    handle: (ctx) => {
      const p = mustProject(ctx);
      const c = requireCluster(ctx);
      const id = param(ctx, "snapshotId");
      const s = ctx.store.tenantSnapshots(c).byId.get(id);
      if (!s) throw snapshotNotFound(id, c.name);
      return {
        kind: "entity",
        body: renderSimpleSnapshot(
          s,
          c.mongoVersion,
          snapPath(p, `/clusters/${c.name}/backup/tenant/snapshots`, s.id),
          ctx.render,
        ),
      };
    },
  },
];
