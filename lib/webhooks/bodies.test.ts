import { describe, expect, it } from "vitest";
import type { Transition } from "@/lib/backups/transitions";
import type { Job } from "@/lib/jobs/dto";
import { bodyFor, payloadOf } from "./bodies";

const GROUP = "b".repeat(24);
const job = {
  kind: "export",
  id: "c".repeat(24),
  groupId: GROUP,
  clusterName: "payments-analytics",
  status: "failed",
  rawState: "Failed",
  deliveryType: null,
  snapshotId: "d".repeat(24),
  startedAt: "2026-12-01T11:00:00.000Z",
  finishedAt: "2026-12-01T11:30:00.000Z",
  durationMs: 1_800_000,
  expiresAt: null,
  hasDownloadUrl: true,
  progress: { exported: 5, total: 10, percent: 50 },
  stateReason: { errorCode: "EXPORT_FAILED", message: "bucket <denied> & gone" },
  exportBucketId: "e".repeat(24),
  prefix: "exports/x",
  customData: [{ key: "ticket", value: "SECRET-IN-CUSTOM-DATA" }],
} as Job;
const failed: Transition = {
  type: "job.finished",
  id: "f".repeat(32),
  at: Date.UTC(2026, 11, 1, 11, 30, 5),
  list: { kind: "export", groupId: GROUP, clusterName: "payments-analytics" },
  job,
};

describe("webhook bodies", () => {
  const payload = payloadOf(failed, ["failed", "watched-finished"], "Payments", "https://backwatch.example.com");

  it("generic: a versioned JSON of the transition, with a link to the job and nothing it should not hold", () => {
    const body = JSON.parse(bodyFor("generic", payload));
    expect(body).toMatchObject({
      version: 1,
      id: failed.id,
      type: "job.finished",
      events: ["failed", "watched-finished"],
      detectedAt: "2026-12-01T11:30:05.000Z",
      project: { id: GROUP, name: "Payments" },
      clusterName: "payments-analytics",
      job: { kind: "export", id: job.id, status: "failed", reason: { errorCode: "EXPORT_FAILED" } },
      link: `https://backwatch.example.com/projects/${GROUP}/clusters/payments-analytics?tab=export&job=${job.id}`,
    });
    const text = JSON.stringify(body);
    for (const absent of ["SECRET-IN-CUSTOM-DATA", "customData", "hasDownloadUrl", "exportBucketId", "prefix"])
      expect(text).not.toContain(absent);
  });

  it("slack: text (the notification) plus a mrkdwn section, Atlas's words escaped", () => {
    const body = JSON.parse(bodyFor("slack", payload));
    expect(body.text).toContain(`Snapshot export ${job.id} on payments-analytics (Payments) (watched) ended failed`);
    expect(body.blocks).toEqual([{ type: "section", text: { type: "mrkdwn", text: expect.any(String) } }]);
    const section: string = body.blocks[0].text.text;
    expect(section).toContain("bucket &lt;denied&gt; &amp; gone");
    expect(section).toContain(`<${payload.link}|Open in Backwatch>`);
  });

  it("teams: a message with one Adaptive Card, facts and an open-URL action", () => {
    const body = JSON.parse(bodyFor("teams", payload));
    expect(body.type).toBe("message");
    expect(body.attachments).toHaveLength(1);
    const [card] = body.attachments;
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.content).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
    expect(card.content.body[0]).toMatchObject({ type: "TextBlock", text: expect.stringContaining("ended failed") });
    expect(card.content.body[1].facts).toContainEqual({
      title: "Reason",
      value: "EXPORT_FAILED: bucket <denied> & gone",
    });
    expect(card.content.actions).toEqual([{ type: "Action.OpenUrl", title: "Open in Backwatch", url: payload.link }]);
  });

  it("a stale project names the project and Atlas's answer, and has no job", () => {
    const stale = payloadOf(
      {
        type: "project.stale",
        id: "a".repeat(32),
        at: Date.UTC(2026, 11, 1, 12),
        list: failed.list,
        since: Date.UTC(2026, 11, 1, 11, 15),
        failure: { at: 0, kind: "http", status: 503, errorCode: "SERVICE_UNAVAILABLE", detail: "down" },
      },
      ["stale"],
      null,
      undefined,
    );
    expect(stale).toMatchObject({
      type: "project.stale",
      stale: { since: "2026-12-01T11:15:00.000Z", status: 503 },
      link: null,
    });
    expect(stale.job).toBeUndefined();
    expect(JSON.parse(bodyFor("slack", stale)).text).toBe(
      `Backwatch: data of project ${GROUP} is stale since 2026-12-01T11:15:00.000Z (SERVICE_UNAVAILABLE)`,
    );
  });
});
