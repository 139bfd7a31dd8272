import "server-only";
import type { ServiceDeps } from "@/lib/atlas/service-deps";
import type {
  ClusterList,
  CollectionList,
  CollectionListQuery,
  JobDetail,
  JobKind,
  JobList,
  JobListQuery,
  ProjectList,
  Stale,
} from "@/lib/jobs/dto";
import { applyListQuery } from "@/lib/jobs/list-query";
import type { StuckSettings } from "@/lib/jobs/stuck";
import type { ReadModel, Snapshot } from "@/lib/store/read-model";
import type { Freshness } from "./freshness";
import type { JobsDigest } from "./digest";
import { stuckFlags } from "./now";
import { clustersResource, collectionsResource, jobListResource, jobResource, projectsResource } from "./resources";

/**
 * What pages and routes call. Every read goes through the read model (the shared store, refreshed
 * on schedule), never straight to Atlas; the allowlist is checked before the store is touched.
 * The one exception is the operator's download route (lib/server/atlas-services.ts).
 */
export interface BackupsDeps {
  atlas: ServiceDeps;
  readModel: ReadModel;
  freshness: Freshness;
  stuck: StuckSettings;
}

function stamp<T>(snap: Snapshot<T>): { fetchedAt: string; stale?: Stale } {
  const f = snap.failure;
  return {
    fetchedAt: snap.fetchedAt.toISOString(),
    ...(f && {
      stale: {
        since: new Date(f.at).toISOString(),
        status: f.status,
        errorCode: f.errorCode,
        detail: f.detail,
        ...(f.retryAfterSeconds !== undefined && { retryAfterSeconds: f.retryAfterSeconds }),
      },
    }),
  };
}

export async function listProjects(deps: BackupsDeps): Promise<ProjectList> {
  const snap = await deps.readModel.read(projectsResource(deps));
  return { items: snap.value.filter((p) => deps.atlas.isProjectAllowed(p.id)), ...stamp(snap) };
}

export async function listClusters(deps: BackupsDeps, groupId: string): Promise<ClusterList> {
  deps.atlas.assertProjectAllowed(groupId);
  const snap = await deps.readModel.read(clustersResource(deps, groupId));
  return { items: snap.value, ...stamp(snap) };
}

export async function listJobs(
  deps: BackupsDeps,
  kind: JobKind,
  groupId: string,
  clusterName: string,
  query: JobListQuery,
): Promise<JobList> {
  deps.atlas.assertProjectAllowed(groupId);
  const res = jobListResource(deps, kind, groupId, clusterName);
  const snap = await deps.readModel.read(res);
  const { jobs, deprecation } = snap.value;
  const page = applyListQuery(jobs, query);
  // The same stuck rule as Now, from what the list's digest remembers of the cluster.
  const [digest] = await deps.readModel.peekDigests<JobsDigest>([res as never]);
  const flags = stuckFlags(page.items, digest?.value, Date.now(), deps.stuck);
  return {
    ...page,
    ...stamp(snap),
    ...(deprecation && { deprecation }),
    ...(flags.size > 0 && { stuck: Object.fromEntries(flags) }),
  };
}

export async function getJob(
  deps: BackupsDeps,
  kind: JobKind,
  groupId: string,
  clusterName: string,
  jobId: string,
): Promise<JobDetail> {
  deps.atlas.assertProjectAllowed(groupId);
  const snap = await deps.readModel.read(jobResource(deps, kind, groupId, clusterName, jobId));
  return { ...snap.value, ...stamp(snap) };
}

/** One page of a collection restore's collections, through the store like every other read. */
export async function listRestoredCollections(
  deps: BackupsDeps,
  groupId: string,
  clusterName: string,
  jobId: string,
  query: CollectionListQuery,
): Promise<CollectionList> {
  deps.atlas.assertProjectAllowed(groupId);
  const snap = await deps.readModel.read(collectionsResource(deps, groupId, clusterName, jobId, query));
  return { ...snap.value, ...stamp(snap) };
}
