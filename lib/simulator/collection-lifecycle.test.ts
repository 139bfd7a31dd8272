import { describe, expect, it } from "vitest";
import { collectionJobAt, isPartialSuccess } from "./collection-lifecycle";
import type { CollectionPlan, CollectionRestoreRec } from "./data/collection-types";

// The rules collection-lifecycle.ts states: phases by time, per-collection states by the share of the
// run, and what FAILED and CANCELED leave behind.

const plan = (
  source: string,
  total: number,
  start: number,
  end: number,
  final: CollectionPlan["final"] = "SUCCESSFUL",
) => ({
  source,
  target: source,
  effectiveTarget: source,
  estimate: Math.round(total * 1.1),
  total,
  start,
  copyEnd: start + (end - start) * 0.8,
  end,
  final,
});

function job(over: Partial<CollectionRestoreRec> = {}): CollectionRestoreRec {
  return {
    id: "a".repeat(24),
    t0: 1_000,
    initSec: 100,
    runSec: 1_000,
    finalizeSec: 50,
    outcome: "SUCCESSFUL",
    stopAt: 1,
    targetClusterName: "x",
    targetGroupId: "b".repeat(24),
    indexStrategy: "ALL",
    writeStrategy: "CREATE_NEW",
    collections: [],
    databases: [],
    plan: [plan("db.a", 1_000, 0, 0.5), plan("db.b", 1_000, 0.5, 1), plan("db.gone", 0, 0, 0, "NOT_FOUND")],
    ...over,
  };
}

const states = (v: ReturnType<typeof collectionJobAt>) => v.collections.map((c) => c.state);

describe("collection restore life cycle", () => {
  it("moves through its phases on time, with no collections while INITIALIZING", () => {
    const rec = job();
    const init = collectionJobAt(rec, 1_050);
    expect(init).toMatchObject({ state: "INITIALIZING", restored: 0, total: 2_200, collections: [] });
    const early = collectionJobAt(rec, 1_300); // share 0.2 of the run
    expect(early.state).toBe("IN_PROGRESS");
    expect(states(early)).toEqual(["IN_PROGRESS", "NOT_STARTED", "NOT_FOUND"]);
    expect(early.total).toBe(1_000 + 1_100); // the started collection's count is exact, the other an estimate
    expect(states(collectionJobAt(rec, 1_550))).toEqual(["FINALIZING", "NOT_STARTED", "NOT_FOUND"]);
    expect(collectionJobAt(rec, 1_550).indexState).toBe("IN_PROGRESS");
    expect(collectionJobAt(rec, 2_120).state).toBe("FINALIZING");
    const done = collectionJobAt(rec, 2_150);
    expect(done).toMatchObject({ state: "SUCCESSFUL", restored: 2_000, total: 2_000, finishedAt: 2_150 });
    expect(isPartialSuccess(done)).toBe(true); // db.gone was NOT_FOUND
    expect(isPartialSuccess(collectionJobAt(job({ plan: job().plan.slice(0, 2) }), 2_150))).toBe(false);
  });

  it("a FAILED job rolls back what it wrote, fails the collection in flight, and leaves the rest unrestored", () => {
    const rec = job({ outcome: "FAILED", stopAt: 0.6, plan: [...job().plan.slice(0, 2), plan("db.c", 10, 0.9, 1)] });
    const v = collectionJobAt(rec, 10_000);
    expect(v).toMatchObject({ state: "FAILED", finishedAt: 1_700 });
    expect(states(v)).toEqual(["ROLLBACK", "FAILED", "NOT_RESTORED"]);
    expect(v.collections[0]!.restored).toBe(0);
    expect(collectionJobAt(rec, 1_650).state).toBe("IN_PROGRESS");
  });

  it("a CANCELED job keeps finished collections and rolls back the one in flight", () => {
    const v = collectionJobAt(job({ outcome: "CANCELED", stopAt: 0.7 }), 10_000);
    expect(states(v)).toEqual(["SUCCESSFUL", "ROLLBACK", "NOT_FOUND"]);
    expect(v.restored).toBe(1_000);
  });

  it("a failed index build is reported on the collection and counted on the job; NONE builds nothing", () => {
    const rec = job({ plan: [plan("db.a", 10, 0, 1, "INDEX_BUILD_FAILED")] });
    const v = collectionJobAt(rec, 10_000);
    expect(v).toMatchObject({ state: "SUCCESSFUL", indexState: "FAILED", failedCollectionCount: 1 });
    expect(v.collections[0]).toMatchObject({ state: "INDEX_BUILD_FAILED", indexState: "FAILED" });
    const none = collectionJobAt(job({ indexStrategy: "NONE" }), 10_000);
    expect(none.indexState).toBe("NOT_RESTORED");
    expect(none.collections.every((c) => c.indexState === "NOT_RESTORED")).toBe(true);
  });
});
