// Collection-level restore jobs (spec tag Cloud Backups, version 2025-03-12 only): list, create (201),
// get, the job's collection states (filtered, paged) and one collection state.
import { COLLECTION_STATES, collectionJobAt, isTerminal } from "../collection-lifecycle";
import { estimator } from "../data/collection-restore-gen";
import type { CollectionRestoreRec } from "../data/collection-types";
import { namespaceCatalog, planCollections } from "../data/namespace-catalog";
import type { Cluster, Project } from "../data/types";
import { AtlasErrorResponse, invalidQuery } from "../http/error-response";
import { createRng, objectId } from "../prng";
import { renderCollectionRestoreJob, renderCollectionState } from "../render/collection-restores";
import { parseCollectionRestoreBody, type CollectionRestoreRequest } from "./collection-body";
import { listResult } from "./list";
import { requireCluster, snapshotNotFound } from "./lookups";
import { requireBackups } from "./restores";
import { resolveTarget } from "./targets";
import { mustProject, param, type OpContext, type OpResult, type Operation } from "./types";
import { V_2025_03_12 } from "./versions";

const RATE = { set: "cloud-backups", scope: "group" } as const;
const BASE = "/groups/:groupId/clusters/:clusterName/collectionRestoreJobs";
const STATES = new Set<string>(COLLECTION_STATES);
let created = 0;

// [UNCERTAIN] The spec declares a 404 for these operations but names no errorCode; these are ours.
const jobNotFound = (id: string, clusterName: string) =>
  new AtlasErrorResponse(
    404,
    "COLLECTION_RESTORE_JOB_NOT_FOUND",
    `No collection restore job with ID ${id} exists for cluster ${clusterName}.`,
    [id, clusterName],
  );

function scope(ctx: OpContext): { p: Project; c: Cluster } {
  return { p: mustProject(ctx), c: requireCluster(ctx) };
}

function findJob(ctx: OpContext): { rec: CollectionRestoreRec; c: Cluster } {
  const { p, c } = scope(ctx);
  const id = param(ctx, "jobId");
  const rec = ctx.store.collectionRestores(p, c).byId.get(id);
  if (!rec) throw jobNotFound(id, c.name);
  return { rec, c };
}

const missing = (field: string) =>
  new AtlasErrorResponse(400, "MISSING_ATTRIBUTE", `The required attribute ${field} was not specified.`, [field]);
const invalid = (field: string) =>
  new AtlasErrorResponse(400, "INVALID_ATTRIBUTE", `Invalid attribute ${field} specified.`, [field]);
const badPit = () =>
  new AtlasErrorResponse(400, "INVALID_PIT_RESTORE_TIME", "Please provide a valid UTC time or an operation time (ts).");

/** [DERIVED] The spec does not say how the restore point is chosen: exactly one of snapshotId, pointInTimeUtcSeconds, oplogTs with oplogInc. */
function checkRestorePoint(ctx: OpContext, c: Cluster, body: CollectionRestoreRequest): void {
  const pit = body.pointInTimeUtcSeconds ?? undefined;
  const ts = body.oplogTs ?? undefined;
  const inc = body.oplogInc ?? undefined;
  const points = [body.snapshotId, pit, ts ?? inc].filter((v) => v !== undefined).length;
  if (points === 0) throw missing("snapshotId");
  if (points > 1)
    throw invalid(body.snapshotId ? (pit !== undefined ? "pointInTimeUtcSeconds" : "oplogTs") : "oplogTs");
  if ((ts === undefined) !== (inc === undefined)) throw badPit();
  const now = Math.floor(ctx.render.now);
  if ((pit ?? ts ?? 0) > now) throw badPit();
  if (!body.snapshotId) return;
  const snap = ctx.store.snapshots(c).byId.get(body.snapshotId);
  if (!snap) throw snapshotNotFound(body.snapshotId, c.name);
  if (snap.failed || now < snap.t0 + snap.durationSec)
    throw new AtlasErrorResponse(
      409,
      "CANNOT_START_RESTORE_JOB_FOR_INCOMPLETE_CLUSTER_SNAPSHOT",
      `Cannot start restore job for incomplete snapshot ${snap.id}.`,
      [snap.id],
    );
}

