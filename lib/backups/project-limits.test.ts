import "server-only";
import { describe, expect, it } from "vitest";
import { createAtlasClient } from "@/lib/atlas/client";
import { cloudBackupsLimits } from "@/lib/atlas/rate-limits-service";
import { createServiceDeps } from "@/lib/atlas/service-deps";
import { simulatorPerFile } from "@/lib/simulator/testing/simulator-per-file";
import { createBudget, type Budget } from "@/lib/store/budget";
import { createMemoryStore } from "@/lib/store/memory-store";
import { createReadModel } from "@/lib/store/read-model";
import type { Store } from "@/lib/store/store";
import { createProjectLimits } from "./project-limits";

// The simulator applies a Cloud Backups bucket of 300 refilled at 120 a minute, and reports it.
const upstream = simulatorPerFile({ rateLimit: { backupCapacity: 300, backupRefillPerMinute: 120 } });
const RATE_LIMITS = /^GET \/api\/atlas\/v2\/rateLimits$/;

function atlas(projectAllowlist: string[] = []) {
  const { clientId, clientSecret } = upstream.sim.credentials;
  const client = createAtlasClient({
    baseUrl: upstream.sim.url,
    credentials: { kind: "service-account", clientId, clientSecret },
    timeoutMs: 10_000,
    maxRetries: 0,
    retryMinDelayMs: 10,
  });
  return createServiceDeps(client, { projectAllowlist });
}

const quiet = { warn: () => undefined };
/** A read model on this store and budget, with short windows: what the project limits read through. */
const readModelOn = (store: Store, budget: Budget) =>
  createReadModel({
    store,
    budget,
    owner: "test",
    log: quiet,
    leaseMs: 5_000,
    waitMs: 5_000,
    maxStaleMs: 1_000,
    failureRetryMs: 1_000,
    retentionSeconds: 60,
  });
const settle = async (until: () => boolean) => {
  for (let i = 0; i < 100 && !until(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe("each project's budget from GET /rateLimits", () => {
  it("reads the Cloud Backups set's capacity and refill as Atlas applies them", async () => {
    const { groupId } = upstream.fx.showcase;
    expect(await cloudBackupsLimits(atlas(), groupId)).toEqual({ capacity: 300, refillPerMinute: 120 });
  });

  it("answers from memory, reads once in the background, and the budget then sizes the project by it", async () => {
    const { groupId } = upstream.fx.showcase;
    const store = createMemoryStore();
    const configured = createBudget({ capacity: 1200, refillPerMinute: 500, share: 0.5 });
    const readModel = readModelOn(store, configured);
    const limits = createProjectLimits({
      deps: { atlas: atlas(), freshness: {} as never },
      readModel: () => readModel,
      log: quiet,
    });
    const budget = createBudget({ capacity: 1200, refillPerMinute: 500, share: 0.5, limitsOf: limits.limitsOf });

    // Unknown at first: the configured bucket applies while Atlas is asked.
    expect(budget.limitsFor(groupId)).toEqual({ sustainedPerMinute: 250, burst: 350 });
    await settle(() => limits.limitsOf(groupId) !== undefined);
    expect(limits.limitsOf(groupId)).toEqual({ capacity: 300, refillPerMinute: 120 });
    // Half of Atlas's bucket: 60 a minute sustained, (300 - 120) / 2 = 90 of burst.
    expect(budget.limitsFor(groupId)).toEqual({ sustainedPerMinute: 60, burst: 90 });
    expect(await budget.remaining(groupId)).toBe(150);
    // Refreshes take a few calls each: 15 takes of 10 spend the 150, the 16th is refused.
    for (let i = 0; i < 15; i++) expect((await budget.take(groupId, 10)).ok).toBe(true);
    expect((await budget.take(groupId, 10)).ok).toBe(false);
    // Another project's configured budget is untouched by this one's spending.
    expect(await configured.remaining(groupId)).toBe(600);
    // Asked many times, Atlas was asked once.
    for (let i = 0; i < 20; i++) limits.limitsOf(groupId);
    expect(await upstream.ctl.count(RATE_LIMITS, 200)).toBe(1);
  });

  it("keeps the configured bucket, and says why, when Atlas refuses the read", async () => {
    const { groupId } = upstream.fx.showcase;
    await upstream.ctl.addFault({ path: "^/api/atlas/v2/rateLimits$", status: 403 });
    const warnings: object[] = [];
    const readModel = readModelOn(
      createMemoryStore(),
      createBudget({ capacity: 1200, refillPerMinute: 500, share: 0.5 }),
    );
    const limits = createProjectLimits({
      deps: { atlas: atlas(), freshness: {} as never },
      readModel: () => readModel,
      log: { warn: (obj) => warnings.push(obj) },
    });
    const budget = createBudget({ capacity: 1200, refillPerMinute: 500, share: 0.5, limitsOf: limits.limitsOf });
    budget.limitsFor(groupId);
    await settle(() => warnings.length > 0);
    expect(warnings).toEqual([{ groupId, errorCode: expect.any(String) }]);
    expect(budget.limitsFor(groupId)).toEqual({ sustainedPerMinute: 250, burst: 350 });
    // Not asked again on every take while the failure holds.
    budget.limitsFor(groupId);
    expect(await upstream.ctl.count(RATE_LIMITS, 403)).toBe(1);
  });
});
