// The body of createGroupClusterCollectionRestoreJob (spec: ApiAtlasCollectionRestoreJobRequest), in
// the same words as the other creates (routes/bodies.ts).
import { z } from "zod";
import { parseWith } from "./bodies";

const OBJECT_ID = /^([a-f0-9]{24})$/;
const CLUSTER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/;
const int32 = z.number().int().min(0).max(2_147_483_647);

const Namespace = z.strictObject({ sourceNamespace: z.string().min(1), targetNamespace: z.string().optional() });

export const CollectionRestoreBody = z.strictObject({
  collectionSuffix: z.string().nullish(),
  collections: z.array(Namespace).max(100).optional(),
  databaseSuffix: z.string().nullish(),
  databases: z.array(Namespace).max(100).optional(),
  indexStrategy: z.enum(["ALL", "NONE", "ALL_EXCEPT_TTL"]),
  oplogInc: int32.nullish(),
  oplogTs: int32.nullish(),
  pointInTimeUtcSeconds: int32.nullish(),
  snapshotId: z.string().regex(OBJECT_ID).optional(),
  targetClusterName: z.string().regex(CLUSTER_NAME),
  targetGroupId: z.string().regex(OBJECT_ID),
  writeStrategy: z.enum(["CREATE_NEW", "OVERWRITE_EXISTING"]),
});
export type CollectionRestoreRequest = z.infer<typeof CollectionRestoreBody>;

const READ_ONLY = ["id", "createdAt", "errorMessage", "finishedAt", "indexStatus", "restoredDocuments", "state"];

export const parseCollectionRestoreBody = (b: unknown) =>
  parseWith(CollectionRestoreBody, [...READ_ONLY, "totalDocuments"], b);
