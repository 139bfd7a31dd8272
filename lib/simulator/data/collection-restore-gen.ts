// Collection-level restore jobs of one dedicated cluster, newest first. The showcase cluster's head
// has a job in every job state and every collection state (contract: lib/simulator/README.md).
import { createRng, objectId, type Rng } from "../prng";
import type { CollectionJobOutcome, CollectionPlan, CollectionRestoreRec, NamespaceView } from "./collection-types";
import { namespaceCatalog, planCollections, type CatalogEntry } from "./namespace-catalog";
import { DAY, HOUR, dailySlot, snapshotIdAt } from "./schedule";
import type { Cluster } from "./types";

export interface CollectionGenContext {
  seed: number;
  startSec: number;
  /** Dedicated clusters of the project: restore targets. */
  targets: Cluster[];
}

interface Spec {
  offset: number;
  initSec: number;
  runSec: number;
  finalizeSec: number;
  outcome: CollectionJobOutcome;
  stopAt?: number;
  errorMessage?: string;
  collections?: NamespaceView[];
  databases?: NamespaceView[];
  databaseSuffix?: string;
  writeStrategy?: CollectionRestoreRec["writeStrategy"];
  indexStrategy?: CollectionRestoreRec["indexStrategy"];
  pit?: boolean;
  /** Showcase: fixed shares of the run per collection, [start, copyEnd, end], in plan order. */
  windows?: Array<[number, number, number]>;
  indexFailures?: string[];
}

const m = 60;
const ns = (...names: string[]): NamespaceView[] => names.map((sourceNamespace) => ({ sourceNamespace }));

export const INDEX_FAILURE = {
  failedIndexes: [{ name: "invoiceNo_1", key: { invoiceNo: 1 }, unique: true }],
  indexError: "Index build failed: E11000 duplicate key error collection: sales.invoices_1 index: invoiceNo_1",
};

function showcaseHead(): Spec[] {
  const stuck = 30 * DAY;
  return [
    // Running for weeks: collections NOT_STARTED, IN_PROGRESS, FINALIZING and SUCCESSFUL side by side,
    // plus NOT_FOUND and UNSUPPORTED, at any clock speed.
    {
      offset: 25 * m,
      initSec: 2 * m,
      runSec: stuck,
      finalizeSec: 5 * m,
      outcome: "SUCCESSFUL",
      collections: ns(
        "sales.orders",
        "sales.customers",
        "sales.invoices",
        "sales.refunds",
        "sales.archive",
        "metrics.cpu",
      ),
      writeStrategy: "OVERWRITE_EXISTING",
      windows: [
        [0, 1e-7, 2e-7],
        [2e-7, 3e-7, 0.9],
        [3e-7, 0.95, 0.96],
        [0.96, 0.99, 1],
      ],
    },
    {
      offset: 40 * m,
      initSec: stuck,
      runSec: HOUR,
      finalizeSec: 5 * m,
      outcome: "SUCCESSFUL",
      databases: ns("billing"),
    },
    {
      offset: 3 * HOUR,
      initSec: 2 * m,
      runSec: 40 * m,
      finalizeSec: stuck,
      outcome: "SUCCESSFUL",
      collections: ns("audit.events"),
      pit: true,
    },
    {
      offset: 6 * HOUR,
      initSec: 3 * m,
      runSec: 35 * m,
      finalizeSec: 4 * m,
      outcome: "SUCCESSFUL",
      databases: ns("billing"),
      databaseSuffix: "_restored",
    },
    // "Successful", yet not everything was restored: a missing and an unsupported namespace, a failed
    // index build, and collections renamed beside the existing ones.
    {
      offset: 9 * HOUR,
      initSec: 2 * m,
      runSec: 50 * m,
      finalizeSec: 3 * m,
      outcome: "SUCCESSFUL",
      collections: ns(
        "sales.orders",
        "sales.customers",
        "sales.invoices",
        "sales.legacy_orders",
        "metrics.daily_summary",
      ),
      indexFailures: ["sales.invoices"],
    },
    {
      offset: 14 * HOUR,
      initSec: 2 * m,
      runSec: 50 * m,
      finalizeSec: 3 * m,
      outcome: "FAILED",
      stopAt: 0.6,
      writeStrategy: "OVERWRITE_EXISTING",
      errorMessage:
        "The target cluster ran out of disk space while writing sales.invoices; the restore was rolled back.",
      collections: ns("sales.orders", "sales.customers", "sales.invoices", "sales.refunds"),
    },
    {
      offset: 20 * HOUR,
      initSec: 2 * m,
      runSec: 40 * m,
      finalizeSec: 3 * m,
      outcome: "CANCELED",
      stopAt: 0.45,
      errorMessage: "The collection restore job was canceled.",
      collections: ns("billing.ledger", "billing.payments", "billing.payouts"),
      indexStrategy: "ALL_EXCEPT_TTL",
    },
  ];
}

