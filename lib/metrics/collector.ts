import "server-only";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { AtlasCallEvent } from "@/lib/atlas/config";
import { isAtlasError } from "@/lib/atlas/errors";
import type { Budget } from "@/lib/store/budget";

/** What the collector's health series read at scrape time; the composition root attaches them. */
export interface CollectorSources {
  budget: Budget;
  /** True while the shared store is answered from memory (Redis away). */
  degraded(): boolean;
}

export const REFRESH_OUTCOMES = ["ok", "rate_limited", "budget", "failed"] as const;
// Resources by the first part of their key (lib/backups/resources.ts): a fixed set, whatever the key.
const RESOURCES = new Set(["projects", "clusters", "jobs", "job", "events"]);
/** Projects whose budget is reported: more would be an estate this collector was never sized for. */
const MAX_PROJECTS = 1_000;

export function refreshOutcome(error: unknown): (typeof REFRESH_OUTCOMES)[number] {
  if (error === undefined) return "ok";
  if (isAtlasError(error) && error.errorCode === "BACKWATCH_BUDGET") return "budget";
  if (isAtlasError(error) && error.status === 429) return "rate_limited";
  return "failed";
}

/**
 * The collector's own health: every exchange with Atlas, its 429s, each project's budget, and how
 * long refreshes take. Counters count this instance's work; the budget is the shared one (Redis).
 */
export function createCollectorMetrics(registry: Registry) {
  const registers = [registry];
  let sources: CollectorSources | undefined;
  // Projects Atlas answered for, most recent last; the budget gauge reports these.
  const projects = new Map<string, true>();
  const seen = (groupId: string) => {
    projects.delete(groupId);
    projects.set(groupId, true);
    if (projects.size > MAX_PROJECTS) projects.delete(projects.keys().next().value!);
  };

  const requests = new Counter({
    name: "backwatch_atlas_requests_total",
    help: "HTTP exchanges with Atlas (each retry and auth round trip is one), by operation and status (an HTTP status, timeout or network)",
    labelNames: ["operation", "status"] as const,
    registers,
  });
  const rateLimited = new Counter({
    name: "backwatch_atlas_rate_limited_total",
    help: "Atlas answers of 429 Too Many Requests, by project (empty outside a project)",
    labelNames: ["project"] as const,
    registers,
  });
  const refreshes = new Histogram({
    name: "backwatch_refresh_duration_seconds",
    help: "Refreshes of the read model this instance ran (budget and Retry-After waits included), by resource and outcome",
    labelNames: ["resource", "outcome"] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  new Gauge({
    name: "backwatch_budget_remaining",
    help: "Atlas calls left of Backwatch's share of each project's Cloud Backup rate limit, right now",
    labelNames: ["project"] as const,
    registers,
    async collect() {
      this.reset();
      if (!sources) return;
      const budget = sources.budget;
      const left = await Promise.all([...projects.keys()].map(async (p) => [p, await budget.remaining(p)] as const));
      for (const [project, remaining] of left) this.set({ project }, remaining);
    },
  });
  new Gauge({
    name: "backwatch_budget_limit",
    help: "Backwatch's share of one project's Cloud Backup rate limit: the most backwatch_budget_remaining can be",
    registers,
    collect() {
      if (sources) this.set(sources.budget.limits.sustainedPerMinute + sources.budget.limits.burst);
    },
  });
  new Gauge({
    name: "backwatch_store_degraded",
    help: "1 while the shared store (Redis) is away and this instance answers from memory",
    registers,
    collect() {
      if (sources) this.set(sources.degraded() ? 1 : 0);
    },
  });

  return {
    attach(next: CollectorSources) {
      sources = next;
    },
    /** For the Atlas client's onCall. */
    onAtlasCall(event: AtlasCallEvent) {
      requests.inc({ operation: event.operation, status: String(event.status) });
      if (event.status === 429) rateLimited.inc({ project: event.groupId ?? "" });
      if (event.groupId && typeof event.status === "number" && (event.status < 300 || event.status === 429))
        seen(event.groupId);
    },
    /** For the read model's onRefresh. */
    onRefresh(info: { key: string; durationMs: number; error?: unknown }) {
      const head = info.key.split(":")[0] ?? "";
      const resource = RESOURCES.has(head) ? head : "other";
      refreshes.observe({ resource, outcome: refreshOutcome(info.error) }, info.durationMs / 1000);
    },
  };
}

export type CollectorMetrics = ReturnType<typeof createCollectorMetrics>;
