// The organization, its projects, clusters, flex clusters and export buckets. Built eagerly (small);
// jobs are generated lazily per cluster by the store.
import { createRng, objectId } from "../prng";
import { REGIONS, dedicatedCluster, uuid } from "./factory";
import { DAY } from "./schedule";
import type { Cluster, ExportBucket, FlexCluster, Org, Project, Provider } from "./types";
import { showcaseClusters, showcaseFlexClusters } from "./showcase";

export interface WorldOptions {
  seed: number;
  scale: number;
  startSec: number;
}

export interface World {
  org: Org;
  projects: Project[];
  sizes: { projects: number; clustersPerProject: number; jobsPerKind: number; flexPerProject: number };
}

const PROJECT_NAMES = [
  "Payments",
  "Inventory",
  "Search",
  "Identity",
  "Analytics",
  "Logistics",
  "Billing",
  "Catalog",
  "Messaging",
  "Reporting",
];
const BASES = [
  "orders",
  "users",
  "events",
  "sessions",
  "ledger",
  "catalog",
  "metrics",
  "audit",
  "carts",
  "notifications",
];
const ENVS = ["prod", "staging", "dev", "qa"];
const SIZES = ["M10", "M20", "M30", "M40", "M50", "M60"];

export function worldSizes(scale: number) {
  return {
    projects: Math.max(1, Math.round(2 * scale)),
    clustersPerProject: Math.max(1, Math.round(5 * scale)),
    jobsPerKind: Math.max(1, Math.round(20 * scale)),
    flexPerProject: Math.max(1, Math.round(scale)),
  };
}

function genericClusters(
  o: WorldOptions,
  project: Project,
  count: number,
  jobs: number,
  taken: Set<string>,
): Cluster[] {
  const out: Cluster[] = [];
  for (let i = 0; out.length < count; i++) {
    const rng = createRng(o.seed, "cluster", project.index, i);
    let name = `${BASES[i % BASES.length]}-${ENVS[Math.floor(i / BASES.length) % ENVS.length]}`;
    if (i >= BASES.length * ENVS.length) name = `${name}-${Math.floor(i / (BASES.length * ENVS.length))}`;
    if (taken.has(name)) continue;
    taken.add(name);
    const provider = rng.pick<Provider>(["AWS", "AWS", "AZURE", "GCP"]);
    const tenant = i % 10 === 7;
    const sharded = !tenant && i % 5 === 2;
    out.push(
      dedicatedCluster(
        rng,
        {
          key: `${project.index}/${name}`,
          groupId: project.id,
          name,
          tier: tenant ? "tenant" : "dedicated",
          instanceSize: tenant ? (i % 20 === 7 ? "M2" : "M5") : rng.pick(SIZES),
          provider,
          region: rng.pick(REGIONS[provider]),
          clusterType: sharded ? "SHARDED" : "REPLICASET",
          numShards: sharded ? rng.int(2, 3) : 1,
          backupEnabled: tenant || i % 9 !== 4,
          pitEnabled: !tenant && rng.chance(0.6),
          jobsPerKind: jobs,
        },
        o.startSec,
      ),
    );
  }
  return out;
}

function genericFlex(
  o: WorldOptions,
  project: Project,
  count: number,
  jobs: number,
  taken: Set<string>,
): FlexCluster[] {
  const out: FlexCluster[] = [];
  for (let i = 0; out.length < count; i++) {
    const name = `flex-${BASES[i % BASES.length]}${i >= BASES.length ? `-${Math.floor(i / BASES.length)}` : ""}`;
    if (taken.has(name)) continue;
    taken.add(name);
    const rng = createRng(o.seed, "flex", project.index, i);
    const provider = rng.pick<Provider>(["AWS", "AZURE", "GCP"]);
    const created = o.startSec - rng.int(30, 400) * DAY;
    out.push({
      key: `${project.index}/flex/${name}`,
      id: objectId(created, rng),
      groupId: project.id,
      name,
      created,
      provider,
      region: rng.pick(REGIONS[provider]),
      mongoVersion: "8.0.9",
      jobsPerKind: jobs,
    });
  }
  return out;
}

function buckets(o: WorldOptions, project: Project): ExportBucket[] {
  const rng = createRng(o.seed, "buckets", project.index);
  const t = project.created + DAY;
  return [
    {
      id: objectId(t, rng),
      provider: "AWS",
      bucketName: `acme-${project.slug}-exports`,
      roleId: objectId(t - 60, rng),
      region: "US_EAST_1",
    },
    {
      id: objectId(t + 3600, rng),
      provider: "AZURE",
      bucketName: "atlas-exports",
      roleId: objectId(t - 120, rng),
      serviceUrl: `https://acme${project.slug.replace(/[^a-z0-9]/g, "").slice(0, 12)}backups.blob.core.windows.net`,
      tenantId: uuid(rng),
    },
    {
      id: objectId(t + 7200, rng),
      provider: "GCP",
      bucketName: `acme-${project.slug}-gcs-exports`,
      roleId: objectId(t - 180, rng),
    },
  ];
}

export function buildWorld(o: WorldOptions): World {
  const sizes = worldSizes(o.scale);
  const orgRng = createRng(o.seed, "org");
  const org: Org = { id: objectId(o.startSec - 1500 * DAY, orgRng), name: "acme" };
  const projects: Project[] = [];
  for (let p = 0; p < sizes.projects; p++) {
    const rng = createRng(o.seed, "project", p);
    const created = o.startSec - rng.int(900, 1400) * DAY;
    const base = PROJECT_NAMES[p % PROJECT_NAMES.length] ?? "Project";
    const name = p < PROJECT_NAMES.length ? base : `${base}-${Math.floor(p / PROJECT_NAMES.length) + 1}`;
    const project: Project = {
      index: p,
      id: objectId(created, rng),
      name,
      slug: name.toLowerCase(),
      orgId: org.id,
      created,
      clusters: [],
      flexClusters: [],
      buckets: [],
    };
    project.buckets = buckets(o, project);
    const taken = new Set<string>();
    if (p === 0) {
      project.clusters = showcaseClusters(o, project, sizes.jobsPerKind);
      project.flexClusters = showcaseFlexClusters(o, project, sizes.jobsPerKind);
      for (const c of [...project.clusters, ...project.flexClusters]) taken.add(c.name);
    }
    project.clusters.push(
      ...genericClusters(
        o,
        project,
        Math.max(0, sizes.clustersPerProject - project.clusters.length),
        sizes.jobsPerKind,
        taken,
      ),
    );
    project.flexClusters.push(
      ...genericFlex(
        o,
        project,
        Math.max(0, sizes.flexPerProject - project.flexClusters.length),
        sizes.jobsPerKind,
        taken,
      ),
    );
    projects.push(project);
  }
  return { org, projects, sizes };
}
