import "server-only";
import { describe, expect, it } from "vitest";
import { simulatorPerFile } from "@/lib/simulator/testing/simulator-per-file";
import { createAtlasClient } from "./client";
import { buildUrl } from "./http";
import { operations } from "./operations";

// The collection restore, event and rate-limit operations through the real client against the
// simulator: the schemas accept Atlas's answers and the filters reach Atlas as the spec names them.

const upstream = simulatorPerFile({ rateLimit: { tokenCapacity: 1_000 } });

function client() {
  const c = upstream.sim.credentials;
  return createAtlasClient({
    baseUrl: upstream.sim.url,
    credentials: { kind: "service-account", clientId: c.clientId, clientSecret: c.clientSecret },
    timeoutMs: 5_000,
    maxRetries: 0,
  });
}

describe("collection restore, event and rate-limit operations", () => {
  it("sends an array filter as a repeated parameter", () => {
    const url = buildUrl(
      "https://cloud.mongodb.com",
      operations.listGroupEvents,
      { groupId: "g" },
      {
        eventType: ["CPS_SNAPSHOT_FAILED", "CPS_OPLOG_BEHIND"],
        includeRaw: true,
      },
    );
    expect(url.search).toBe("?eventType=CPS_SNAPSHOT_FAILED&eventType=CPS_OPLOG_BEHIND&includeRaw=true");
  });

  it("lists collection restore jobs, reads one, and filters its collections by state", async () => {
    const s = upstream.fx.showcase;
    const params = { groupId: s.groupId, clusterName: s.bigRestoreCluster };
    const atlas = client();
    const jobs = (await atlas.call(operations.listGroupClusterCollectionRestoreJobs, params)).data.results;
    const partial = jobs.find((j) => j.state === "SUCCESSFUL" && (j.indexStatus?.failedCollectionCount ?? 0) > 0)!;
    expect(partial.totalDocuments).toBe(partial.restoredDocuments);
    const one = await atlas.call(operations.getGroupClusterCollectionRestoreJob, { ...params, jobId: partial.id });
    expect(one.data.id).toBe(partial.id);
    const failed = await atlas.call(
      operations.listGroupClusterCollectionRestoreJobCollections,
      { ...params, jobId: partial.id },
      { query: { state: "INDEX_BUILD_FAILED" } },
    );
    expect(failed.data.results.map((c) => [c.sourceNamespace, c.indexStatus?.failedIndexes?.length])).toEqual([
      ["sales.invoices", 1],
    ]);
  });

  it("lists a cluster's backup events of the types asked for, and the rate limits", async () => {
    const s = upstream.fx.showcase;
    const atlas = client();
    const types = ["CPS_SNAPSHOT_STARTED", "CPS_SNAPSHOT_FAILED"];
    const events = await atlas.call(
      operations.listGroupEvents,
      { groupId: s.groupId },
      { query: { eventType: types, clusterNames: [s.bigRestoreCluster], itemsPerPage: 500 } },
    );
    expect(new Set(events.data.results.map((e) => e.eventTypeName))).toEqual(new Set(types));
    const limits = await atlas.call(operations.listRateLimits, {}, { query: { groupId: s.groupId } });
    expect(limits.data.results.find((l) => l.endpointSetId === "cloudBackups_group")?.capacity?.value).toBe(1200);
  });
});
