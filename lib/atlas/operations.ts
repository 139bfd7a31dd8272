import "server-only";
import type { z } from "zod";
import {
  CollectionRestoreJobPageSchema,
  CollectionRestoreJobSchema,
  CollectionRestoreStatePageSchema,
} from "./schemas/collection-restore-job";
import { EventPageSchema } from "./schemas/event";
import { RateLimitEndpointSetPageSchema } from "./schemas/rate-limit";
import { ClusterPageSchema, FlexClusterPageSchema, FlexClusterSchema } from "./schemas/cluster";
import { ExportJobPageSchema, ExportJobSchema } from "./schemas/export-job";
import { GroupPageSchema } from "./schemas/group";
import { RestoreJobPageSchema, RestoreJobSchema } from "./schemas/restore-job";
import {
  FlexRestoreJobPageSchema,
  FlexRestoreJobSchema,
  TenantRestorePageSchema,
  TenantRestoreSchema,
} from "./schemas/shared-tier-restore";

/** One Atlas call we proxy. `version` is the exact resource version the operation declares (the newest). */
export interface AtlasOperation<P extends string = string, S extends z.ZodType = z.ZodType> {
  id: string;
  method: "GET";
  /** After /api/atlas/v2; `{name}` segments are path parameters. */
  path: P;
  version: string;
  schema: S;
  /** False for a list whose spec takes no `includeCount` (it is then walked page by page). */
  includeCount?: false;
}

type ParamNames<P extends string> = P extends `${string}{${infer K}}${infer Rest}` ? K | ParamNames<Rest> : never;
export type PathParams<O extends AtlasOperation> = { [K in ParamNames<O["path"]>]: string };

const op = <const P extends string, S extends z.ZodType>(o: AtlasOperation<P, S>) => o;

const CLUSTER = "/groups/{groupId}/clusters/{clusterName}";
const FLEX = "/groups/{groupId}/flexClusters/{name}";

// The allowlist: Backwatch calls nothing else. Ids are the spec's canonical operationId, not the legacy
// short names in x-xgen-operation-id-override.
export const operations = {
  listGroups: op({ id: "listGroups", method: "GET", path: "/groups", version: "2023-01-01", schema: GroupPageSchema }),
  listGroupClusters: op({
    id: "listGroupClusters",
    method: "GET",
    path: "/groups/{groupId}/clusters",
    version: "2024-08-05",
    schema: ClusterPageSchema,
  }),
  listGroupFlexClusters: op({
    id: "listGroupFlexClusters",
    method: "GET",
    path: "/groups/{groupId}/flexClusters",
    version: "2024-11-13",
    schema: FlexClusterPageSchema,
  }),
  getGroupFlexCluster: op({
    id: "getGroupFlexCluster",
    method: "GET",
    path: FLEX,
    version: "2024-11-13",
    schema: FlexClusterSchema,
  }),
  listGroupClusterBackupRestoreJobs: op({
    id: "listGroupClusterBackupRestoreJobs",
    method: "GET",
    path: `${CLUSTER}/backup/restoreJobs`,
    version: "2023-01-01",
    schema: RestoreJobPageSchema,
  }),
  getGroupClusterBackupRestoreJob: op({
    id: "getGroupClusterBackupRestoreJob",
    method: "GET",
    path: `${CLUSTER}/backup/restoreJobs/{jobId}`,
    version: "2023-01-01",
    schema: RestoreJobSchema,
  }),
  listGroupClusterBackupExports: op({
    id: "listGroupClusterBackupExports",
    method: "GET",
    path: `${CLUSTER}/backup/exports`,
    version: "2023-01-01",
    schema: ExportJobPageSchema,
  }),
  getGroupClusterBackupExport: op({
    id: "getGroupClusterBackupExport",
    method: "GET",
    path: `${CLUSTER}/backup/exports/{jobId}`,
    version: "2023-01-01",
    schema: ExportJobSchema,
  }),
  // Deprecated upstream, sunset 2026-01-22: the service turns their 410 into a "retired" answer.
  listGroupClusterBackupTenantRestores: op({
    id: "listGroupClusterBackupTenantRestores",
    method: "GET",
    path: `${CLUSTER}/backup/tenant/restores`,
    version: "2023-01-01",
    schema: TenantRestorePageSchema,
  }),
  getGroupClusterBackupTenantRestore: op({
    id: "getGroupClusterBackupTenantRestore",
    method: "GET",
    path: `${CLUSTER}/backup/tenant/restores/{jobId}`,
    version: "2023-01-01",
    schema: TenantRestoreSchema,
  }),
  listGroupFlexClusterBackupRestoreJobs: op({
    id: "listGroupFlexClusterBackupRestoreJobs",
    method: "GET",
    path: `${FLEX}/backup/restoreJobs`,
    version: "2024-11-13",
    schema: FlexRestoreJobPageSchema,
  }),
  getGroupFlexClusterBackupRestoreJob: op({
    id: "getGroupFlexClusterBackupRestoreJob",
    method: "GET",
    path: `${FLEX}/backup/restoreJobs/{jobId}`,
    version: "2024-11-13",
    schema: FlexRestoreJobSchema,
  }),
  // Collection-level restores: only 2025-03-12 exists. The collections list filters by `state`,
  // `sourceNamespace` and `targetNamespace` (query) and takes no includeCount.
  listGroupClusterCollectionRestoreJobs: op({
    id: "listGroupClusterCollectionRestoreJobs",
    method: "GET",
    path: `${CLUSTER}/collectionRestoreJobs`,
    version: "2025-03-12",
    schema: CollectionRestoreJobPageSchema,
    includeCount: false,
  }),
  getGroupClusterCollectionRestoreJob: op({
    id: "getGroupClusterCollectionRestoreJob",
    method: "GET",
    path: `${CLUSTER}/collectionRestoreJobs/{jobId}`,
    version: "2025-03-12",
    schema: CollectionRestoreJobSchema,
  }),
  listGroupClusterCollectionRestoreJobCollections: op({
    id: "listGroupClusterCollectionRestoreJobCollections",
    method: "GET",
    path: `${CLUSTER}/collectionRestoreJobs/{jobId}/collections`,
    version: "2025-03-12",
    schema: CollectionRestoreStatePageSchema,
    includeCount: false,
  }),
  // Filters: eventType (an array: repeated), clusterNames, minDate, maxDate (ISO 8601 UTC), includeRaw.
  listGroupEvents: op({
    id: "listGroupEvents",
    method: "GET",
    path: "/groups/{groupId}/events",
    version: "2023-01-01",
    schema: EventPageSchema,
  }),
  // Scope filters: groupId, orgId, userId, ipAddress (query); name and endpointPath repeatable.
  listRateLimits: op({
    id: "listRateLimits",
    method: "GET",
    path: "/rateLimits",
    version: "2025-03-12",
    schema: RateLimitEndpointSetPageSchema,
  }),
} as const;
