import "server-only";
import { z } from "zod";
import * as catalog from "@/lib/atlas/catalog-service";
import { pagesFor as pages } from "@/lib/atlas/fetch-all";
import * as atlasJobs from "@/lib/atlas/jobs-service";
import { cloudBackupsLimits } from "@/lib/atlas/rate-limits-service";
import type { ServiceDeps } from "@/lib/atlas/service-deps";
import {
  ClusterSchema,
  CollectionListSchema,
  CollectionListQuerySchema,
  DeprecationSchema,
  JOB_KINDS,
  JobDetailSchema,
  JobSchema,
  ProjectSchema,
  type CollectionListQuery,
  type JobKind,
} from "@/lib/jobs/dto";
import type { Resource } from "@/lib/store/read-model";
import { jobsDigest } from "./digest";
import { jobsWindow, type Freshness } from "./freshness";

// Every resource of the read model, named by a key the scheduler can turn back into the resource.
// `shape` changes whenever what is stored for a key changes, so entries an older build wrote are misses.

const StoredJobList = z.object({ jobs: z.array(JobSchema), deprecation: DeprecationSchema.optional() });
export type StoredJobList = z.infer<typeof StoredJobList>;
const StoredJob = JobDetailSchema.omit({ fetchedAt: true, stale: true });
export type StoredJob = z.infer<typeof StoredJob>;

const atlasUrl = (deps: ServiceDeps, path: string) => new URL(`/api/atlas/v2${path}`, deps.client.baseUrl).toString();

export interface ResourceDeps {
  atlas: ServiceDeps;
  freshness: Freshness;
}

export function projectsResource({ atlas, freshness }: ResourceDeps): Resource<z.infer<typeof ProjectSchema>[]> {
  return {
    key: "projects",
    shape: 1,
    schema: z.array(ProjectSchema),
    url: atlasUrl(atlas, "/groups"),
    async load() {
      const list = await catalog.listProjects(atlas);
      return { value: list.items, receivedAt: new Date(list.fetchedAt), calls: pages(list.items.length) };
    },
    freshForMs: () => freshness.catalogMs,
    expectedCalls: (v) => pages(v?.length ?? 0),
  };
}

export function clustersResource(
  { atlas, freshness }: ResourceDeps,
  groupId: string,
): Resource<z.infer<typeof ClusterSchema>[]> {
  return {
    key: `clusters:${groupId}`,
    // Cluster lists spend the Clusters endpoint set's bucket, not Cloud Backups': no budget scope.
    shape: 1,
    schema: z.array(ClusterSchema),
    url: atlasUrl(atlas, `/groups/${groupId}/clusters`),
    async load() {
      const list = await catalog.listClusters(atlas, groupId);
      return { value: list.items, receivedAt: new Date(list.fetchedAt), calls: 2 * pages(list.items.length) };
    },
    freshForMs: () => freshness.catalogMs,
    expectedCalls: () => 2,
  };
}

export function jobListResource(
  { atlas, freshness }: ResourceDeps,
  kind: JobKind,
  groupId: string,
  clusterName: string,
): Resource<StoredJobList> {
  return {
    key: `jobs:${kind}:${groupId}:${clusterName}`,
    scope: groupId,
    shape: 1,
    schema: StoredJobList,
    url: atlasUrl(atlas, `/groups/${groupId}/clusters/${clusterName}`),
    async load() {
      const { jobs, deprecation, receivedAt, calls } = await atlasJobs.loadJobList(atlas, kind, groupId, clusterName);
      return { value: { jobs, ...(deprecation && { deprecation }) }, receivedAt, calls };
    },
    freshForMs: (v) => jobsWindow(freshness, v.jobs),
    expectedCalls: (v) => pages(v?.jobs.length ?? 0) + (kind === "tenant-restore" ? 1 : 0),
    digest: jobsDigest,
  };
}

export function jobResource(
  { atlas, freshness }: ResourceDeps,
  kind: JobKind,
  groupId: string,
  clusterName: string,
  jobId: string,
): Resource<StoredJob> {
  return {
    key: `job:${kind}:${groupId}:${clusterName}:${jobId}`,
    scope: groupId,
    shape: 1,
    schema: StoredJob,
    url: atlasUrl(atlas, `/groups/${groupId}/clusters/${clusterName}`),
    async load() {
      const { detail, receivedAt, calls } = await atlasJobs.loadJob(atlas, kind, groupId, clusterName, jobId);
      return { value: detail, receivedAt, calls };
    },
    freshForMs: (v) => jobsWindow(freshness, [v.job]),
    // A tenant restore also asks whether its Flex successor exists; a collection restore reads its collections.
    expectedCalls: () => (kind === "tenant-restore" || kind === "collection-restore" ? 2 : 1),
  };
}

