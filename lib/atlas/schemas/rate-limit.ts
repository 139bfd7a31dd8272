import "server-only";
import { z } from "zod";
import { opt, paginated } from "./common";

/** `defaultValue` is present only when an override applies to the caller (spec). */
const LimitValueSchema = z.looseObject({ value: z.number().int().nonnegative(), defaultValue: opt(z.number().int()) });

/** RateLimitEndpointSetResponse (2025-03-12): one endpoint set's token bucket. */
export const RateLimitEndpointSetSchema = z.looseObject({
  endpointSetId: z.string(),
  endpointSetName: opt(z.string()),
  scope: opt(z.string()),
  capacity: opt(LimitValueSchema),
  refillRate: opt(LimitValueSchema),
  refillDurationSeconds: opt(LimitValueSchema),
  endpoints: opt(z.array(z.looseObject({ method: opt(z.string()), path: opt(z.string()) }))),
});
export type RawRateLimitEndpointSet = z.infer<typeof RateLimitEndpointSetSchema>;
export const RateLimitEndpointSetPageSchema = paginated(RateLimitEndpointSetSchema);
