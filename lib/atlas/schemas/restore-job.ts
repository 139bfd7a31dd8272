import "server-only";
import { z } from "zod";
import { opt, paginated } from "./common";

const PrivateDownloadUrlSchema = z.looseObject({ deliveryUrl: opt(z.string()), endpointId: opt(z.string()) });

/** DiskBackupSnapshotRestoreJob: no status field; the state lives in flags and timestamps. */
export const RestoreJobSchema = z.looseObject({
  id: z.string(),
  deliveryType: opt(z.string()),
  cancelled: opt(z.boolean()),
  failed: opt(z.boolean()),
  expired: opt(z.boolean()),
  expiresAt: opt(z.string()),
  finishedAt: opt(z.string()),
  timestamp: opt(z.string()),
  snapshotId: opt(z.string()),
  targetClusterName: opt(z.string()),
  targetGroupId: opt(z.string()),
  pointInTimeUTCSeconds: opt(z.number().int()),
  oplogTs: opt(z.number().int()),
  oplogInc: opt(z.number().int()),
  deliveryUrl: opt(z.array(z.string())),
  privateDownloadDeliveryUrls: opt(z.array(PrivateDownloadUrlSchema)),
  components: opt(
    z.array(
      z.looseObject({
        replicaSetName: opt(z.string()),
        downloadUrl: opt(z.string()),
        privateDownloadDeliveryUrls: opt(z.array(PrivateDownloadUrlSchema)),
      }),
    ),
  ),
});
export type RawRestoreJob = z.infer<typeof RestoreJobSchema>;
export const RestoreJobPageSchema = paginated(RestoreJobSchema);
