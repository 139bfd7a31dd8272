// The Admin API endpoint sets as GET /rateLimits names them (spec: RateLimitEndpointSetResponse; the
// example id is rateLimitsInspection_group, so ids are here <set>_<scope>). The OAuth token endpoint
// is not an Admin API v2 endpoint and is not listed.
import type { EndpointSet } from "./limiter";

export type RateScope = "IP" | "GROUP" | "ORGANIZATION" | "USER";

export interface EndpointSetInfo {
  set: EndpointSet;
  id: string;
  name: string;
  scope: RateScope;
}

export const ENDPOINT_SETS: EndpointSetInfo[] = [
  { set: "cloud-backups", id: "cloudBackups_group", name: "Cloud Backups", scope: "GROUP" },
  { set: "flex-restore-jobs", id: "flexRestoreJobs_group", name: "Flex Restore Jobs", scope: "GROUP" },
  { set: "flex-snapshots", id: "flexSnapshots_group", name: "Flex Snapshots", scope: "GROUP" },
  { set: "flex-clusters", id: "flexClusters_group", name: "Flex Clusters", scope: "GROUP" },
  { set: "clusters-group", id: "clusters_group", name: "Clusters", scope: "GROUP" },
  { set: "projects-group", id: "projects_group", name: "Projects", scope: "GROUP" },
  { set: "projects-user", id: "projects_user", name: "Projects", scope: "USER" },
  { set: "organizations-user", id: "organizations_user", name: "Organizations", scope: "USER" },
  { set: "events", id: "events_group", name: "Events", scope: "GROUP" },
  { set: "rate-limits", id: "rateLimitsInspection_user", name: "Rate Limits Inspection", scope: "USER" },
];
