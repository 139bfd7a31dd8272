import { beforeAll, describe, expect, it } from "vitest";
import { exportAt, phasedAt, restoreAt } from "../lifecycle";
import { dedicatedActivity } from "./activity";
import { Store } from "./store";
import type { Cluster, FlexCluster, Project } from "./types";

// The whole estate at --scale 10, as the Now page sees it: most clusters idle, a few running one job,
// and finished and failed jobs in every window up to the start time.
const START = Date.parse("2026-06-01T12:00:00Z") / 1000;
const HOUR = 3_600;

interface Finished {
  ago: number;
  failed: boolean;
}

interface ClusterPicture {
  key: string;
  running: number;
  runningExportsWithProgress: number;
  finished: Finished[];
}

function picture(s: Store, p: Project, c: Cluster | FlexCluster, flex: boolean): ClusterPicture {
  const out: ClusterPicture = { key: c.key, running: 0, runningExportsWithProgress: 0, finished: [] };
  const done = (at: number | undefined, failed: boolean) => {
    if (at === undefined) out.running++;
    else out.finished.push({ ago: START - at, failed });
  };
  if (flex) {
    for (const j of s.flexRestores(p, c as FlexCluster).items)
      done(phasedAt(j, START).finishedAt, phasedAt(j, START).status === "FAILED");
    return out;
  }
  const dc = c as Cluster;
  for (const j of s.restoreJobs(p, dc).items) {
    const v = restoreAt(j, START);
    done(
      v.state === "inProgress" ? undefined : (v.finishedAt ?? Math.min(START, j.t0 + j.runSec)),
      v.state === "failed",
    );
  }
  for (const j of s.exportJobs(p, dc).items) {
    const v = exportAt(j, START);
    if (v.state === "InProgress" && v.exported > 0 && v.exported < j.total) out.runningExportsWithProgress++;
    done(v.finishedAt, v.state === "Failed");
  }
  for (const j of s.tenantRestores(p, dc).items)
    done(phasedAt(j, START).finishedAt, phasedAt(j, START).status === "FAILED");
  return out;
}

function estate(s: Store): ClusterPicture[] {
  // The showcase project pins jobs in every state on purpose; the estate is everything else.
  return s.world.projects
    .slice(1)
    .flatMap((p) => [
      ...p.clusters.map((c) => picture(s, p, c, false)),
      ...p.flexClusters.map((f) => picture(s, p, f, true)),
    ]);
}

describe("the generic estate at scale 10", () => {
  let clusters: ClusterPicture[];
  beforeAll(() => {
    clusters = estate(new Store(1, 10, START));
  });

  it("is mostly idle: 5 to 10% of clusters run a job, and none runs more than one", () => {
    expect(clusters.length).toBeGreaterThan(1000);
    const busy = clusters.filter((c) => c.running > 0);
    expect(busy.length / clusters.length).toBeGreaterThanOrEqual(0.05);
    expect(busy.length / clusters.length).toBeLessThanOrEqual(0.1);
    expect(Math.max(...clusters.map((c) => c.running))).toBe(1);
  });

  it("has exports under way with part of their collections exported", () => {
    expect(clusters.filter((c) => c.runningExportsWithProgress > 0).length).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ["1 h", HOUR],
    ["6 h", 6 * HOUR],
    ["24 h", 24 * HOUR],
  ])("has finished and failed jobs within the last %s, none finished in the future", (_label, window) => {
    const all = clusters.flatMap((c) => c.finished);
    expect(all.every((f) => f.ago >= 0)).toBe(true);
    const inWindow = all.filter((f) => f.ago <= window);
    expect(inWindow.length).toBeGreaterThanOrEqual(window / HOUR);
    expect(inWindow.some((f) => f.failed)).toBe(true);
  });

  it("holds several thousand jobs in the last 7 days, and about a tenth of them failed", () => {
    const week = clusters.flatMap((c) => c.finished).filter((f) => f.ago <= 7 * 24 * HOUR);
    expect(week.length).toBeGreaterThan(5000);
    const failed = week.filter((f) => f.failed).length / week.length;
    expect(failed).toBeGreaterThan(0.05);
    expect(failed).toBeLessThan(0.2);
  });
});

describe("determinism", () => {
  it("gives the same estate for the same seed and start, and another busy set for another seed", () => {
    const a = new Store(1, 10, START);
    const b = new Store(1, 10, START);
    const sample = (s: Store) =>
      s.world.projects
        .slice(1)
        .flatMap((p) =>
          p.clusters
            .filter((_c, i) => i % 7 === 0)
            .map((c) => ({ restores: s.restoreJobs(p, c).items, exports: s.exportJobs(p, c).items })),
        );
    expect(JSON.stringify(sample(a))).toBe(JSON.stringify(sample(b)));
    const keys = a.world.projects.flatMap((p) => p.clusters.map((c) => c.key));
    const busy = (seed: number) => keys.filter((k) => dedicatedActivity(seed, k) !== "idle").join();
    expect(busy(1)).toBe(busy(1));
    expect(busy(2)).not.toBe(busy(1));
  });

  it("keeps which clusters are busy when only the start time moves", () => {
    const later = START + 30 * 24 * HOUR;
    const running = (s: Store, at: number) =>
      s.world.projects
        .slice(1)
        .flatMap((p) =>
          p.clusters.filter((c) => s.restoreJobs(p, c).items.some((j) => restoreAt(j, at).state === "inProgress")),
        )
        .map((c) => c.key);
    expect(running(new Store(1, 10, later), later)).toEqual(running(new Store(1, 10, START), START));
  });
});
