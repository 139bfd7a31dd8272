import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { jobsDigest } from "@/lib/backups/digest";
import { watchMember } from "@/lib/backups/transitions";
import { JobSchema, type Job } from "@/lib/jobs/dto";
import { DEFAULT_STUCK } from "@/lib/jobs/stuck";
import { createBudget } from "@/lib/store/budget";
import { createMemoryStore } from "@/lib/store/memory-store";
import { createReadModel, type Resource } from "@/lib/store/read-model";
import type { Store } from "@/lib/store/store";
import { parseWebhookTarget, WEBHOOK_EVENTS, type WebhookEvent, type WebhookTarget } from "./config";
import { createNotifier, WATCHED } from "./notifier";
import { createSender } from "./sender";
import { signedBy, startReceiver, type Receiver } from "./testing/receiver";

const SECRET = "notifier-test-secret-0123456789";
const GROUP = "a".repeat(24);
const quiet = { warn: () => undefined, debug: () => undefined };
const open: Receiver[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

function exportJob(id: string, status: Job["status"], at: number): Job {
  const ended = status !== "running" && status !== "queued";
  return {
    kind: "export",
    id,
    groupId: GROUP,
    clusterName: "c1",
    status,
    rawState: status,
    deliveryType: null,
    snapshotId: null,
    startedAt: new Date(at - 60_000).toISOString(),
    finishedAt: ended ? new Date(at).toISOString() : null,
    durationMs: ended ? 60_000 : null,
    expiresAt: null,
    hasDownloadUrl: false,
    progress: { exported: 1, total: 4, percent: 25 },
    stateReason: null,
    exportBucketId: null,
    prefix: null,
    customData: [],
  } as Job;
}

/**
 * Two Backwatch instances on one store, each with its read model, notifier and sender, reading one
 * export list from an "Atlas" the test scripts. What a receiver gets is what a refresh made.
 */
async function deployment(events: readonly WebhookEvent[] = WEBHOOK_EVENTS) {
  let clock = Date.UTC(2026, 11, 1, 9);
  const now = () => clock;
  const store: Store = createMemoryStore({ now });
  const receiver = await startReceiver();
  open.push(receiver);
  const target = parseWebhookTarget(`generic=${receiver.url}/hook`) as WebhookTarget;
  const budget = createBudget({ capacity: 1200, refillPerMinute: 500, share: 1 });
  const atlas = { jobs: [] as Job[], fail: false };
  const res: Resource<{ jobs: Job[] }> = {
    key: `jobs:export:${GROUP}:c1`,
    scope: GROUP,
    shape: 1,
    schema: z.object({ jobs: z.array(JobSchema) }),
    url: "http://atlas.invalid",
    async load() {
      if (atlas.fail) throw new Error("Atlas is away");
      return { value: { jobs: atlas.jobs }, receivedAt: new Date(clock), calls: 1 };
    },
    freshForMs: () => 10_000,
    expectedCalls: () => 1,
    digest: jobsDigest,
  };
  const instance = (owner: string) => {
    const sender = createSender({
      targets: [target],
      secret: SECRET,
      timeoutMs: 2_000,
      retries: 1,
      minBackoffMs: 10,
      maxBackoffMs: 20,
      queueLimit: 10,
      concurrency: 1,
      log: quiet,
    });
    const notifier = createNotifier({
      store,
      sender,
      events,
      stuck: DEFAULT_STUCK,
      staleMs: 30 * 60_000,
      owner,
      publicUrl: "https://backwatch.example.com",
      projectName: async () => "Payments",
      log: quiet,
    });
    const pending: Promise<void>[] = [];
    const model = createReadModel({
      store,
      budget,
      owner,
      now,
      log: quiet,
      leaseMs: 30_000,
      waitMs: 2_000,
      failureRetryMs: 5_000,
      maxStaleMs: 30_000,
      retentionSeconds: 86_400,
      onDigest: (change) => void pending.push(notifier.handle(change)),
    });
    return {
      /** One refresh of the list, then whatever it queued delivered. */
      async refresh() {
        await model.refreshInBackground(res);
        await Promise.all(pending.splice(0));
        await sender.idle();
      },
    };
  };
  return { store, receiver, atlas, a: instance("a"), b: instance("b"), advance: (ms: number) => (clock += ms), now };
}

const bodies = (r: Receiver) => r.received.map((x) => x.json as Record<string, unknown>);

describe("webhooks from the collector's reads", () => {
  it("the first read is quiet; a job failed on the next read is one signed webhook, whichever instance reads", async () => {
    const d = await deployment();
    d.atlas.jobs = [
      exportJob("1".repeat(24), "running", d.now()),
      exportJob("2".repeat(24), "failed", d.now() - 60_000),
    ];
    await d.a.refresh();
    expect(d.receiver.received).toEqual([]);

    d.advance(10_000);
    d.atlas.jobs = [exportJob("1".repeat(24), "failed", d.now() - 1_000), d.atlas.jobs[1]!];
    await d.b.refresh();
    expect(d.receiver.received).toHaveLength(1);
    expect(signedBy(SECRET, d.receiver.received[0]!)).toBe(true);
    expect(bodies(d.receiver)[0]).toMatchObject({
      type: "job.finished",
      events: ["failed"],
      project: { id: GROUP, name: "Payments" },
      job: { id: "1".repeat(24), status: "failed" },
    });

    // Later reads by either instance: nothing new to say.
    d.advance(10_000);
    await d.a.refresh();
    d.advance(10_000);
    await d.b.refresh();
    expect(d.receiver.received).toHaveLength(1);
  });

  it("the same transition seen by both instances (a store outage, a restart) is sent once", async () => {
    const d = await deployment();
    d.atlas.jobs = [exportJob("3".repeat(24), "running", d.now())];
    await d.a.refresh();
    // Both instances compare against the same previous digest: as if each had refreshed it alone.
    const previous = await d.store.get(`d:jobs:export:${GROUP}:c1`);
    d.advance(10_000);
    d.atlas.jobs = [exportJob("3".repeat(24), "failed", d.now() - 1_000)];
    await d.a.refresh();
    await d.store.set(`d:jobs:export:${GROUP}:c1`, previous!, 3600);
    await d.b.refresh();
    expect(d.receiver.received).toHaveLength(1);
  });

  it("a watched job that completes is a watched-finished webhook; an unwatched one that completes says nothing", async () => {
    const d = await deployment();
    const [watched, other] = ["4".repeat(24), "5".repeat(24)];
    d.atlas.jobs = [exportJob(watched, "running", d.now()), exportJob(other, "running", d.now())];
    await d.a.refresh();
    await d.store.zadd(
      WATCHED,
      watchMember({ groupId: GROUP, clusterName: "c1", kind: "export" }, watched),
      d.now() + 3_600_000,
    );
    d.advance(10_000);
    d.atlas.jobs = [exportJob(watched, "completed", d.now() - 1_000), exportJob(other, "completed", d.now() - 1_000)];
    await d.b.refresh();
    expect(bodies(d.receiver)).toHaveLength(1);
    expect(bodies(d.receiver)[0]).toMatchObject({
      events: ["watched-finished"],
      job: { id: watched, status: "completed" },
    });
  });

  it("an expired watch is no watch", async () => {
    const d = await deployment();
    const id = "6".repeat(24);
    d.atlas.jobs = [exportJob(id, "running", d.now())];
    await d.a.refresh();
    await d.store.zadd(
      WATCHED,
      watchMember({ groupId: GROUP, clusterName: "c1", kind: "export" }, id),
      d.now() + 5_000,
    );
    d.advance(10_000);
    d.atlas.jobs = [exportJob(id, "completed", d.now() - 1_000)];
    await d.a.refresh();
    expect(d.receiver.received).toEqual([]);
  });

  it("only the events asked for are sent", async () => {
    const d = await deployment(["stuck"]);
    d.atlas.jobs = [exportJob("7".repeat(24), "running", d.now())];
    await d.a.refresh();
    d.advance(10_000);
    d.atlas.jobs = [exportJob("7".repeat(24), "failed", d.now() - 1_000)];
    await d.a.refresh();
    expect(d.receiver.received).toEqual([]);
  });

  it("a project whose reads fail past the stale limit is one stale webhook per outage", async () => {
    const d = await deployment();
    d.atlas.jobs = [exportJob("8".repeat(24), "completed", d.now() - 60_000)];
    await d.a.refresh();
    d.atlas.fail = true;
    for (let i = 0; i < 5; i++) {
      d.advance(10 * 60_000);
      await (i % 2 ? d.a : d.b).refresh();
    }
    expect(bodies(d.receiver).map((b) => b.type)).toEqual(["project.stale"]);
    // Read again, then another outage: a new message.
    d.atlas.fail = false;
    d.advance(60_000);
    await d.a.refresh();
    d.atlas.fail = true;
    d.advance(31 * 60_000);
    await d.b.refresh();
    expect(bodies(d.receiver).map((b) => b.type)).toEqual(["project.stale", "project.stale"]);
  });
});
