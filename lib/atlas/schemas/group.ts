import "server-only";
import { z } from "zod";
import { opt, paginated } from "./common";

/** Group (a project). */
export const GroupSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  orgId: z.string(),
  clusterCount: opt(z.number().int().nonnegative()),
  created: opt(z.string()),
});
export type RawGroup = z.infer<typeof GroupSchema>;
export const GroupPageSchema = paginated(GroupSchema);
