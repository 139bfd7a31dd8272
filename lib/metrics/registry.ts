import "server-only";
import { collectDefaultMetrics, Registry } from "prom-client";
import { createCollectorMetrics, type CollectorMetrics } from "./collector";
import { createEstateMetrics, type EstateMetrics } from "./estate-metrics";
import { createWebhookMetrics, type WebhookMetrics } from "./webhooks";

export interface Metrics {
  registry: Registry;
  collector: CollectorMetrics;
  estate: EstateMetrics;
  webhooks: WebhookMetrics;
}

// Next bundles pages and route handlers apart, each with its own copy of this module: the bundle that
// builds the services wires the collector's hooks, and /api/metrics may be served by another. Like the
// services (lib/server/atlas-services.ts), the registry is one per process, kept on globalThis.
const METRICS = Symbol.for("backwatch.metrics");

function build(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    collector: createCollectorMetrics(registry),
    estate: createEstateMetrics(registry),
    webhooks: createWebhookMetrics(registry),
  };
}

/** The process's one registry and the collector's own series in it, made on first use. */
export function metrics(): Metrics {
  const holder = globalThis as typeof globalThis & { [METRICS]?: Metrics };
  holder[METRICS] ??= build();
  return holder[METRICS];
}
