import "server-only";
import type { Cluster, JobKind, Project } from "@/lib/jobs/dto";
import type { Entry } from "@/lib/store/entry";
import { DUE, VIEWED, type Resource } from "@/lib/store/read-model";
import type { Store } from "@/lib/store/store";
import type { JobsDigest } from "./digest";
import { clustersResource, jobListResource, projectsResource } from "./resources";
import type { BackupsDeps } from "./service";

/** The member of the viewed set that says someone looked at the whole estate (Now, or a metrics scrape). */
export const ESTATE = "estate";

/** One cluster's job list of one kind, as the whole-estate view reads it. */
export interface EstateList {
  project: Project;
  cluster: Cluster;
  kind: JobKind;
  resource: Resource<unknown>;
}

/** A project as far as the store knows it: its cluster list, read or not, failing or not. */
export interface EstateProject {
  project: Project;
  clusters: Entry<Cluster[]> | null;
}

/** Everything the store holds of the estate right now, walked from the project list down. */
export interface EstateWalk {
  projects: Entry<Project[]> | null;
  groups: EstateProject[];
  lists: EstateList[];
  /** Every resource key the estate is made of: the collector keeps them all on its schedule. */
  keys: string[];
}

const has = <T>(e: Entry<T> | null): e is Entry<T> & { value: T } => e?.value !== undefined;

/** Reads only the store: never Atlas, never a wait. What was never read is simply absent. */
export async function walkEstate(deps: BackupsDeps): Promise<EstateWalk> {
  const projectsRes = projectsResource(deps);
  const projects = await deps.readModel.peek(projectsRes);
  const allowed = has(projects) ? projects.value.filter((p) => deps.atlas.isProjectAllowed(p.id)) : [];
  const keys = [projectsRes.key];
  const groups: EstateProject[] = [];
  const lists: EstateList[] = [];
  const clusterEntries = await Promise.all(
    allowed.map(async (project) => {
      const res = clustersResource(deps, project.id);
      keys.push(res.key);
      return { project, clusters: await deps.readModel.peek(res) };
    }),
  );
  for (const { project, clusters } of clusterEntries) {
    groups.push({ project, clusters });
    if (!has(clusters)) continue;
    for (const cluster of clusters.value)
      for (const kind of cluster.jobKinds) {
        const resource = jobListResource(deps, kind, project.id, cluster.name) as Resource<unknown>;
        keys.push(resource.key);
        lists.push({ project, cluster, kind, resource });
      }
  }
  return { projects, groups, lists, keys };
}

export interface EstateScheduleConfig {
  deps: BackupsDeps;
  store: Store;
  /** Keep the estate on the schedule whether or not anyone looked lately. */
  always: boolean;
  now?: () => number;
}

/**
 * The scheduler's `pinned` hook for the whole estate: while someone has looked at Now (or scraped the
 * metrics) within the watch window, or always when alerting needs it, every project, cluster list and
 * job list is on the schedule. Keys the schedule has never held are added due now (and never moved
 * when they are already there), so a cold start reads everything at once within the budget.
 */
export function createEstateSchedule(config: EstateScheduleConfig) {
  const now = config.now ?? Date.now;
  const scheduled = new Set<string>();
  let checkedAt = 0;

  async function pinned(): Promise<string[]> {
    if (!config.always && (await config.store.zscore(VIEWED, ESTATE)) === null) return [];
    const walk = await walkEstate(config.deps);
    // Another instance (or a restart) may have dropped keys from the schedule: look again each minute.
    if (now() - checkedAt > 60_000) {
      scheduled.clear();
      checkedAt = now();
    }
    for (const key of walk.keys) {
      if (scheduled.has(key)) continue;
      await config.store.zadd(DUE, key, now(), { onlyIfAbsent: true });
      scheduled.add(key);
    }
    return walk.keys;
  }

  /** Someone looks at the whole estate: keep it fresh for the watch window, starting now. */
  async function touch(): Promise<void> {
    await config.store.zadd(VIEWED, ESTATE, now());
    const first = projectsResource(config.deps).key;
    if (!scheduled.has(first)) await config.store.zadd(DUE, first, now(), { onlyIfAbsent: true });
  }

  return { pinned, touch };
}

export type EstateSchedule = ReturnType<typeof createEstateSchedule>;

/** The digests of every list of the walk, in its order. */
export function readDigests(deps: BackupsDeps, walk: EstateWalk): Promise<(Entry<JobsDigest> | null)[]> {
  return deps.readModel.peekDigests<JobsDigest>(walk.lists.map((l) => l.resource));
}
