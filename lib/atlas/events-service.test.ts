import "server-only";
import { describe, expect, it } from "vitest";
import { eventGroupOf } from "@/lib/jobs/events";
import { simulatorPerFile } from "@/lib/simulator/testing/simulator-per-file";
import { createAtlasClient } from "./client";
import { loadClusterEvents } from "./events-service";
import { fetchAllPages } from "./fetch-all";
import { operations } from "./operations";
import { createServiceDeps } from "./service-deps";

const upstream = simulatorPerFile({ rateLimit: { tokenCapacity: 1_000 } });
const EVENTS = /^GET \/api\/atlas\/v2\/groups\/\w+\/events$/;

function deps() {
  const { clientId, clientSecret } = upstream.sim.credentials;
  const client = createAtlasClient({
    baseUrl: upstream.sim.url,
    credentials: { kind: "service-account", clientId, clientSecret },
    timeoutMs: 10_000,
    maxRetries: 0,
  });
  return createServiceDeps(client, { projectAllowlist: [] });
}

describe("loadClusterEvents", () => {
  it("reads one cluster's backup events of a week in one call, and exactly the ones the timeline draws", async () => {
    const { groupId, bigRestoreCluster } = upstream.fx.showcase;
    const d = deps();
    const since = new Date(Date.now() - 7 * 86_400_000);
    const { events, calls } = await loadClusterEvents(d, groupId, bigRestoreCluster, since);
    expect(calls).toBe(1);
    expect(await upstream.ctl.count(EVENTS, 200)).toBe(1);

    // The same cluster's whole stream, unfiltered by type: ours is its backup part, no more, no less.
    const all = await fetchAllPages(d.client, operations.listGroupEvents, { groupId }, 4, {
      clusterNames: [bigRestoreCluster],
      minDate: since.toISOString(),
    });
    const expected = all.results.filter((e) => eventGroupOf(e.eventTypeName) !== null).map((e) => e.id);
    expect(events.map((e) => e.id).sort()).toEqual(expected.sort());
    expect(all.results.some((e) => eventGroupOf(e.eventTypeName) === null)).toBe(true);
    const groups = new Set(events.map((e) => eventGroupOf(e.type)));
    for (const g of ["snapshot", "requested", "job-ended", "behind"]) expect(groups).toContain(g);
    expect(events.every((e) => Date.parse(e.at) >= since.getTime())).toBe(true);
  });

  it("keeps other clusters' events out", async () => {
    const { groupId, bigRestoreCluster, exportCluster } = upstream.fx.showcase;
    const d = deps();
    const since = new Date(Date.now() - 30 * 86_400_000);
    const a = await loadClusterEvents(d, groupId, bigRestoreCluster, since);
    const b = await loadClusterEvents(d, groupId, exportCluster, since);
    expect(a.events.length).toBeGreaterThan(0);
    expect(b.events.length).toBeGreaterThan(0);
    const ids = new Set(a.events.map((e) => e.id));
    expect(b.events.some((e) => ids.has(e.id))).toBe(false);
  });
});
