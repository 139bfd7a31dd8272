import { readFileSync } from "node:fs";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { ClusterListSchema, JobListSchema } from "../../lib/jobs/dto";
import { signedBy, startReceiver, type Receiver, type Received } from "../../lib/webhooks/testing/receiver";
import { expect, test } from "../support/api-fixtures";
import { storageStatePath } from "../support/run-env";

// The two `next start` instances of this project share one Redis and send their webhooks to
// env.webhookUrl (playwright.config.ts); this spec is the receiver: a real HTTP server on that port.
// Their windows are 60 s, so one refresh window is a minute and a few seconds of jitter.
const WINDOW_MS = 60_000;

const jobIdOf = (r: Received) => (r.json as { job?: { id?: string } } | undefined)?.job?.id;

test.describe("webhooks from two instances on one Redis", () => {
  let receiver: Receiver;
  let apps: [APIRequestContext, APIRequestContext];
  test.beforeAll(async ({ env }) => {
    receiver = await startReceiver(env.webhookPort);
    const open = (baseURL: string) =>
      playwrightRequest.newContext({ baseURL, storageState: storageStatePath("operator") });
    apps = [await open(env.sharedAppUrls[0]!), await open(env.sharedAppUrls[1]!)];
  });
  test.afterAll(async () => {
    await Promise.all(apps.map((a) => a.dispose()));
    await receiver.close();
  });

  test("an export that fails between two reads is one signed webhook, retried past a 500", async ({ sim, fx, env }) => {
    test.setTimeout(4 * WINDOW_MS);
    // Not the showcase, whose exports other specs read; the last dedicated cluster of another project.
    const project = fx.projects.find((p) => p.id !== fx.showcase.groupId)!;
    const clusters = ClusterListSchema.parse(await (await apps[0].get(`/api/projects/${project.id}/clusters`)).json());
    const cluster = clusters.items.filter((c) => c.jobKinds.includes("export")).at(-1)!;
    const path = `/api/projects/${project.id}/clusters/${cluster.name}/exports`;
    const read = async (i: number) => JobListSchema.parse(await (await apps[i % 2]!.get(path)).json());

    // The first read of the list: quiet, whatever it holds.
    const first = await read(0);

    // Atlas at speed 60: queued 0 s, failed 30 simulated seconds in, well before the next read.
    const jobId = await sim.injectExport({
      groupId: project.id,
      clusterName: cluster.name,
      outcome: "Failed",
      runSeconds: 60,
    });
    // The receiver's first answer to this job is a 500: the sender must try again.
    let refused = 0;
    receiver.answerWhen((r) => (jobIdOf(r) === jobId && refused++ === 0 ? 500 : undefined));

    // Keep viewing the list (through both instances) so the collector keeps it on its schedule.
    const mine = () => receiver.received.filter((r) => jobIdOf(r) === jobId);
    let i = 0;
    await expect
      .poll(
        async () => {
          await read(++i);
          return mine().length;
        },
        { timeout: WINDOW_MS + 30_000, intervals: [1_000] },
      )
      .toBe(2);

    const [rejected, delivered] = mine() as [Received, Received];
    for (const r of [rejected, delivered]) {
      expect(signedBy(env.webhookSecret, r), "signed with BACKWATCH_WEBHOOK_SECRET").toBe(true);
      expect(r.path).toBe("/backwatch-hooks");
      expect(r.headers["x-backwatch-event"]).toBe("job.finished");
    }
    expect(signedBy("not-the-secret-at-all", delivered)).toBe(false);
    // The retry carries the same transition (same body, same delivery id), signed afresh.
    expect(delivered.body).toBe(rejected.body);
    const body = delivered.json as Record<string, unknown>;
    expect(delivered.headers["x-backwatch-delivery"]).toBe(body.id);
    expect(body).toMatchObject({
      version: 1,
      type: "job.finished",
      events: ["failed"],
      project: { id: project.id, name: project.name },
      clusterName: cluster.name,
      job: { kind: "export", id: jobId, status: "failed", rawState: "Failed", reason: { errorCode: "EXPORT_FAILED" } },
    });
    expect(delivered.body).not.toMatch(/https?:\/\/[^"]*(amazonaws|blob\.core|storage\.googleapis)/);
    expect(delivered.body).not.toContain(env.atlas.clientSecret);

    // From the refresh that saw it to the receiver: the figure for the closing note.
    const detectedAt = Date.parse(String(body.detectedAt));
    const latency = { firstAttemptMs: rejected.at - detectedAt, deliveredMs: delivered.at - detectedAt };
    test.info().annotations.push({ type: "webhook latency", description: JSON.stringify(latency) });
    console.log(`webhook latency from transition: ${JSON.stringify(latency)}`);

    // Exactly one: another refresh of the list by either instance sends nothing more.
    const seen = (await read(++i)).fetchedAt;
    expect(seen).not.toBe(first.fetchedAt);
    await expect
      .poll(async () => (await read(++i)).fetchedAt, { timeout: WINDOW_MS + 30_000, intervals: [1_000] })
      .not.toBe(seen);
    expect(mine()).toHaveLength(2);

    // Neither instance logged the signing secret.
    for (const n of [1, 2]) {
      const log = readFileSync(`${env.logDir}/server-redis-${n}.log`, "utf8");
      expect(log.includes(env.webhookSecret)).toBe(false);
    }
  });
});
