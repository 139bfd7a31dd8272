// The simulator's state: the eager world plus lazily generated, cached job lists per cluster, and the
// few mutations clients can make (created jobs, cancellations).
import { buildWorld, type World } from "./world";
import { generateRestoreJobs } from "./restore-gen";
import { generateExportJobs } from "./export-gen";
import { generatePhasedJobs } from "./phased-gen";
import { generateSnapshots } from "./snapshot-gen";
import { SHOWCASE } from "./showcase";
import { generateCollectionRestores } from "./collection-restore-gen";
import type { CollectionRestoreRec } from "./collection-types";
import type { Cluster, ExportRec, FlexCluster, PhasedRec, Project, RestoreRec, SnapshotRec } from "./types";

export interface Indexed<T extends { id: string }> {
  items: T[];
  byId: Map<string, T>;
}

function indexed<T extends { id: string }>(items: T[]): Indexed<T> {
  return { items, byId: new Map(items.map((i) => [i.id, i])) };
}

export class Store {
  readonly world: World;
  private readonly cache = new Map<string, Indexed<{ id: string }>>();
  private readonly projectsById: Map<string, Project>;

  constructor(
    readonly seed: number,
    readonly scale: number,
    readonly startSec: number,
  ) {
    this.world = buildWorld({ seed, scale, startSec });
    this.projectsById = new Map(this.world.projects.map((p) => [p.id, p]));
  }

  project(id: string): Project | undefined {
    return this.projectsById.get(id);
  }

  cluster(project: Project, name: string): Cluster | undefined {
    return project.clusters.find((c) => c.name === name);
  }

  flexCluster(project: Project, name: string): FlexCluster | undefined {
    return project.flexClusters.find((c) => c.name === name);
  }

  private lazy<T extends { id: string }>(key: string, gen: () => T[]): Indexed<T> {
    let entry = this.cache.get(key) as Indexed<T> | undefined;
    if (!entry) {
      entry = indexed(gen());
      this.cache.set(key, entry as Indexed<{ id: string }>);
    }
    return entry;
  }

  /** Number of clusters whose job lists have been generated (for memory measurements). */
  get generatedLists(): number {
    return this.cache.size;
  }

  restoreJobs(project: Project, c: Cluster): Indexed<RestoreRec> {
    return this.lazy(`restores|${c.key}`, () => {
      if (c.tier !== "dedicated") return [];
      const showcase = project.index === 0 && c.name === SHOWCASE.bigRestoreCluster;
      const targets = project.clusters.filter((x) => x.tier === "dedicated").map((x) => x.name);
      return generateRestoreJobs(
        c,
        { seed: this.seed, startSec: this.startSec, targets },
        showcase ? SHOWCASE.restoreJobCount : c.jobsPerKind,
        showcase,
      );
    });
  }

  exportJobs(project: Project, c: Cluster): Indexed<ExportRec> {
    return this.lazy(`exports|${c.key}`, () => {
      if (c.tier !== "dedicated") return [];
      const isShowcase = project.index === 0 && c.name === SHOWCASE.exportCluster;
      const isProd = project.index === 0 && c.name === SHOWCASE.bigRestoreCluster;
      const count = isShowcase ? Math.max(40, c.jobsPerKind) : isProd ? 20 : c.jobsPerKind;
      return generateExportJobs(
        c,
        { seed: this.seed, startSec: this.startSec, buckets: project.buckets },
        count,
        isShowcase,
      );
    });
  }

  collectionRestores(project: Project, c: Cluster): Indexed<CollectionRestoreRec> {
    return this.lazy(`collection-restores|${c.key}`, () => {
      if (c.tier !== "dedicated" || !c.backupEnabled) return [];
      const showcase = project.index === 0 && c.name === SHOWCASE.bigRestoreCluster;
      const targets = project.clusters.filter((x) => x.tier === "dedicated");
      const count = showcase ? 3 : Math.max(2, Math.round(c.jobsPerKind / 5));
      const ctx = { seed: this.seed, startSec: this.startSec, targets };
      // The showcase project keeps its other clusters free of running jobs, so a create there succeeds.
      return generateCollectionRestores(c, ctx, count, showcase, project.index !== 0);
    });
  }

  snapshots(c: Cluster): Indexed<SnapshotRec> {
    return this.lazy(`snapshots|${c.key}`, () =>
      c.tier === "dedicated"
        ? generateSnapshots({
            seed: this.seed,
            startSec: this.startSec,
            kind: "replica",
            key: c.key,
            days: 30,
            onDemand: true,
          })
        : [],
    );
  }

  tenantRestores(project: Project, c: Cluster): Indexed<PhasedRec> {
    return this.lazy(`tenant-restores|${c.key}`, () => {
      if (c.tier !== "tenant") return [];
      const showcase =
        project.index === 0 && (c.name === SHOWCASE.sharedM2Cluster || c.name === SHOWCASE.sharedM5MigratedCluster);
      return generatePhasedJobs(c, {
        seed: this.seed,
        startSec: this.startSec,
        kind: "tenant",
        count: c.jobsPerKind,
        showcase,
        endSec: c.migratedAt,
      });
    });
  }

  tenantSnapshots(c: Cluster): Indexed<SnapshotRec> {
    return this.lazy(`tenant-snapshots|${c.key}`, () =>
      c.tier === "tenant"
        ? generateSnapshots({
            seed: this.seed,
            startSec: this.startSec,
            kind: "tenant",
            key: c.key,
            days: 8,
            endSec: c.migratedAt,
          })
        : [],
    );
  }

  flexRestores(project: Project, f: FlexCluster): Indexed<PhasedRec> {
    return this.lazy(`flex-restores|${f.key}`, () => {
      const showcase = project.index === 0 && f.name === SHOWCASE.flexCluster;
      return generatePhasedJobs(f, {
        seed: this.seed,
        startSec: this.startSec,
        kind: "flex",
        count: f.jobsPerKind,
        showcase,
      });
    });
  }

  flexSnapshots(f: FlexCluster): Indexed<SnapshotRec> {
    return this.lazy(`flex-snapshots|${f.key}`, () =>
      generateSnapshots({ seed: this.seed, startSec: this.startSec, kind: "flex", key: f.key, days: 8 }),
    );
  }

  /** Newest first, like the generated history. */
  add<T extends { id: string }>(list: Indexed<T>, item: T): void {
    list.items.unshift(item);
    list.byId.set(item.id, item);
  }
}
