import { Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import { parseWebhookTarget, type WebhookTarget } from "@/lib/webhooks/config";
import { createSender } from "@/lib/webhooks/sender";
import { startReceiver, type Receiver } from "@/lib/webhooks/testing/receiver";
import { createWebhookMetrics } from "./webhooks";

// The series wired as the composition root wires them, fed by a real sender and real receivers.
const open: Receiver[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

describe("webhook metrics", () => {
  it("count deliveries by receiver and outcome, attempts with retries, and latency, naming hosts only", async () => {
    const ok = await startReceiver();
    const down = await startReceiver();
    open.push(ok, down);
    ok.answer(500);
    down.answer(503, 503);
    const registry = new Registry();
    const metrics = createWebhookMetrics(registry);
    const targets = [`${ok.url}/hook-token-abc`, `${down.url}/hook-token-def`].map(
      (u) => parseWebhookTarget(u) as WebhookTarget,
    );
    const sender = createSender({
      targets,
      secret: "metrics-test-secret-0123",
      timeoutMs: 2_000,
      retries: 1,
      minBackoffMs: 10,
      maxBackoffMs: 20,
      queueLimit: 10,
      concurrency: 1,
      log: { warn: () => undefined, debug: () => undefined },
      onDelivery: metrics.onDelivery,
      onQueue: metrics.onQueue,
    });
    sender.send({
      version: 1,
      id: "m1",
      type: "project.stale",
      events: ["stale"],
      detectedAt: new Date().toISOString(),
      project: { id: "a".repeat(24), name: null },
      clusterName: "c1",
      link: null,
    });
    await sender.idle();
    const text = await registry.metrics();
    const okHost = new URL(ok.url).host;
    const downHost = new URL(down.url).host;
    expect(text).toContain(`backwatch_webhook_deliveries_total{receiver="1",host="${okHost}",outcome="delivered"} 1`);
    expect(text).toContain(`backwatch_webhook_deliveries_total{receiver="2",host="${downHost}",outcome="failed"} 1`);
    expect(text).toContain(`backwatch_webhook_attempts_total{receiver="1",host="${okHost}"} 2`);
    expect(text).toContain(`backwatch_webhook_delivery_seconds_count{receiver="1",host="${okHost}"} 1`);
    expect(text).not.toContain(`backwatch_webhook_delivery_seconds_count{receiver="2"`);
    expect(text).toContain(`backwatch_webhook_queue{receiver="1",host="${okHost}"} 0`);
    expect(text).not.toContain("hook-token");
  });
});
