import { describe, expect, it } from "vitest";
import { collectionJobAt } from "../collection-lifecycle";
import { eventId, projectEvents } from "./events-gen";
import { Store } from "./store";

// Events are a pure function of (seed, start, now) and the records: the same answer every time, a
// later clock only adds events, and each kind of record yields its events at its own times.

const START = Date.parse("2026-12-01T12:00:00Z") / 1000;
const ids = (s: Store, now: number) =>
  projectEvents(s, s.world.projects[1]!, now).map((e) => `${e.t}|${e.type}|${eventId(1, e)}`);

describe("derived events", () => {
  it("are the same for the same seed and start, and a later clock only adds newer ones", () => {
    const a = new Store(1, 1, START);
    const b = new Store(1, 1, START);
    expect(ids(a, START)).toEqual(ids(b, START));
    expect(ids(a, START).length).toBeGreaterThan(50);
    const later = ids(a, START + 2 * 86_400);
    expect(later.filter((line) => Number(line.split("|")[0]) <= START)).toEqual(ids(a, START));
    expect(later.length).toBeGreaterThan(ids(a, START).length); // daily oplog draws and running jobs ending
    expect(ids(new Store(2, 1, START), START)).not.toEqual(ids(a, START));
  });

  it("every collection restore that has ended has exactly one end event at its finishedAt", () => {
    const s = new Store(1, 1, START);
    const p = s.world.projects[0]!;
    const prod = p.clusters[0]!;
    const ends = projectEvents(s, p, START, new Set([prod.name])).filter((e) =>
      e.type.startsWith("CPS_COLLECTION_RESTORE_"),
    );
    const finished = s
      .collectionRestores(p, prod)
      .items.map((j) => collectionJobAt(j, START))
      .filter((v) => v.finishedAt);
    expect(ends.map((e) => e.t).sort()).toEqual(finished.map((v) => v.finishedAt).sort());
  });

  it("gives generic dedicated clusters a few collection restores, seeded", () => {
    const s = new Store(1, 1, START);
    const p = s.world.projects[1]!;
    for (const c of p.clusters.filter((x) => x.tier === "dedicated" && x.backupEnabled)) {
      const jobs = s.collectionRestores(p, c).items;
      expect(jobs.length).toBeGreaterThanOrEqual(4);
      expect(jobs.length).toBeLessThanOrEqual(5);
      expect(
        jobs.filter((j) => !["SUCCESSFUL", "FAILED", "CANCELED"].includes(collectionJobAt(j, START).state)).length,
      ).toBeLessThanOrEqual(1);
    }
    const other = new Store(1, 1, START);
    expect(other.collectionRestores(p, p.clusters[0]!).items.map((j) => j.id)).toEqual(
      s.collectionRestores(p, p.clusters[0]!).items.map((j) => j.id),
    );
  });
});
