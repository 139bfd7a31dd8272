// Dedicated and shared-tier clusters in the three served versions, plus Flex clusters.
//   2023-01-01 LegacyAtlasCluster, 2023-02-01 AdvancedClusterDescription, 2024-08-05 ClusterDescription20240805.
import { iso } from "../clock";
import type { Cluster, FlexCluster, Project } from "../data/types";
import { groupPath, selfLink, type RenderContext } from "./context";

const hostToken = (c: Cluster | FlexCluster) => c.id.slice(-5);
const major = (v: string) => v.split(".").slice(0, 2).join(".");
const tenantDisk = (c: Cluster) => (c.instanceSize === "M2" ? 2 : 5);

function connectionStrings(c: Cluster) {
  const domain = `${c.name}.${hostToken(c)}.mongodb.net`;
  const hosts = [0, 1, 2].map((i) => `${c.name}-shard-00-0${i}.${hostToken(c)}.mongodb.net:27017`).join(",");
  return {
    standard: `mongodb://${hosts}/?ssl=true&authSource=admin&replicaSet=${c.replicaSetBase}-shard-0`,
    standardSrv: `mongodb+srv://${domain}`,
  };
}

function common(c: Cluster, p: Project, ctx: RenderContext): Record<string, unknown> {
  return {
    backupEnabled: c.tier === "dedicated" ? c.backupEnabled : false,
    biConnector: { enabled: false, readPreference: "SECONDARY" },
    clusterType: c.clusterType,
    connectionStrings: connectionStrings(c),
    createDate: iso(c.created),
    diskWarmingMode: "FULLY_WARMED",
    encryptionAtRestProvider: "NONE",
    groupId: p.id,
    id: c.id,
    labels: [],
    links: selfLink(ctx, `${groupPath(p)}/clusters/${c.name}`),
    mongoDBMajorVersion: major(c.mongoVersion),
    mongoDBVersion: c.mongoVersion,
    name: c.name,
    paused: false,
    pitEnabled: c.pitEnabled,
    rootCertType: "ISRGROOTX1",
    stateName: "IDLE",
    tags: [],
    terminationProtectionEnabled: c.name.endsWith("prod"),
    versionReleaseSystem: "LTS",
  };
}

const specId = (c: Cluster, i: number) => `${c.id.slice(0, 16)}${(i + 1).toString(16).padStart(8, "0")}`;

function regionConfig(c: Cluster, withDisk: boolean) {
  if (c.tier === "tenant") {
    return {
      providerName: "TENANT",
      backingProviderName: c.provider,
      regionName: c.region,
      priority: 7,
      electableSpecs: { instanceSize: c.instanceSize, ...(withDisk ? { diskSizeGB: tenantDisk(c) } : {}) },
    };
  }
  const hw = { instanceSize: c.instanceSize, nodeCount: 3, ...(withDisk ? { diskSizeGB: c.diskSizeGB } : {}) };
  return {
    providerName: c.provider,
    regionName: c.region,
    priority: 7,
    electableSpecs: hw,
    readOnlySpecs: { ...hw, nodeCount: 0 },
    analyticsSpecs: { ...hw, nodeCount: 0 },
    autoScaling: { compute: { enabled: false, scaleDownEnabled: false }, diskGB: { enabled: true } },
  };
}

export function renderCluster20240805(c: Cluster, p: Project, ctx: RenderContext): Record<string, unknown> {
  const shards = c.tier === "tenant" ? 1 : c.numShards;
  return {
    ...common(c, p, ctx),
    configServerManagementMode: "ATLAS_MANAGED",
    ...(c.clusterType === "SHARDED" ? { configServerType: "DEDICATED" } : {}),
    featureCompatibilityVersion: major(c.mongoVersion),
    globalClusterSelfManagedSharding: false,
    redactClientLogData: false,
    replicaSetScalingStrategy: "WORKLOAD_TYPE",
    replicationSpecs: Array.from({ length: shards }, (_, i) => ({
      id: specId(c, i),
      zoneId: specId(c, 100),
      zoneName: "Zone 1",
      regionConfigs: [regionConfig(c, true)],
    })),
    retainBackups: false,
  };
}

