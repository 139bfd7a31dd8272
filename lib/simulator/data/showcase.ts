// The showcase project "Payments": well-known clusters whose jobs cover every state (contract: lib/simulator/README.md).
import { createRng, objectId } from "../prng";
import { DAY } from "./schedule";
import type { Cluster, FlexCluster, Project } from "./types";
import { dedicatedCluster } from "./factory";

interface WorldOptions {
  seed: number;
  startSec: number;
}

export const SHOWCASE = {
  projectName: "Payments",
  bigRestoreCluster: "payments-prod",
  exportCluster: "payments-analytics",
  sharedM2Cluster: "legacy-m2",
  sharedM5MigratedCluster: "legacy-m5",
  flexCluster: "flex-dev",
  restoreJobCount: 1200,
} as const;

export function showcaseClusters(o: WorldOptions, project: Project, jobs: number): Cluster[] {
  const r = (name: string) => createRng(o.seed, "showcase", name);
  const common = { groupId: project.id, pitEnabled: true, backupEnabled: true, jobsPerKind: jobs };
  return [
    dedicatedCluster(
      r("prod"),
      {
        ...common,
        key: "0/payments-prod",
        name: SHOWCASE.bigRestoreCluster,
        tier: "dedicated",
        instanceSize: "M30",
        provider: "AWS",
        region: "US_EAST_1",
        clusterType: "SHARDED",
        numShards: 2,
      },
      o.startSec,
    ),
    dedicatedCluster(
      r("analytics"),
      {
        ...common,
        key: "0/payments-analytics",
        name: SHOWCASE.exportCluster,
        tier: "dedicated",
        instanceSize: "M10",
        provider: "AWS",
        region: "EU_WEST_1",
        clusterType: "REPLICASET",
        numShards: 1,
      },
      o.startSec,
    ),
    dedicatedCluster(
      r("m2"),
      {
        ...common,
        pitEnabled: false,
        key: "0/legacy-m2",
        name: SHOWCASE.sharedM2Cluster,
        tier: "tenant",
        instanceSize: "M2",
        provider: "AWS",
        region: "US_EAST_1",
        clusterType: "REPLICASET",
        numShards: 1,
      },
      o.startSec,
    ),
    {
      ...dedicatedCluster(
        r("m5"),
        {
          ...common,
          pitEnabled: false,
          key: "0/legacy-m5",
          name: SHOWCASE.sharedM5MigratedCluster,
          tier: "tenant",
          instanceSize: "M5",
          provider: "GCP",
          region: "CENTRAL_US",
          clusterType: "REPLICASET",
          numShards: 1,
        },
        o.startSec,
      ),
      migratedAt: o.startSec - 60 * DAY,
    },
  ];
}

export function showcaseFlexClusters(o: WorldOptions, project: Project, jobs: number): FlexCluster[] {
  const dev = createRng(o.seed, "showcase", "flex-dev");
  const m5 = createRng(o.seed, "showcase", "flex-m5");
  const devCreated = o.startSec - 120 * DAY;
  const m5Created = o.startSec - 60 * DAY;
  return [
    {
      key: "0/flex/flex-dev",
      id: objectId(devCreated, dev),
      groupId: project.id,
      name: SHOWCASE.flexCluster,
      created: devCreated,
      provider: "AWS",
      region: "US_EAST_1",
      mongoVersion: "8.0.9",
      jobsPerKind: jobs,
    },
    {
      key: "0/flex/legacy-m5",
      id: objectId(m5Created, m5),
      groupId: project.id,
      name: SHOWCASE.sharedM5MigratedCluster,
      created: m5Created,
      provider: "GCP",
      region: "CENTRAL_US",
      mongoVersion: "8.0.9",
      jobsPerKind: jobs,
    },
  ];
}
