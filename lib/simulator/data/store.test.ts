import { describe, expect, it } from "vitest";
import { objectIdTime } from "../prng";
import { restoreAt, exportAt, phasedAt } from "../lifecycle";
import { Store } from "./store";
import { worldSizes } from "./world";

const START = Date.parse("2026-06-01T12:00:00Z") / 1000;
// A week of simulated time: longer than any test run at the e2e clock speed (60x, about 2.8 hours).
const WEEK_LATER = START + 7 * 86_400;

describe("seeded data", () => {
  it("is identical for the same seed and start time, and differs for another seed", () => {
    const a = new Store(7, 1, START);
    const b = new Store(7, 1, START);
    const c = new Store(8, 1, START);
    const jobs = (s: Store) => {
      const p = s.world.projects[1];
      const cl = p?.clusters.find((x) => x.tier === "dedicated");
      if (!p || !cl) throw new Error("no cluster");
      return s.restoreJobs(p, cl).items;
    };
    expect(JSON.stringify(a.world)).toBe(JSON.stringify(b.world));
    expect(jobs(a)).toEqual(jobs(b));
    expect(jobs(a)[0]?.id).not.toBe(jobs(c)[0]?.id);
  });

  it("sizes the world by scale (scale 10 = 20 projects x 50 clusters x 200 jobs)", () => {
    expect(worldSizes(10)).toEqual({ projects: 20, clustersPerProject: 50, jobsPerKind: 200, flexPerProject: 10 });
    const s = new Store(1, 10, START);
    expect(s.world.projects).toHaveLength(20);
    const p = s.world.projects[3];
    if (!p) throw new Error("no project");
    expect(p.clusters).toHaveLength(50);
    const dedicated = p.clusters.find((c) => c.tier === "dedicated" && c.backupEnabled);
    if (!dedicated) throw new Error("no dedicated cluster");
    expect(s.restoreJobs(p, dedicated).items).toHaveLength(200);
    expect(s.generatedLists).toBe(1);
  });

  it("gives the showcase cluster 1,200 restore jobs covering every state and variant", () => {
    const s = new Store(3, 1, START);
    const p = s.world.projects[0];
    const prod = p?.clusters.find((c) => c.name === "payments-prod");
    if (!p || !prod) throw new Error("no showcase");
    const jobs = s.restoreJobs(p, prod).items;
    expect(jobs).toHaveLength(1200);
    for (const at of [START, WEEK_LATER]) {
      expect(new Set(jobs.map((j) => restoreAt(j, at).state))).toEqual(
        new Set(["inProgress", "completed", "failed", "cancelled", "expired"]),
      );
    }
    expect(new Set(jobs.map((j) => j.delivery))).toEqual(new Set(["automated", "download", "pointInTime"]));
    expect(jobs.some((j) => j.pitUtc !== undefined)).toBe(true);
    expect(jobs.some((j) => j.oplogTs !== undefined && j.oplogInc !== undefined)).toBe(true);
    expect(jobs.some((j) => j.privateLink && restoreAt(j, START).state === "completed")).toBe(true);
    for (const j of jobs) {
      expect(objectIdTime(j.id)).toBe(j.t0);
      expect(j.t0).toBeLessThanOrEqual(START);
    }
    for (let i = 1; i < jobs.length; i++) expect(jobs[i - 1]!.t0).toBeGreaterThanOrEqual(jobs[i]!.t0);
  });

  it.each([
    ["at start", START],
    ["a simulated week later", WEEK_LATER],
  ])("covers every export state and every flex/tenant status %s", (_label, at) => {
    const s = new Store(3, 1, START);
    const p = s.world.projects[0]!;
    const analytics = p.clusters.find((c) => c.name === "payments-analytics")!;
    expect(new Set(s.exportJobs(p, analytics).items.map((e) => exportAt(e, at).state))).toEqual(
      new Set(["Queued", "InProgress", "Successful", "Failed", "Cancelled"]),
    );
    const all = ["PENDING", "QUEUED", "RUNNING", "FAILED", "COMPLETED"];
    const m2 = p.clusters.find((c) => c.name === "legacy-m2")!;
    expect(new Set(s.tenantRestores(p, m2).items.map((r) => phasedAt(r, at).status))).toEqual(new Set(all));
    const flex = p.flexClusters.find((f) => f.name === "flex-dev")!;
    expect(new Set(s.flexRestores(p, flex).items.map((r) => phasedAt(r, at).status))).toEqual(new Set(all));
    const m5 = p.clusters.find((c) => c.name === "legacy-m5")!;
    expect(m5.tier).toBe("tenant");
    expect(p.flexClusters.some((f) => f.name === "legacy-m5")).toBe(true);
    expect(s.tenantRestores(p, m5).items.every((r) => r.t0 <= (m5.migratedAt ?? 0))).toBe(true);
  });
});