function genericSpec(rng: Rng, offset: number): Spec {
  const roll = rng.next();
  const outcome: CollectionJobOutcome = roll < 0.75 ? "SUCCESSFUL" : roll < 0.9 ? "FAILED" : "CANCELED";
  const databases = rng.chance(0.4) ? ns(rng.pick(["sales", "billing"])) : undefined;
  const pool = ["sales.orders", "sales.customers", "sales.invoices", "billing.ledger", "audit.events", "metrics.cpu"];
  const collections = databases ? undefined : ns(...pool.filter(() => rng.chance(0.5)).concat("sales.orders"));
  return {
    offset,
    initSec: rng.int(m, 5 * m),
    runSec: rng.int(15 * m, 3 * HOUR),
    finalizeSec: rng.int(m, 10 * m),
    outcome,
    stopAt: 0.2 + rng.next() * 0.6,
    errorMessage:
      outcome === "FAILED"
        ? "The restore failed while copying documents; see the collection states."
        : outcome === "CANCELED"
          ? "The collection restore job was canceled."
          : undefined,
    collections,
    databases,
    pit: rng.chance(0.3),
    writeStrategy: rng.chance(0.7) ? "CREATE_NEW" : "OVERWRITE_EXISTING",
    indexStrategy: rng.pick(["ALL", "ALL", "NONE", "ALL_EXCEPT_TTL"] as const),
  };
}

/** Estimates are off by up to a fifth either way, as collection metadata is. */
export const estimator = (rng: Rng) => (docs: number) => Math.max(1, Math.round(docs * (0.8 + rng.next() * 0.4)));

function build(
  rng: Rng,
  c: Cluster,
  ctx: CollectionGenContext,
  s: Spec,
  catalog: CatalogEntry[],
): CollectionRestoreRec {
  const t0 = ctx.startSec - s.offset;
  const target = rng.chance(0.7) ? c : rng.pick(ctx.targets.length ? ctx.targets : [c]);
  const writeStrategy = s.writeStrategy ?? "CREATE_NEW";
  const req = {
    collections: s.collections ?? [],
    databases: s.databases ?? [],
    databaseSuffix: s.databaseSuffix,
    writeStrategy,
  };
  const plan: CollectionPlan[] = planCollections(catalog, namespaceCatalog(ctx.seed, target.key), req, estimator(rng));
  let i = 0;
  for (const p of plan) {
    if (p.final !== "SUCCESSFUL") continue;
    const w = s.windows?.[i++];
    if (w) [p.start, p.copyEnd, p.end] = w;
    if (s.indexFailures?.includes(p.source)) Object.assign(p, { final: "INDEX_BUILD_FAILED" }, INDEX_FAILURE);
  }
  const snapTime = dailySlot(t0 - rng.int(HOUR, 3 * DAY));
  const rec: CollectionRestoreRec = {
    id: objectId(t0, rng),
    t0,
    initSec: s.initSec,
    runSec: s.runSec,
    finalizeSec: s.finalizeSec,
    outcome: s.outcome,
    stopAt: s.stopAt ?? 1,
    errorMessage: s.errorMessage,
    targetClusterName: target.name,
    targetGroupId: target.groupId,
    indexStrategy: s.indexStrategy ?? "ALL",
    writeStrategy,
    databaseSuffix: s.databaseSuffix,
    collections: req.collections,
    databases: req.databases,
    plan,
  };
  if (s.pit && c.pitEnabled) rec.pitUtc = t0 - rng.int(HOUR, 2 * DAY);
  else rec.snapshotId = snapshotIdAt(ctx.seed, "replica", c.key, snapTime);
  return rec;
}

export function generateCollectionRestores(
  c: Cluster,
  ctx: CollectionGenContext,
  count: number,
  showcase: boolean,
  allowLive: boolean,
): CollectionRestoreRec[] {
  const rng = createRng(ctx.seed, "collection-restores", c.key);
  const catalog = namespaceCatalog(ctx.seed, c.key);
  const specs = showcase ? showcaseHead() : [];
  for (let i = 0; i < count; i++) specs.push(genericSpec(rng, Math.round(DAY + i * 9 * DAY + rng.next() * 8 * DAY)));
  // Now and then a generic cluster has one running, started minutes ago (one at a time per cluster).
  if (allowLive && rng.chance(0.3)) specs.push({ ...genericSpec(rng, rng.int(60, 30 * m)), outcome: "SUCCESSFUL" });
  return specs.map((s) => build(rng, c, ctx, s, catalog)).sort((a, b) => b.t0 - a.t0);
}
