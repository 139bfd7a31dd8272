import type { APIRequestContext } from "@playwright/test";
import { WatchListSchema, type WatchTarget } from "../../lib/watches/dto";

export const watchPath = (t: WatchTarget) => `/api/watches/${t.groupId}/${t.clusterName}/${t.kind}/${t.jobId}`;

/**
 * Stops every watch of the signed-in user. A watch of a job still going keeps its list on the
 * collector's schedule (Atlas calls), which would disturb the specs that count them.
 */
export async function clearWatches(ctx: APIRequestContext): Promise<void> {
  const list = WatchListSchema.parse(await (await ctx.get("/api/watches")).json());
  for (const w of list.items) await ctx.delete(watchPath(w));
}
