// Shared builders for clusters and ids used by the world and the showcase.
import { objectId, type Rng } from "../prng";
import { DAY } from "./schedule";
import type { Cluster, Provider } from "./types";

const VERSIONS = ["7.0.15", "8.0.4", "8.0.9"];
export const REGIONS: Record<Provider, string[]> = {
  AWS: ["US_EAST_1", "EU_WEST_1"],
  AZURE: ["US_EAST_2", "EUROPE_WEST"],
  GCP: ["CENTRAL_US", "WESTERN_EUROPE"],
};

export function dedicatedCluster(
  rng: Rng,
  base: Omit<Cluster, "id" | "created" | "replicaSetBase" | "mongoVersion" | "diskSizeGB">,
  startSec: number,
): Cluster {
  const created = startSec - rng.int(200, 900) * DAY;
  return {
    ...base,
    id: objectId(created, rng),
    created,
    replicaSetBase: `atlas-${rng.hex(6)}`,
    mongoVersion: rng.pick(VERSIONS),
    diskSizeGB: rng.pick([10, 40, 80, 160]),
  };
}

export function uuid(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
