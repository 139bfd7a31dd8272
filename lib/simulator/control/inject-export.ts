// POST /__simulator/exports: an export job that starts now and ends as the test asks (a failed one,
// for the webhook specs), on any dedicated cluster. The world's generated jobs cannot be made to fail
// on cue; this can, without touching the seeded history.
import { z } from "zod";
import { createRng, objectId } from "../prng";
import type { ExportRec } from "../data/types";
import type { SimState } from "../state";

export const InjectExportSchema = z.strictObject({
  groupId: z.string().regex(/^[a-f0-9]{24}$/),
  clusterName: z.string().min(1),
  outcome: z.enum(["Successful", "Failed", "Cancelled"]),
  /** Simulated seconds queued, then running (a failed or cancelled job stops half way). */
  queueSeconds: z.number().int().min(0).max(86_400).default(0),
  runSeconds: z.number().int().min(1).max(86_400).default(60),
  errorCode: z.string().min(1).max(100).default("EXPORT_FAILED"),
});
export type InjectExport = z.input<typeof InjectExportSchema>;

let injected = 0;

/** The new job's id, or an error message for an unknown project or cluster, or one without exports. */
export function injectExport(
  state: SimState,
  body: z.infer<typeof InjectExportSchema>,
): { id: string } | { error: string } {
  const project = state.store.project(body.groupId);
  const cluster = project && state.store.cluster(project, body.clusterName);
  if (!project || !cluster || cluster.tier !== "dedicated")
    return { error: `no dedicated cluster ${body.clusterName} in project ${body.groupId}` };
  const now = Math.floor(state.clock.nowMs() / 1000);
  const rng = createRng(state.store.seed, "injected-export", cluster.key, ++injected);
  const snapshot = state.store.snapshots(cluster).items.find((s) => !s.failed && s.t0 + s.durationSec <= now);
  const rec: ExportRec = {
    id: objectId(now, rng),
    t0: now,
    queueSec: body.queueSeconds,
    runSec: body.runSeconds,
    outcome: body.outcome,
    total: rng.int(10, 60),
    stopFraction: body.outcome === "Successful" ? 1 : 0.5,
    bucketId: project.buckets[0]!.id,
    snapshotId: snapshot?.id ?? objectId(now, rng),
    snapTime: snapshot?.t0 ?? now,
    ...(body.outcome === "Failed" && {
      failure: { errorCode: body.errorCode, message: "Injected by the simulator's control API" },
    }),
  };
  state.store.add(state.store.exportJobs(project, cluster), rec);
  return { id: rec.id };
}
