// Request bodies of the four create operations, checked with zod and reported in Atlas's codes:
// MISSING_ATTRIBUTE, INVALID_ENUM_VALUE, ATTRIBUTE_READ_ONLY, INVALID_ATTRIBUTE (unknown fields are
// rejected, as Atlas rejects misspelled fields).
import { z } from "zod";
import { AtlasErrorResponse } from "../http/error-response";

const OBJECT_ID = /^([a-f0-9]{24})$/;
const CLUSTER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/;
const ITEM_NAME = /^[\p{L}\p{N}\-_.(),:&@+']{1,64}$/u;
const INT32_MAX = 2_147_483_647;

const oid = z.string().regex(OBJECT_ID);
const epochSeconds = z.number().int().min(1199145600).max(INT32_MAX);

export const RestoreJobBody = z.strictObject({
  deliveryType: z.enum(["automated", "download", "pointInTime"]),
  snapshotId: oid.optional(),
  targetClusterName: z.string().regex(CLUSTER_NAME).optional(),
  targetGroupId: oid.optional(),
  oplogTs: epochSeconds.optional(),
  oplogInc: z.number().int().min(1).max(INT32_MAX).optional(),
  pointInTimeUTCSeconds: epochSeconds.optional(),
});
const RESTORE_READ_ONLY = [
  "id",
  "cancelled",
  "failed",
  "expired",
  "expiresAt",
  "finishedAt",
  "timestamp",
  "deliveryUrl",
  "privateDownloadDeliveryUrls",
  "components",
  "links",
  "desiredTimestamp",
];

export const ExportJobBody = z.strictObject({
  exportBucketId: oid,
  snapshotId: oid,
  customData: z.array(z.strictObject({ key: z.string().min(1), value: z.string() })).optional(),
});
const EXPORT_READ_ONLY = [
  "links",
  "id",
  "createdAt",
  "state",
  "exportStatus",
  "finishedAt",
  "prefix",
  "stateReason",
  "components",
];

export const PhasedRestoreBody = z.strictObject({
  snapshotId: oid,
  targetDeploymentItemName: z.string().regex(ITEM_NAME),
  targetProjectId: oid.optional(),
});
const PHASED_READ_ONLY = [
  "deliveryType",
  "expirationDate",
  "id",
  "instanceName",
  "clusterName",
  "links",
  "projectId",
  "restoreFinishedDate",
  "restoreScheduledDate",
  "snapshotFinishedDate",
  "snapshotUrl",
  "status",
];

function toErrorResponse(
  issue: z.core.$ZodIssue,
  raw: Record<string, unknown>,
  readOnly: string[],
): AtlasErrorResponse {
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    if (readOnly.includes(key))
      return new AtlasErrorResponse(
        400,
        "ATTRIBUTE_READ_ONLY",
        `Attribute ${key} is read-only and cannot be changed.`,
        [key],
      );
    return new AtlasErrorResponse(400, "INVALID_ATTRIBUTE", `Invalid attribute ${key} specified.`, [key]);
  }
  const field = issue.path.map(String).join(".");
  const top = String(issue.path[0] ?? "");
  // zod reports a missing enum as invalid_value, a missing string as invalid_type: both are "missing".
  if (issue.path.length === 1 && raw[top] === undefined) {
    return new AtlasErrorResponse(400, "MISSING_ATTRIBUTE", `The required attribute ${field} was not specified.`, [
      field,
    ]);
  }
  if (issue.code === "invalid_value") {
    return new AtlasErrorResponse(
      400,
      "INVALID_ENUM_VALUE",
      `An invalid enumeration value ${String(raw[top])} was specified for ${field}.`,
      [String(raw[top]), field],
    );
  }
  return new AtlasErrorResponse(400, "INVALID_ATTRIBUTE", `Invalid attribute ${field} specified.`, [field]);
}

export function parseWith<T>(schema: z.ZodType<T>, readOnly: string[], body: unknown): T {
  if (body === undefined) throw new AtlasErrorResponse(400, "MALFORMED_JSON", "Received JSON is malformed.");
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new AtlasErrorResponse(400, "INVALID_JSON", "Received JSON does not represent a JSON object.");
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new AtlasErrorResponse(400, "VALIDATION_ERROR", "The request content produced a validation error.");
  throw toErrorResponse(issue, body as Record<string, unknown>, readOnly);
}

export const parseRestoreBody = (b: unknown) => parseWith(RestoreJobBody, RESTORE_READ_ONLY, b);
export const parseExportBody = (b: unknown) => parseWith(ExportJobBody, EXPORT_READ_ONLY, b);
export const parsePhasedBody = (b: unknown) => parseWith(PhasedRestoreBody, PHASED_READ_ONLY, b);
