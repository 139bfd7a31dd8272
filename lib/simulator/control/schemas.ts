// Bodies and answers of the /__simulator control routes: the server parses with the body schemas,
// the test client (../testing/simulator-client.ts) parses answers with the rest.
import { z } from "zod";

export const ClockBodySchema = z.strictObject({ advanceSeconds: z.number().finite().min(0) });
export const ConfigBodySchema = z.strictObject({ tenantSunset: z.boolean().optional() });
export type ConfigBody = z.infer<typeof ConfigBodySchema>;

export const FixturesSchema = z.object({
  orgId: z.string(),
  projects: z.array(z.object({ id: z.string(), name: z.string() })),
  showcase: z.object({
    groupId: z.string(),
    projectName: z.string(),
    bigRestoreCluster: z.string(),
    exportCluster: z.string(),
    sharedM2Cluster: z.string(),
    sharedM5MigratedCluster: z.string(),
    flexCluster: z.string(),
    restoreJobCount: z.number().int(),
  }),
});
export type Fixtures = z.infer<typeof FixturesSchema>;

/** byRoute["GET /api/atlas/v2/..."]["200"] = n */
export const CountersSchema = z.object({
  total: z.number(),
  byRoute: z.record(z.string(), z.record(z.string(), z.number())),
});
export type Counters = z.infer<typeof CountersSchema>;

export const ClockSchema = z.object({ now: z.iso.datetime() });
export const ConfigSchema = z.object({ tenantSunset: z.boolean() });
export const FaultAddedSchema = z.object({ id: z.string() });
export const ExportInjectedSchema = z.object({ id: z.string() });
export const FaultRemovedSchema = z.object({ id: z.string(), removed: z.boolean() });
