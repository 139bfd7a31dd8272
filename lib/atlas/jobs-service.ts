import "server-only";
import type {
  CollectionList,
  CollectionListQuery,
  Deprecation,
  DownloadLinks,
  Job,
  JobDetail,
  JobKind,
} from "@/lib/jobs/dto";
import { toIso } from "@/lib/jobs/timing";
import type { ServiceDeps } from "./service-deps";
import { fetchAllPages, pagesFor } from "./fetch-all";
import { operations } from "./operations";
import { flexSuccessorExists, isRetiredEndpoint, rethrowRetired, tenantDeprecation } from "./tenant-deprecation";
import type { RawCollectionRestoreJob } from "./schemas/collection-restore-job";
import { collectionRestoreToDto, collectionSummary, restoredCollectionToDto } from "./to-dto/collection-restores";
import { downloadUrlsOf, redactUrls } from "./to-dto/download-urls";
import { jobToDto, type RawJob } from "./to-dto/jobs";

interface RawJobs {
  results: RawJob[];
  receivedAt: Date;
}

function fetchJobList(deps: ServiceDeps, kind: JobKind, groupId: string, clusterName: string): Promise<RawJobs> {
  const { client, coalesce, pageConcurrency } = deps;
  return coalesce(`jobs:${kind}:${groupId}:${clusterName}`, async () => {
    switch (kind) {
      case "restore":
        return fetchAllPages(
          client,
          operations.listGroupClusterBackupRestoreJobs,
          { groupId, clusterName },
          pageConcurrency,
        );
      case "export":
        return fetchAllPages(
          client,
          operations.listGroupClusterBackupExports,
          { groupId, clusterName },
          pageConcurrency,
        );
      case "flex-restore":
        return fetchAllPages(
          client,
          operations.listGroupFlexClusterBackupRestoreJobs,
          { groupId, name: clusterName },
          pageConcurrency,
        );
      case "collection-restore":
        return fetchAllPages(
          client,
          operations.listGroupClusterCollectionRestoreJobs,
          { groupId, clusterName },
          pageConcurrency,
        );
      case "tenant-restore": {
        // The tenant list takes no paging parameters: Atlas returns the whole history at once.
        const { data, receivedAt } = await client.call(operations.listGroupClusterBackupTenantRestores, {
          groupId,
          clusterName,
        });
        return { results: data.results, receivedAt };
      }
    }
  });
}

function fetchJob(deps: ServiceDeps, kind: JobKind, groupId: string, clusterName: string, jobId: string) {
  const { client, coalesce } = deps;
  return coalesce(
    `job:${kind}:${groupId}:${clusterName}:${jobId}`,
    async (): Promise<{ data: RawJob; receivedAt: Date }> => {
      switch (kind) {
        case "restore":
          return client.call(operations.getGroupClusterBackupRestoreJob, { groupId, clusterName, jobId });
        case "export":
          return client.call(operations.getGroupClusterBackupExport, { groupId, clusterName, jobId });
        case "flex-restore":
          return client.call(operations.getGroupFlexClusterBackupRestoreJob, { groupId, name: clusterName, jobId });
        case "collection-restore":
          return client.call(operations.getGroupClusterCollectionRestoreJob, { groupId, clusterName, jobId });
        case "tenant-restore":
          // After the sunset the list answers empty with deprecation.retired; one job has no such answer.
          return client
            .call(operations.getGroupClusterBackupTenantRestore, { groupId, clusterName, jobId })
            .catch(rethrowRetired);
      }
    },
  );
}

function successor(deps: ServiceDeps, groupId: string, clusterName: string): Promise<boolean> {
  return deps.coalesce(`flex-exists:${groupId}:${clusterName}`, () =>
    flexSuccessorExists(deps.client, groupId, clusterName),
  );
}

/** A cluster's whole job list of one kind as our DTOs, with what it cost: the read model's loader. */
export async function loadJobList(
  deps: ServiceDeps,
  kind: JobKind,
  groupId: string,
  clusterName: string,
): Promise<{ jobs: Job[]; deprecation?: Deprecation; receivedAt: Date; calls: number }> {
  deps.assertProjectAllowed(groupId);
  const toDtos = (results: RawJob[], receivedAt: Date) =>
    results.map((raw) => jobToDto(kind, raw, { groupId, clusterName, now: receivedAt }));
  if (kind !== "tenant-restore") {
    const { results, receivedAt } = await fetchJobList(deps, kind, groupId, clusterName);
    return { jobs: toDtos(results, receivedAt), receivedAt, calls: pagesFor(results.length) };
  }
  const [list, hasSuccessor] = await Promise.all([
    fetchJobList(deps, kind, groupId, clusterName).catch((error: unknown) => {
      if (isRetiredEndpoint(error)) return null;
      throw error;
    }),
    successor(deps, groupId, clusterName),
  ]);
  const receivedAt = list?.receivedAt ?? new Date();
  return {
    jobs: toDtos(list?.results ?? [], receivedAt),
    deprecation: tenantDeprecation(clusterName, hasSuccessor, list === null),
    receivedAt,
    calls: 2,
  };
}

