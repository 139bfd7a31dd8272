import "server-only";
import type { Cluster, JobKind, Project } from "@/lib/jobs/dto";
import { toIso } from "@/lib/jobs/timing";
import type { RawCluster, RawFlexCluster } from "../schemas/cluster";
import type { RawGroup } from "../schemas/group";

export function projectToDto(raw: RawGroup): Project {
  return {
    id: raw.id,
    name: raw.name,
    orgId: raw.orgId,
    clusterCount: raw.clusterCount ?? 0,
    createdAt: toIso(raw.created),
  };
}

/** A cluster from /clusters: shared tier when a region config names the TENANT provider, else dedicated. */
export function clusterToDto(raw: RawCluster, groupId: string, flexNames: ReadonlySet<string>): Cluster {
  const region = raw.replicationSpecs?.flatMap((s) => s.regionConfigs ?? [])[0];
  const shared = raw.replicationSpecs?.some((s) => s.regionConfigs?.some((r) => r.providerName === "TENANT")) ?? false;
  const base = {
    name: raw.name,
    groupId,
    instanceSize: region?.electableSpecs?.instanceSize ?? null,
    stateName: raw.stateName ?? null,
    paused: raw.paused ?? false,
  };
  if (!shared) {
    return {
      ...base,
      tier: "dedicated",
      provider: region?.providerName ?? null,
      backupEnabled: raw.backupEnabled ?? false,
      // Collection-level restores exist for dedicated clusters only (Atlas 2025-03-12).
      jobKinds: ["restore", "export", "collection-restore"],
    };
  }
  const flexSuccessor = flexNames.has(raw.name);
  const jobKinds: JobKind[] = flexSuccessor ? ["tenant-restore", "flex-restore"] : ["tenant-restore"];
  // Atlas snapshots every M2/M5 cluster automatically; its backupEnabled (false for them) is about
  // Cloud Backup, which the shared tier never had, so it would wrongly read "no backups".
  return {
    ...base,
    tier: "shared",
    provider: region?.backingProviderName ?? null,
    backupEnabled: true,
    jobKinds,
    flexSuccessor,
  };
}

export function flexClusterToDto(raw: RawFlexCluster, groupId: string): Cluster {
  return {
    name: raw.name,
    groupId,
    tier: "flex",
    instanceSize: "FLEX",
    provider: raw.providerSettings?.backingProviderName ?? null,
    stateName: raw.stateName ?? null,
    paused: false,
    backupEnabled: raw.backupSettings?.enabled ?? true,
    jobKinds: ["flex-restore"],
  };
}