function createJob(ctx: OpContext): OpResult {
  const { p, c } = scope(ctx);
  requireBackups(c);
  const body = parseCollectionRestoreBody(ctx.body);
  const collections = body.collections ?? [];
  const databases = body.databases ?? [];
  if (collections.length + databases.length === 0) throw missing("collections");
  if (collections.some((n) => !/^[^.]+\.[^.].*$/.test(n.sourceNamespace))) throw invalid("collections.sourceNamespace");
  if (databases.some((n) => n.sourceNamespace.includes("."))) throw invalid("databases.sourceNamespace");
  checkRestorePoint(ctx, c, body);
  const target = resolveTarget(ctx, body.targetGroupId, body.targetClusterName);
  const now = Math.floor(ctx.render.now);
  const list = ctx.store.collectionRestores(p, c);
  const running = list.items.find((j) => !isTerminal(collectionJobAt(j, now).state));
  if (running)
    throw new AtlasErrorResponse(
      409,
      // [UNCERTAIN] The spec declares the 409 without a code; this one is the simulator's.
      "COLLECTION_RESTORE_JOB_IN_PROGRESS",
      `Collection restore job ${running.id} is already in progress for cluster ${c.name}; only one may run at a time.`,
      [running.id, c.name],
    );
  const rng = createRng(ctx.store.seed, "created-collection-restore", c.key, ++created);
  const req = {
    collections,
    databases,
    collectionSuffix: body.collectionSuffix ?? undefined,
    databaseSuffix: body.databaseSuffix ?? undefined,
    writeStrategy: body.writeStrategy,
  };
  const seed = ctx.store.seed;
  const plan = planCollections(namespaceCatalog(seed, c.key), namespaceCatalog(seed, target.key), req, estimator(rng));
  const docs = plan.reduce((n, x) => n + x.total, 0);
  const rec: CollectionRestoreRec = {
    id: objectId(now, rng),
    t0: now,
    initSec: 60,
    runSec: Math.min(2 * 3600, 10 * 60 + Math.ceil(docs / 500)),
    finalizeSec: 120,
    outcome: "SUCCESSFUL",
    stopAt: 1,
    snapshotId: body.snapshotId,
    pitUtc: body.pointInTimeUtcSeconds ?? undefined,
    oplogTs: body.oplogTs ?? undefined,
    oplogInc: body.oplogInc ?? undefined,
    targetClusterName: target.name,
    targetGroupId: target.groupId,
    indexStrategy: body.indexStrategy,
    ...req,
    plan,
  };
  ctx.store.add(list, rec);
  return { kind: "entity", status: 201, body: renderCollectionRestoreJob(rec, ctx.render.now) };
}

function listCollections(ctx: OpContext): OpResult {
  const { rec } = findJob(ctx);
  const q = ctx.query;
  const state = q.get("state");
  if (state !== null && !STATES.has(state)) throw invalidQuery("state");
  const source = q.get("sourceNamespace");
  const target = q.get("targetNamespace");
  const items = collectionJobAt(rec, ctx.render.now).collections.filter(
    (c) =>
      (state === null || c.state === state) &&
      (source === null || c.plan.source === source) &&
      (target === null || c.plan.target === target),
  );
  return listResult(ctx, items, renderCollectionState);
}

function getCollection(ctx: OpContext): OpResult {
  const { rec, c } = findJob(ctx);
  const source = param(ctx, "sourceNamespace");
  const found = collectionJobAt(rec, ctx.render.now).collections.find((x) => x.plan.source === source);
  if (!found)
    throw new AtlasErrorResponse(
      404,
      "COLLECTION_RESTORE_COLLECTION_NOT_FOUND",
      `No collection ${source} in collection restore job ${rec.id} of cluster ${c.name}.`,
      [source, rec.id],
    );
  return { kind: "entity", body: renderCollectionState(found) };
}

export const collectionRestoreOperations: Operation[] = [
  {
    id: "listGroupClusterCollectionRestoreJobs",
    method: "GET",
    path: BASE,
    versions: V_2025_03_12,
    rate: RATE,
    paginated: true,
    handle: (ctx) => {
      const { p, c } = scope(ctx);
      return listResult(ctx, ctx.store.collectionRestores(p, c).items, (r) =>
        renderCollectionRestoreJob(r, ctx.render.now),
      );
    },
  },
  {
    id: "createGroupClusterCollectionRestoreJob",
    method: "POST",
    path: BASE,
    versions: V_2025_03_12,
    rate: RATE,
    handle: createJob,
  },
  {
    id: "getGroupClusterCollectionRestoreJob",
    method: "GET",
    path: `${BASE}/:jobId`,
    versions: V_2025_03_12,
    rate: RATE,
    handle: (ctx) => ({ kind: "entity", body: renderCollectionRestoreJob(findJob(ctx).rec, ctx.render.now) }),
  },
  {
    id: "listGroupClusterCollectionRestoreJobCollections",
    method: "GET",
    path: `${BASE}/:jobId/collections`,
    versions: V_2025_03_12,
    rate: RATE,
    paginated: true,
    handle: listCollections,
  },
  {
    id: "getGroupClusterCollectionRestoreJobCollection",
    method: "GET",
    path: `${BASE}/:jobId/collections/:sourceNamespace`,
    versions: V_2025_03_12,
    rate: RATE,
    handle: getCollection,
  },
];