const COLLECTION_BUSY: ReadonlySet<string> = new Set(["NOT_STARTED", "IN_PROGRESS", "FINALIZING"]);
const StoredCollections = CollectionListSchema.omit({ fetchedAt: true, stale: true });
type StoredCollections = z.infer<typeof StoredCollections>;

/** One Atlas page of a collection restore's collections, as asked (state filter, page, page size). */
export function collectionsResource(
  { atlas, freshness }: ResourceDeps,
  groupId: string,
  clusterName: string,
  jobId: string,
  query: CollectionListQuery,
): Resource<StoredCollections> {
  const { state, page, pageSize } = query;
  return {
    key: `job-collections:${groupId}:${clusterName}:${jobId}:${state ?? ""}:${page}:${pageSize}`,
    scope: groupId,
    shape: 1,
    schema: StoredCollections,
    url: atlasUrl(atlas, `/groups/${groupId}/clusters/${clusterName}/collectionRestoreJobs/${jobId}/collections`),
    async load() {
      const loaded = await atlasJobs.loadRestoredCollections(atlas, groupId, clusterName, jobId, query);
      return { value: loaded.page, receivedAt: loaded.receivedAt, calls: loaded.calls };
    },
    // Busy while a collection is still at work, or while an unfiltered first page is empty (Atlas makes
    // no collection states until the job leaves INITIALIZING).
    freshForMs: (v) =>
      v.items.some((c) => COLLECTION_BUSY.has(c.state)) || (v.items.length === 0 && page === 1 && !state)
        ? freshness.busyMs
        : freshness.idleMs,
    expectedCalls: () => 1,
  };
}

const BucketLimitsSchema = z.object({
  capacity: z.number().int().positive(),
  refillPerMinute: z.number().int().positive(),
});
/** Atlas changes a project's bucket rarely (an override by support): read a few times a day. */
export const RATE_LIMITS_FRESH_MS = 6 * 3_600_000;

/** The project's Cloud Backups bucket as Atlas reports it (null: none reported, keep the configured one). */
export function rateLimitsResource(
  { atlas }: ResourceDeps,
  groupId: string,
): Resource<z.infer<typeof BucketLimitsSchema> | null> {
  return {
    key: `ratelimits:${groupId}`,
    // GET /rateLimits is its own endpoint set (Rate Limits Inspection), not Cloud Backups': no budget scope.
    shape: 1,
    schema: BucketLimitsSchema.nullable(),
    url: atlasUrl(atlas, `/rateLimits?groupId=${groupId}`),
    async load() {
      const receivedAt = new Date();
      return { value: await cloudBackupsLimits(atlas, groupId), receivedAt, calls: 1 };
    },
    freshForMs: () => RATE_LIMITS_FRESH_MS,
    expectedCalls: () => 1,
  };
}

const KIND = z.enum(JOB_KINDS);

/** The list a `jobs:` key names (see jobListResource), or null for any other key. */
export function jobListOf(key: string): { kind: JobKind; groupId: string; clusterName: string } | null {
  const [type, kind, groupId, clusterName, ...rest] = key.split(":");
  const parsed = KIND.safeParse(kind);
  if (type !== "jobs" || !parsed.success || !groupId || !clusterName || rest.length) return null;
  return { kind: parsed.data, groupId, clusterName };
}

/** The resource a stored key names, or null for a key this build does not know (it leaves the schedule). */
export function resourceFor(deps: ResourceDeps, key: string): Resource<unknown> | null {
  const [type, ...rest] = key.split(":");
  if (type === "projects" && rest.length === 0) return projectsResource(deps) as Resource<unknown>;
  if (type === "clusters" && rest.length === 1) return clustersResource(deps, rest[0]!) as Resource<unknown>;
  if (type === "job-collections" && rest.length === 6) {
    const [groupId, clusterName, jobId, state, page, pageSize] = rest as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const query = CollectionListQuerySchema.safeParse({ state: state || undefined, page, pageSize });
    if (!query.success) return null;
    return collectionsResource(deps, groupId, clusterName, jobId, query.data) as Resource<unknown>;
  }
  if (type === "ratelimits" && rest.length === 1) return rateLimitsResource(deps, rest[0]!) as Resource<unknown>;
  const kind = KIND.safeParse(rest[0]);
  if (!kind.success) return null;
  if (type === "jobs" && rest.length === 3)
    return jobListResource(deps, kind.data, rest[1]!, rest[2]!) as Resource<unknown>;
  if (type === "job" && rest.length === 4)
    return jobResource(deps, kind.data, rest[1]!, rest[2]!, rest[3]!) as Resource<unknown>;
  return null;
}