export function renderCluster20230201(c: Cluster, p: Project, ctx: RenderContext): Record<string, unknown> {
  return {
    ...common(c, p, ctx),
    configServerManagementMode: "ATLAS_MANAGED",
    diskSizeGB: c.tier === "tenant" ? tenantDisk(c) : c.diskSizeGB,
    featureCompatibilityVersion: major(c.mongoVersion),
    globalClusterSelfManagedSharding: false,
    replicaSetScalingStrategy: "WORKLOAD_TYPE",
    replicationSpecs: [
      {
        id: specId(c, 0),
        numShards: c.tier === "tenant" ? 1 : c.numShards,
        zoneId: specId(c, 100),
        zoneName: "Zone 1",
        regionConfigs: [regionConfig(c, false)],
      },
    ],
  };
}

export function renderClusterLegacy(c: Cluster, p: Project, ctx: RenderContext): Record<string, unknown> {
  const cs = connectionStrings(c);
  const providerSettings =
    c.tier === "tenant"
      ? {
          providerName: "TENANT",
          backingProviderName: c.provider,
          instanceSizeName: c.instanceSize,
          regionName: c.region,
        }
      : { providerName: c.provider, instanceSizeName: c.instanceSize, regionName: c.region };
  const region = { analyticsNodes: 0, electableNodes: 3, priority: 7, readOnlyNodes: 0 };
  return {
    ...common(c, p, ctx),
    backupEnabled: false,
    // LegacyAtlasCluster.diskSizeGB has minimum 10, so the 2/5 GB of M2/M5 is left out there.
    ...(c.tier === "tenant" ? {} : { diskSizeGB: c.diskSizeGB }),
    mongoURI: cs.standard.split("/?")[0],
    mongoURIUpdated: iso(c.created),
    mongoURIWithOptions: cs.standard,
    numShards: c.tier === "tenant" ? 1 : c.numShards,
    providerBackupEnabled: c.tier === "dedicated" && c.backupEnabled,
    providerSettings,
    replicationFactor: 3,
    replicationSpecs: [
      {
        id: specId(c, 0),
        numShards: c.tier === "tenant" ? 1 : c.numShards,
        regionsConfig: { [c.region]: region },
        zoneName: "Zone 1",
      },
    ],
    srvAddress: cs.standardSrv,
  };
}

export function renderCluster(version: string, c: Cluster, p: Project, ctx: RenderContext): Record<string, unknown> {
  if (version >= "2024-08-05") return renderCluster20240805(c, p, ctx);
  if (version >= "2023-02-01") return renderCluster20230201(c, p, ctx);
  return renderClusterLegacy(c, p, ctx);
}

export function renderFlexCluster(f: FlexCluster, p: Project, ctx: RenderContext): Record<string, unknown> {
  return {
    backupSettings: { enabled: true },
    clusterType: "REPLICASET",
    connectionStrings: { standardSrv: `mongodb+srv://${f.name}.${hostToken(f)}.mongodb.net` },
    createDate: iso(f.created),
    groupId: p.id,
    id: f.id,
    links: selfLink(ctx, `${groupPath(p)}/flexClusters/${f.name}`),
    mongoDBVersion: f.mongoVersion,
    name: f.name,
    providerSettings: { backingProviderName: f.provider, diskSizeGB: 5, providerName: "FLEX", regionName: f.region },
    stateName: "IDLE",
    tags: [],
    terminationProtectionEnabled: false,
    versionReleaseSystem: "LTS",
  };
}

export function renderGroup(p: Project, ctx: RenderContext): Record<string, unknown> {
  const names = new Set([...p.clusters.map((c) => c.name), ...p.flexClusters.map((f) => f.name)]);
  return {
    clusterCount: names.size,
    created: iso(p.created),
    id: p.id,
    links: selfLink(ctx, groupPath(p)),
    name: p.name,
    orgId: p.orgId,
    tags: [],
  };
}

export function renderOrg(ctx: RenderContext): Record<string, unknown> {
  return { id: ctx.org.id, isDeleted: false, links: selfLink(ctx, `/orgs/${ctx.org.id}`), name: ctx.org.name };
}
