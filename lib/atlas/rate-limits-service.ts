import "server-only";
import { ITEMS_PER_PAGE } from "./fetch-all";
import { operations } from "./operations";
import type { RawRateLimitEndpointSet } from "./schemas/rate-limit";
import type { ServiceDeps } from "./service-deps";

/** One token bucket as Backwatch's budget mirrors it. */
export interface BucketLimits {
  capacity: number;
  refillPerMinute: number;
}

/** The endpoint set whose bucket the job lists spend: the one listing the restore jobs' path. */
const isCloudBackups = (set: RawRateLimitEndpointSet) =>
  set.scope === "GROUP" &&
  ((set.endpoints ?? []).some((e) => /\/backup\/restoreJobs$/.test(e.path ?? "")) ||
    set.endpointSetName === "Cloud Backups");

/**
 * The project's Cloud Backups bucket as Atlas applies it (an override included), from GET
 * /rateLimits?groupId=. Null when Atlas lists no such set, or one without a usable capacity and
 * refill; the caller then keeps the configured figures.
 */
export async function cloudBackupsLimits(deps: ServiceDeps, groupId: string): Promise<BucketLimits | null> {
  deps.assertProjectAllowed(groupId);
  // A handful of sets per scope: one page holds them all.
  const { data } = await deps.client.call(
    operations.listRateLimits,
    {},
    { query: { groupId, itemsPerPage: ITEMS_PER_PAGE } },
  );
  const set = data.results.find(isCloudBackups);
  const capacity = set?.capacity?.value;
  const refill = set?.refillRate?.value;
  const seconds = set?.refillDurationSeconds?.value ?? 60;
  if (!capacity || !refill || seconds <= 0) return null;
  return { capacity, refillPerMinute: Math.max(1, Math.round((refill * 60) / seconds)) };
}
