import "server-only";
import { z } from "zod";
import { opt, paginated } from "./common";

const SharedTierRestoreFields = {
  id: z.string(),
  status: opt(z.string()),
  deliveryType: opt(z.string()),
  snapshotId: opt(z.string()),
  snapshotUrl: opt(z.string()),
  expirationDate: opt(z.string()),
  restoreScheduledDate: opt(z.string()),
  restoreFinishedDate: opt(z.string()),
  snapshotFinishedDate: opt(z.string()),
  targetProjectId: opt(z.string()),
  targetDeploymentItemName: opt(z.string()),
};

/** TenantRestore (legacy M2/M5; the endpoints are sunset upstream). */
export const TenantRestoreSchema = z.looseObject({ ...SharedTierRestoreFields, clusterName: opt(z.string()) });
export type RawTenantRestore = z.infer<typeof TenantRestoreSchema>;
/** PaginatedTenantRestoreView: the only list whose `results` the spec does not require. */
export const TenantRestorePageSchema = z.looseObject({
  results: z
    .array(TenantRestoreSchema)
    .nullish()
    .transform((r) => r ?? []),
  totalCount: opt(z.number().int().nonnegative()),
});

/** FlexBackupRestoreJob20241113. */
export const FlexRestoreJobSchema = z.looseObject({
  ...SharedTierRestoreFields,
  instanceName: opt(z.string()),
  projectId: opt(z.string()),
});
export type RawFlexRestoreJob = z.infer<typeof FlexRestoreJobSchema>;
export const FlexRestoreJobPageSchema = paginated(FlexRestoreJobSchema);
