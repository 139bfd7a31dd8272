import { afterEach, describe, expect, it } from "vitest";
import type { WebhookPayload } from "./bodies";
import { parseWebhookTarget, type WebhookTarget } from "./config";
import { createSender, type SenderConfig } from "./sender";
import { signedBy, startReceiver, type Receiver } from "./testing/receiver";

const SECRET = "sender-test-secret-0123456789";
const quiet = { warn: () => undefined, debug: () => undefined };
const open: Receiver[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  open.push(r);
  return r;
}
const target = (url: string, format = "generic") => parseWebhookTarget(`${format}=${url}/hook`) as WebhookTarget;

function payload(id: string): WebhookPayload {
  return {
    version: 1,
    id,
    type: "project.stale",
    events: ["stale"],
    detectedAt: new Date().toISOString(),
    project: { id: "b".repeat(24), name: "P" },
    clusterName: "c1",
    stale: { since: new Date().toISOString(), status: 503, errorCode: "SERVICE_UNAVAILABLE", detail: null },
    link: null,
  };
}

function sender(targets: WebhookTarget[], over: Partial<SenderConfig> = {}) {
  const outcomes: Array<{ receiver: string; outcome: string; attempts: number }> = [];
  const s = createSender({
    targets,
    secret: SECRET,
    timeoutMs: 2_000,
    retries: 3,
    minBackoffMs: 10,
    maxBackoffMs: 50,
    queueLimit: 100,
    concurrency: 2,
    log: quiet,
    onDelivery: ({ receiver, outcome, attempts }) => void outcomes.push({ receiver, outcome, attempts }),
    ...over,
  });
  return { s, outcomes };
}

describe("webhook sender", () => {
  it("retries a receiver that answers 500 (and 429) until it answers 200, signing every attempt", async () => {
    const r = await receiver();
    r.answer(500, 429);
    const { s, outcomes } = sender([target(r.url)]);
    s.send(payload("p1"));
    await s.idle();
    expect(r.received).toHaveLength(3);
    expect(r.received.every((x) => signedBy(SECRET, x))).toBe(true);
    expect(r.received.map((x) => x.headers["x-backwatch-delivery"])).toEqual(["p1", "p1", "p1"]);
    expect(new Set(r.received.map((x) => x.body)).size).toBe(1);
    expect(outcomes).toEqual([{ receiver: "1", outcome: "delivered", attempts: 3 }]);
  });

  it("gives up after its retries, and never retries a 4xx", async () => {
    const down = await receiver();
    down.answer(503, 503, 503, 503, 503);
    const gone = await receiver();
    gone.answer(404);
    const { s, outcomes } = sender([target(down.url), target(gone.url)]);
    s.send(payload("p2"));
    await s.idle();
    expect(down.received).toHaveLength(4);
    expect(gone.received).toHaveLength(1);
    expect(outcomes).toContainEqual({ receiver: "1", outcome: "failed", attempts: 4 });
    expect(outcomes).toContainEqual({ receiver: "2", outcome: "failed", attempts: 1 });
  });

  it("retries a receiver that is not listening at all", async () => {
    const r = await receiver();
    const url = r.url;
    await r.close();
    open.pop();
    const { s, outcomes } = sender([target(url)], { retries: 2 });
    s.send(payload("p3"));
    await s.idle();
    expect(outcomes).toEqual([{ receiver: "1", outcome: "failed", attempts: 3 }]);
  });

  it("a receiver that does not answer never holds up another one", async () => {
    const slow = await receiver();
    slow.hold();
    const fast = await receiver();
    const { s, outcomes } = sender([target(slow.url), target(fast.url)], { retries: 0, timeoutMs: 10_000 });
    s.send(payload("p4"));
    s.send(payload("p5"));
    await expect.poll(() => fast.received.length).toBe(2);
    // The slow one has both requests open and answered neither; the fast one is done.
    expect(outcomes.filter((o) => o.receiver === "2").map((o) => o.outcome)).toEqual(["delivered", "delivered"]);
    expect(outcomes.some((o) => o.receiver === "1")).toBe(false);
    slow.release();
    await s.idle();
    expect(outcomes.filter((o) => o.receiver === "1")).toHaveLength(2);
  });

  it("a full queue drops new deliveries (counted) instead of growing", async () => {
    const slow = await receiver();
    slow.hold();
    const { s, outcomes } = sender([target(slow.url)], {
      concurrency: 1,
      queueLimit: 2,
      retries: 0,
      timeoutMs: 10_000,
    });
    for (const id of ["a", "b", "c", "d", "e"]) s.send(payload(id));
    // One in flight and one waiting: the other three are dropped, not queued.
    expect(outcomes.filter((o) => o.outcome === "dropped")).toHaveLength(3);
    await expect.poll(() => slow.received.length).toBe(1);
    slow.release();
    await s.idle();
    expect(slow.received.map((x) => x.headers["x-backwatch-delivery"])).toEqual(["a", "b"]);
    expect(outcomes.filter((o) => o.outcome === "delivered")).toHaveLength(2);
  });

  it("sends each receiver its own format", async () => {
    const r = await receiver();
    const { s } = sender([target(r.url, "slack"), target(r.url, "teams"), target(r.url, "generic")]);
    s.send(payload("p6"));
    await s.idle();
    const bodies = r.received.map((x) => x.json as Record<string, unknown>);
    expect(bodies.find((b) => "blocks" in b)).toBeDefined();
    expect(bodies.find((b) => b.type === "message")).toBeDefined();
    expect(bodies.find((b) => b.version === 1)).toBeDefined();
  });
});
