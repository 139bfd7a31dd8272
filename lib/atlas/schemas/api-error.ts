import "server-only";
import { z } from "zod";

/** Atlas's error body; `error` and `errorCode` are required by the spec but we must still cope without them. */
export const ApiErrorSchema = z.looseObject({
  error: z.number().int().optional(),
  errorCode: z.string().optional(),
  detail: z.string().nullish(),
  reason: z.string().nullish(),
  parameters: z.array(z.unknown()).nullish(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
