import "server-only";
import type { Job } from "@/lib/jobs/dto";
import type { Transition } from "@/lib/backups/transitions";
import type { WebhookEvent, WebhookFormat } from "./config";
import { JOB_KIND_ONE } from "@/lib/jobs/kind-words";

/**
 * The generic body, version 1: the transition as a receiver's script needs it. Job fields are picked
 * one by one, never spread: a body never holds a download URL, a credential or a job's customData.
 */
export interface WebhookPayload {
  version: 1;
  id: string;
  type: Transition["type"];
  events: WebhookEvent[];
  /** When the collector's refresh saw the change. */
  detectedAt: string;
  project: { id: string; name: string | null };
  clusterName: string;
  job?: {
    kind: Job["kind"];
    id: string;
    status: Job["status"];
    rawState: string;
    deliveryType: string | null;
    startedAt: string | null;
    finishedAt: string | null;
    durationMs: number | null;
    reason?: { errorCode: string | null; message: string | null };
  };
  stuck?: { reason: string; message: string };
  stale?: { since: string; status: number | null; errorCode: string | null; detail: string | null };
  /** The job (or the cluster) in Backwatch, when its public URL (NEXTAUTH_URL) is known. */
  link: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

function jobOf(job: Job): NonNullable<WebhookPayload["job"]> {
  return {
    kind: job.kind,
    id: job.id,
    status: job.status,
    rawState: job.rawState,
    deliveryType: job.deliveryType,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    durationMs: job.durationMs,
    ...(job.kind === "export" && job.stateReason && { reason: job.stateReason }),
    // Atlas gives a collection restore a message and no code.
    ...(job.kind === "collection-restore" &&
      job.errorMessage && { reason: { errorCode: null, message: job.errorMessage } }),
  };
}

export function payloadOf(
  t: Transition,
  events: WebhookEvent[],
  projectName: string | null,
  publicUrl: string | undefined,
): WebhookPayload {
  const { groupId, clusterName, kind } = t.list;
  const path =
    t.type === "project.stale"
      ? `/projects/${groupId}/clusters/${encodeURIComponent(clusterName)}?tab=${kind}`
      : `/projects/${groupId}/clusters/${encodeURIComponent(clusterName)}?tab=${kind}&job=${t.job.id}`;
  return {
    version: 1,
    id: t.id,
    type: t.type,
    events,
    detectedAt: iso(t.at),
    project: { id: groupId, name: projectName },
    clusterName,
    ...(t.type !== "project.stale" && { job: jobOf(t.job) }),
    ...(t.type === "job.stuck" && { stuck: { reason: t.stuck.reason, message: t.stuck.message } }),
    ...(t.type === "project.stale" && {
      stale: {
        since: iso(t.since),
        status: t.failure.status,
        errorCode: t.failure.errorCode,
        detail: t.failure.detail,
      },
    }),
    link: publicUrl ? new URL(path, publicUrl).toString() : null,
  };
}

/** One line a person reads in a chat: what happened, to what, where. */
export function headline(p: WebhookPayload): string {
  const where = `${p.clusterName} (${p.project.name ?? p.project.id})`;
  if (p.type === "project.stale") {
    const code = p.stale?.errorCode ?? p.stale?.status ?? "no answer";
    return `Backwatch: data of project ${p.project.name ?? p.project.id} is stale since ${p.stale?.since} (${code})`;
  }
  const job = p.job!;
  const what = `${JOB_KIND_ONE[job.kind]} ${job.id} on ${where}`;
  if (p.type === "job.stuck") return `${what} looks stuck: ${p.stuck?.message}`;
  const watched = p.events.includes("watched-finished") ? " (watched)" : "";
  return `${what}${watched} ${job.status === "completed" ? "completed" : `ended ${job.status}`}`;
}

function details(p: WebhookPayload): Array<[string, string]> {
  const rows: Array<[string, string | null | undefined]> = [
    ["Status", p.job ? `${p.job.status} (${p.job.rawState})` : undefined],
    ["Reason", p.job?.reason ? [p.job.reason.errorCode, p.job.reason.message].filter(Boolean).join(": ") : undefined],
    ["Stuck", p.stuck?.message],
    ["Started", p.job?.startedAt],
    ["Finished", p.job?.finishedAt],
    ["Atlas", p.stale ? [p.stale.status, p.stale.errorCode, p.stale.detail].filter(Boolean).join(" ") : undefined],
  ];
  return rows.filter((r): r is [string, string] => Boolean(r[1]));
}

// Slack reads &, < and > as markup (`<!channel>` pings everyone): escape everything we did not write.
const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A Slack incoming webhook's body: `text` (the notification's fallback) plus one section of blocks. */
function slackBody(p: WebhookPayload) {
  const lines = [
    `*${slackEscape(headline(p))}*`,
    ...details(p).map(([k, v]) => `${k}: ${slackEscape(v)}`),
    ...(p.link ? [`<${p.link}|Open in Backwatch>`] : []),
  ];
  return { text: headline(p), blocks: [{ type: "section", text: { type: "mrkdwn", text: lines.join("\n") } }] };
}

/** A Teams incoming webhook's (or Workflows') body: a message with one Adaptive Card. */
function teamsBody(p: WebhookPayload) {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", size: "Medium", weight: "Bolder", wrap: true, text: headline(p) },
            { type: "FactSet", facts: details(p).map(([title, value]) => ({ title, value })) },
          ],
          ...(p.link && { actions: [{ type: "Action.OpenUrl", title: "Open in Backwatch", url: p.link }] }),
        },
      },
    ],
  };
}

/** The exact bytes sent (and signed) to a receiver of this format. */
export function bodyFor(format: WebhookFormat, p: WebhookPayload): string {
  if (format === "slack") return JSON.stringify(slackBody(p));
  if (format === "teams") return JSON.stringify(teamsBody(p));
  return JSON.stringify(p);
}
