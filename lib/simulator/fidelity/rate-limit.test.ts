import { describe, expect, it } from "vitest";
import { harnessPerFile, media, mediaTypeOf } from "./harness";
import { createFidelitySpec } from "./spec";

// Token bucket per project for the Cloud Backups endpoint set (Atlas docs: atlas/api/api-rate-limit),
// lowered so it can be exhausted quickly: 429 RATE_LIMITED_TOKEN_BUCKET with Retry-After and
// RateLimit-* headers.

const spec = createFidelitySpec();
const V1 = media("2023-01-01");
const CAPACITY = 5;
const h = harnessPerFile({ rateLimit: { backupCapacity: CAPACITY, backupRefillPerMinute: 1 } });

const restoreJobs = (groupId: string, cluster: string) =>
  `/groups/${groupId}/clusters/${cluster}/backup/restoreJobs?itemsPerPage=1`;

describe("Cloud Backups rate limit", () => {
  it("counts down RateLimit-Remaining, then answers 429 with Retry-After", async () => {
    const s = h.fixtures.showcase;
    const path = restoreJobs(s.groupId, s.bigRestoreCluster);
    const remaining: number[] = [];
    for (let i = 0; i < CAPACITY; i++) {
      const res = await h.atlas("GET", path, { accept: V1 });
      expect(res.status, `request ${i + 1}`).toBe(200);
      expect(Number(res.headers.get("ratelimit-limit"))).toBe(CAPACITY);
      remaining.push(Number(res.headers.get("ratelimit-remaining")));
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);

    const limited = await h.atlas("GET", path, { accept: V1 });
    expect(limited.status).toBe(429);
    expect(mediaTypeOf(limited)).toBe("application/json");
    expect(
      spec.validateResponse(
        "listGroupClusterBackupRestoreJobs",
        429,
        limited.headers.get("content-type"),
        limited.json,
      ),
    ).toEqual([]);
    expect(limited.json).toMatchObject({
      error: 429,
      errorCode: "RATE_LIMITED_TOKEN_BUCKET",
      reason: "Too Many Requests",
    });
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60).toBe(true);
    expect(Number(limited.headers.get("ratelimit-limit"))).toBe(CAPACITY);
    expect(Number(limited.headers.get("ratelimit-remaining"))).toBe(0);
  });

  it("shares the bucket across the whole endpoint set of the project (exports too)", async () => {
    const s = h.fixtures.showcase;
    const res = await h.atlas("GET", `/groups/${s.groupId}/clusters/${s.exportCluster}/backup/exports`, { accept: V1 });
    expect(res.status).toBe(429);
  });

  it("leaves other endpoint sets and other projects alone", async () => {
    const s = h.fixtures.showcase;
    const clusters = await h.atlas("GET", `/groups/${s.groupId}/clusters`, { accept: "2024-08-05" });
    expect(clusters.status).toBe(200);

    const other = h.fixtures.projects.find((p) => p.id !== s.groupId)!;
    const names = (clusters.json as { results: Array<{ name: string }> }).results;
    expect(names.length).toBeGreaterThan(0);
    const otherClusters = await h.atlas("GET", `/groups/${other.id}/clusters`, { accept: "2024-08-05" });
    const dedicated = (
      otherClusters.json as { results: Array<{ name: string; backupEnabled?: boolean }> }
    ).results.find((c) => c.backupEnabled);
    expect(dedicated, "the second project needs a dedicated cluster with backups").toBeDefined();
    const res = await h.atlas("GET", restoreJobs(other.id, dedicated!.name), { accept: V1 });
    expect(res.status, res.text.slice(0, 200)).toBe(200);
    expect(Number(res.headers.get("ratelimit-remaining"))).toBe(CAPACITY - 1);
  });

  it("refills with simulated time", async () => {
    const s = h.fixtures.showcase;
    await h.control("POST", "clock", { advanceSeconds: 120 });
    const res = await h.atlas("GET", restoreJobs(s.groupId, s.bigRestoreCluster), { accept: V1 });
    expect(res.status).toBe(200);
  });
});
