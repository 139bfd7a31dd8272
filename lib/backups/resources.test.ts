import "server-only";
import { describe, expect, it } from "vitest";
import { createAtlasClient } from "@/lib/atlas/client";
import { createServiceDeps } from "@/lib/atlas/service-deps";
import { eventsResource, resourceFor, type ResourceDeps } from "./resources";

const G = "5f1e2d3c4b5a697887766554";
const deps: ResourceDeps = {
  atlas: createServiceDeps(
    createAtlasClient({
      baseUrl: "http://127.0.0.1:9",
      credentials: { kind: "api-key", publicKey: "p", privateKey: "k" },
      timeoutMs: 1000,
      maxRetries: 0,
    }),
    { projectAllowlist: [] },
  ),
  freshness: { busyMs: 10_000, idleMs: 60_000, catalogMs: 300_000 },
};

describe("the events resource", () => {
  it("is one key per cluster and window that the scheduler turns back into the same resource", () => {
    const res = eventsResource(deps, G, "payments-prod", "7d");
    expect(res.key).toBe(`events:7d:${G}:payments-prod`);
    const again = resourceFor(deps, res.key);
    expect(again?.key).toBe(res.key);
    expect(again?.scope).toBe(res.scope);
    expect(resourceFor(deps, `events:2h:${G}:payments-prod`)).toBeNull();
  });

  it("spends a budget of its own (the Events endpoint set), fresh as briefly as a busy list", () => {
    const res = eventsResource(deps, G, "payments-prod", "24h");
    expect(res.scope).toBe(`events:${G}`);
    expect(res.freshForMs({ from: 0, events: [] })).toBe(10_000);
    expect(res.expectedCalls(undefined)).toBe(1);
  });
});
