// The databases and collections of a dedicated cluster, and the per-collection plan of a collection
// restore: which requested namespaces exist, which cannot be restored, where each one lands.
import { createRng } from "../prng";
import type { CollectionPlan, NamespaceView, WriteStrategy } from "./collection-types";

export interface CatalogEntry {
  ns: string;
  docs: number;
  /** Views and time series collections are not restored (UNSUPPORTED). */
  supported: boolean;
}

const LAYOUT: Array<[string, string, boolean]> = [
  ["sales", "orders", true],
  ["sales", "customers", true],
  ["sales", "invoices", true],
  ["sales", "refunds", true],
  ["billing", "ledger", true],
  ["billing", "payments", true],
  ["billing", "payouts", true],
  ["audit", "events", true],
  ["metrics", "cpu", false],
  ["metrics", "daily_summary", false],
];

export function namespaceCatalog(seed: number, clusterKey: string): CatalogEntry[] {
  const rng = createRng(seed, "namespaces", clusterKey);
  return LAYOUT.map(([db, coll, supported]) => ({ ns: `${db}.${coll}`, docs: rng.int(2_000, 400_000), supported }));
}

const split = (ns: string): [string, string] => {
  const dot = ns.indexOf(".");
  return dot < 0 ? [ns, ""] : [ns.slice(0, dot), ns.slice(dot + 1)];
};

export interface PlanRequest {
  collections: NamespaceView[];
  databases: NamespaceView[];
  collectionSuffix?: string;
  databaseSuffix?: string;
  writeStrategy: WriteStrategy;
}

/**
 * One entry per source collection, in request order. Supported collections share the run in
 * proportion to their size, one after another. [DERIVED] A CREATE_NEW restore onto a namespace the
 * target already has lands beside it with `_1` appended (the spec names a "conflict rename" only).
 */
export function planCollections(
  source: CatalogEntry[],
  target: CatalogEntry[],
  req: PlanRequest,
  estimateOf: (docs: number) => number,
): CollectionPlan[] {
  const bySource = new Map(source.map((e) => [e.ns, e]));
  const taken = new Set(target.map((e) => e.ns));
  const wanted: Array<{ src: string; tgt: string }> = [];
  for (const c of req.collections) wanted.push({ src: c.sourceNamespace, tgt: c.targetNamespace || c.sourceNamespace });
  for (const d of req.databases) {
    const members = source.filter((e) => split(e.ns)[0] === d.sourceNamespace);
    const tdb = d.targetNamespace || d.sourceNamespace;
    if (members.length === 0) wanted.push({ src: d.sourceNamespace, tgt: tdb });
    for (const m of members) wanted.push({ src: m.ns, tgt: `${tdb}.${split(m.ns)[1]}` });
  }
  const seen = new Set<string>();
  const plan: CollectionPlan[] = [];
  for (const { src, tgt } of wanted) {
    if (seen.has(src)) continue;
    seen.add(src);
    const [db, coll] = split(tgt);
    const target = `${db}${req.databaseSuffix ?? ""}.${coll}${req.collectionSuffix ?? ""}`;
    const entry = bySource.get(src);
    const final = !entry ? "NOT_FOUND" : entry.supported ? "SUCCESSFUL" : "UNSUPPORTED";
    const effectiveTarget = req.writeStrategy === "CREATE_NEW" && taken.has(target) ? `${target}_1` : target;
    const total = final === "SUCCESSFUL" ? (entry?.docs ?? 0) : 0;
    plan.push({
      source: src,
      target,
      effectiveTarget,
      estimate: final === "SUCCESSFUL" ? estimateOf(total) : 0,
      total,
      start: 0,
      copyEnd: 0,
      end: 0,
      final,
    });
  }
  const sum = plan.reduce((n, p) => n + p.total, 0) || 1;
  let at = 0;
  for (const p of plan) {
    if (p.final !== "SUCCESSFUL") continue;
    const share = p.total / sum;
    p.start = at;
    p.copyEnd = at + share * 0.8;
    p.end = at + share;
    at = p.end;
  }
  return plan;
}
