import "server-only";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";

/**
 * Outgoing webhooks, per receiver (its position in BACKWATCH_WEBHOOK_URLS, and its host: never the
 * full URL, which for Slack and Teams is the credential). Per instance, like the collector's counters.
 */
export function createWebhookMetrics(registry: Registry) {
  const registers = [registry];
  const deliveries = new Counter({
    name: "backwatch_webhook_deliveries_total",
    help: "Webhook deliveries by receiver and outcome (delivered, failed after its retries, dropped on a full queue)",
    labelNames: ["receiver", "host", "outcome"] as const,
    registers,
  });
  const attempts = new Counter({
    name: "backwatch_webhook_attempts_total",
    help: "HTTP attempts of webhook deliveries, retries included, by receiver",
    labelNames: ["receiver", "host"] as const,
    registers,
  });
  const latency = new Histogram({
    name: "backwatch_webhook_delivery_seconds",
    help: "From the collector's refresh seeing a transition to its receiver's 2xx, by receiver",
    labelNames: ["receiver", "host"] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60, 300],
    registers,
  });
  const queued = new Gauge({
    name: "backwatch_webhook_queue",
    help: "Webhook deliveries waiting or in flight, by receiver",
    labelNames: ["receiver", "host"] as const,
    registers,
  });
  return {
    onDelivery(info: { receiver: string; host: string; outcome: string; attempts: number; latencyMs: number }) {
      const { receiver, host } = info;
      deliveries.inc({ receiver, host, outcome: info.outcome });
      if (info.attempts) attempts.inc({ receiver, host }, info.attempts);
      if (info.outcome === "delivered") latency.observe({ receiver, host }, info.latencyMs / 1000);
    },
    onQueue(info: { receiver: string; host: string; size: number }) {
      queued.set({ receiver: info.receiver, host: info.host }, Math.max(0, info.size));
    },
  };
}

export type WebhookMetrics = ReturnType<typeof createWebhookMetrics>;
