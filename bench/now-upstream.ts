// What the Now bench reads off the simulator's counters: Atlas calls per project, and per job list.
import type { Counters } from "../lib/simulator/testing/simulator-client";

const GROUP = /^\S+ \/api\/atlas\/v2\/groups\/([a-f0-9]{24})(?:\/|$)/;
// One cluster's job list of one kind, as the Now view's rows name it (job.kind).
const LISTS: Array<[RegExp, string]> = [
  [/\/groups\/([a-f0-9]{24})\/clusters\/([^/]+)\/backup\/restoreJobs$/, "restore"],
  [/\/groups\/([a-f0-9]{24})\/clusters\/([^/]+)\/backup\/exports$/, "export"],
  [/\/groups\/([a-f0-9]{24})\/clusters\/([^/]+)\/backup\/tenant\/restores$/, "tenant-restore"],
  [/\/groups\/([a-f0-9]{24})\/flexClusters\/([^/]+)\/backup\/restoreJobs$/, "flex-restore"],
];

export const listKey = (groupId: string, clusterName: string, kind: string) => `${groupId}/${clusterName}/${kind}`;

const total = (byStatus: Record<string, number>) => Object.values(byStatus).reduce((a, b) => a + b, 0);

/** Atlas calls per project id (every path under /groups/{id}), whatever they answered. */
export function callsPerProject(counters: Counters): Map<string, number> {
  const out = new Map<string, number>();
  for (const [route, byStatus] of Object.entries(counters.byRoute)) {
    const id = GROUP.exec(route)?.[1];
    if (id) out.set(id, (out.get(id) ?? 0) + total(byStatus));
  }
  return out;
}

/** Calls per job list (listKey), every page counted. */
export function callsPerList(counters: Counters): Map<string, number> {
  const out = new Map<string, number>();
  for (const [route, byStatus] of Object.entries(counters.byRoute)) {
    if (!route.startsWith("GET ")) continue;
    for (const [pattern, kind] of LISTS) {
      const m = pattern.exec(route);
      if (!m) continue;
      const key = listKey(m[1]!, decodeURIComponent(m[2]!), kind);
      out.set(key, (out.get(key) ?? 0) + total(byStatus));
    }
  }
  return out;
}

export function callsOutsideProjects(counters: Counters): number {
  return Object.entries(counters.byRoute)
    .filter(([route]) => !GROUP.test(route))
    .reduce((sum, [, byStatus]) => sum + total(byStatus), 0);
}
