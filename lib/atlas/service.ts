import "server-only";
import type { ClusterList, DownloadLinks, JobDetail, JobKind, JobList, JobListQuery, ProjectList } from "@/lib/jobs/dto";
import * as catalog from "./catalog-service";
import { atlasClient } from "./client";
import { serviceConfigFromEnv } from "./config";
import * as jobs from "./jobs-service";
import { createServiceDeps, type ServiceDeps } from "./service-deps";

// What route handlers and server components call. Each function checks the project allowlist before
// any upstream call and returns our DTOs (lib/jobs/dto.ts), never raw Atlas shapes.

let deps: ServiceDeps | undefined;
const defaults = () => (deps ??= createServiceDeps(atlasClient(), serviceConfigFromEnv()));

export function listProjects(): Promise<ProjectList> {
  return catalog.listProjects(defaults());
}

export function listClusters(groupId: string): Promise<ClusterList> {
  return catalog.listClusters(defaults(), groupId);
}

export function listJobs(kind: JobKind, groupId: string, clusterName: string, query: JobListQuery): Promise<JobList> {
  return jobs.listJobs(defaults(), kind, groupId, clusterName, query);
}

export function getJob(kind: JobKind, groupId: string, clusterName: string, jobId: string): Promise<JobDetail> {
  return jobs.getJob(defaults(), kind, groupId, clusterName, jobId);
}

export function getJobDownloadLinks(kind: JobKind, groupId: string, clusterName: string, jobId: string): Promise<DownloadLinks> {
  return jobs.getJobDownloadLinks(defaults(), kind, groupId, clusterName, jobId);
}