async function deprecationFor(
  deps: ServiceDeps,
  kind: JobKind,
  groupId: string,
  clusterName: string,
): Promise<Deprecation | undefined> {
  if (kind !== "tenant-restore") return undefined;
  return tenantDeprecation(clusterName, await successor(deps, groupId, clusterName), false);
}

/** One job as our DTO beside Atlas's JSON with its URLs redacted: the read model's loader. */
export async function loadJob(
  deps: ServiceDeps,
  kind: JobKind,
  groupId: string,
  clusterName: string,
  jobId: string,
): Promise<{ detail: Omit<JobDetail, "fetchedAt" | "stale">; receivedAt: Date; calls: number }> {
  deps.assertProjectAllowed(groupId);
  if (kind === "collection-restore") return loadCollectionRestore(deps, groupId, clusterName, jobId);
  const [{ data, receivedAt }, deprecation] = await Promise.all([
    fetchJob(deps, kind, groupId, clusterName, jobId),
    deprecationFor(deps, kind, groupId, clusterName),
  ]);
  const detail = {
    job: jobToDto(kind, data, { groupId, clusterName, now: receivedAt }),
    raw: redactUrls(data) as Record<string, unknown>,
    ...(deprecation && { deprecation }),
  };
  return { detail, receivedAt, calls: deprecation ? 2 : 1 };
}

/**
 * A collection restore with how its collections ended: the job, then its whole collections list
 * (500 a page: one call for almost any job), so "successful" can be checked against each collection.
 */
async function loadCollectionRestore(deps: ServiceDeps, groupId: string, clusterName: string, jobId: string) {
  const { data, receivedAt } = await fetchJob(deps, "collection-restore", groupId, clusterName, jobId);
  const states = await deps.coalesce(`job-collections:${groupId}:${clusterName}:${jobId}`, () =>
    fetchAllPages(
      deps.client,
      operations.listGroupClusterCollectionRestoreJobCollections,
      { groupId, clusterName, jobId },
      deps.pageConcurrency,
    ),
  );
  const raw = data as RawCollectionRestoreJob;
  const ctx = { groupId, clusterName, now: receivedAt };
  const detail = {
    job: collectionRestoreToDto(raw, ctx, collectionSummary(states.results)),
    raw: redactUrls(data) as Record<string, unknown>,
  };
  return { detail, receivedAt, calls: 1 + pagesFor(states.results.length) };
}

/** One page of a collection restore's collections, Atlas's paging and `state` filter passed through. */
export async function loadRestoredCollections(
  deps: ServiceDeps,
  groupId: string,
  clusterName: string,
  jobId: string,
  query: CollectionListQuery,
): Promise<{ page: Omit<CollectionList, "fetchedAt" | "stale">; receivedAt: Date; calls: number }> {
  deps.assertProjectAllowed(groupId);
  const { page, pageSize, state } = query;
  const key = `job-collections:${groupId}:${clusterName}:${jobId}:${state ?? ""}:${page}:${pageSize}`;
  const { data, receivedAt } = await deps.coalesce(key, () =>
    deps.client.call(
      operations.listGroupClusterCollectionRestoreJobCollections,
      { groupId, clusterName, jobId },
      { query: { itemsPerPage: pageSize, pageNum: page, ...(state && { state }) } },
    ),
  );
  const totalCount = data.totalCount ?? null;
  const hasNext =
    totalCount !== null
      ? page * pageSize < totalCount
      : (data.links ?? []).some((l) => l.rel === "next") || data.results.length === pageSize;
  return {
    page: { items: data.results.map(restoredCollectionToDto), page, pageSize, totalCount, hasNext },
    receivedAt,
    calls: 1,
  };
}

export async function getJobDownloadLinks(
  deps: ServiceDeps,
  kind: JobKind,
  groupId: string,
  clusterName: string,
  jobId: string,
): Promise<DownloadLinks> {
  deps.assertProjectAllowed(groupId);
  const { data, receivedAt } = await fetchJob(deps, kind, groupId, clusterName, jobId);
  const raw = data as { expiresAt?: string | null; expirationDate?: string | null };
  return {
    jobId: data.id,
    urls: downloadUrlsOf(data),
    expiresAt: toIso(raw.expiresAt ?? raw.expirationDate),
    fetchedAt: receivedAt.toISOString(),
  };
}
