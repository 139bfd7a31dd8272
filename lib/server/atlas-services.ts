import "server-only";
import * as catalog from "@/lib/atlas/catalog-service";
import { createAtlasClient } from "@/lib/atlas/client";
import type { AtlasClientConfig, AtlasServiceConfig } from "@/lib/atlas/config";
import * as jobs from "@/lib/atlas/jobs-service";
import { createServiceDeps, type ServiceDeps } from "@/lib/atlas/service-deps";
import type { ClusterList, DownloadLinks, JobDetail, JobKind, JobList, JobListQuery, ProjectList } from "@/lib/jobs/dto";
import { serverEnv, type ServerEnv } from "@/lib/server/env";

// The composition root: the one module that turns the validated environment into the Atlas client and
// the services' deps. lib/atlas reads no environment; everything below it receives what it needs.
// Route handlers and server components call the functions at the end, which check the project
// allowlist before any upstream call and return our DTOs (lib/jobs/dto.ts), never raw Atlas shapes.

function atlasClientConfig(env: ServerEnv): AtlasClientConfig {
  return { baseUrl: env.ATLAS_BASE_URL, credentials: env.atlasCredentials, timeoutMs: env.ATLAS_TIMEOUT_MS, maxRetries: env.ATLAS_MAX_RETRIES };
}

function atlasServiceConfig(env: ServerEnv): AtlasServiceConfig {
  return { projectAllowlist: env.BACKWATCH_PROJECT_ALLOWLIST };
}

let deps: ServiceDeps | undefined;

/** One client (one token cache, one rate gate) and one coalescer per process, built on first use. */
function atlasServices(): ServiceDeps {
  if (!deps) {
    const env = serverEnv();
    deps = createServiceDeps(createAtlasClient(atlasClientConfig(env)), atlasServiceConfig(env));
  }
  return deps;
}

export function listProjects(): Promise<ProjectList> {
  return catalog.listProjects(atlasServices());
}

export function listClusters(groupId: string): Promise<ClusterList> {
  return catalog.listClusters(atlasServices(), groupId);
}

export function listJobs(kind: JobKind, groupId: string, clusterName: string, query: JobListQuery): Promise<JobList> {
  return jobs.listJobs(atlasServices(), kind, groupId, clusterName, query);
}

export function getJob(kind: JobKind, groupId: string, clusterName: string, jobId: string): Promise<JobDetail> {
  return jobs.getJob(atlasServices(), kind, groupId, clusterName, jobId);
}

export function getJobDownloadLinks(kind: JobKind, groupId: string, clusterName: string, jobId: string): Promise<DownloadLinks> {
  return jobs.getJobDownloadLinks(atlasServices(), kind, groupId, clusterName, jobId);
}
