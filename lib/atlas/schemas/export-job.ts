import "server-only";
import { z } from "zod";
import { opt, paginated } from "./common";

/** DiskBackupExportJob. */
export const ExportJobSchema = z.looseObject({
  id: z.string(),
  state: opt(z.string()),
  createdAt: opt(z.string()),
  finishedAt: opt(z.string()),
  snapshotId: opt(z.string()),
  exportBucketId: opt(z.string()),
  prefix: opt(z.string()),
  exportStatus: opt(
    z.looseObject({
      exportedCollections: opt(z.number().int().nonnegative()),
      totalCollections: opt(z.number().int().nonnegative()),
    }),
  ),
  stateReason: opt(z.looseObject({ errorCode: opt(z.string()), message: opt(z.string()) })),
  customData: opt(z.array(z.looseObject({ key: z.string(), value: z.string() }))),
});
export type RawExportJob = z.infer<typeof ExportJobSchema>;
export const ExportJobPageSchema = paginated(ExportJobSchema);
