import "server-only";
import { z } from "zod";
import { opt, paginated } from "./common";

const HardwareSpecSchema = z.looseObject({ instanceSize: opt(z.string()) });
const RegionConfigSchema = z.looseObject({
  providerName: opt(z.string()),
  backingProviderName: opt(z.string()),
  regionName: opt(z.string()),
  electableSpecs: opt(HardwareSpecSchema),
});

/** ClusterDescription20240805; shared-tier (M2/M5) clusters show providerName "TENANT" in a region config. */
export const ClusterSchema = z.looseObject({
  name: z.string(),
  groupId: opt(z.string()),
  stateName: opt(z.string()),
  paused: opt(z.boolean()),
  backupEnabled: opt(z.boolean()),
  replicationSpecs: opt(z.array(z.looseObject({ regionConfigs: opt(z.array(RegionConfigSchema)) }))),
});
export type RawCluster = z.infer<typeof ClusterSchema>;
export const ClusterPageSchema = paginated(ClusterSchema);

/** FlexClusterDescription20241113. */
export const FlexClusterSchema = z.looseObject({
  name: z.string(),
  groupId: opt(z.string()),
  stateName: opt(z.string()),
  backupSettings: opt(z.looseObject({ enabled: opt(z.boolean()) })),
  providerSettings: opt(z.looseObject({ backingProviderName: opt(z.string()), providerName: opt(z.string()) })),
});
export type RawFlexCluster = z.infer<typeof FlexClusterSchema>;
export const FlexClusterPageSchema = paginated(FlexClusterSchema);
