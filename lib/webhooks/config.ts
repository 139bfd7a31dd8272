import "server-only";
import { z } from "zod";
import { isLoopbackUrl } from "@/lib/server/loopback";

/** What a receiver's body looks like: Slack's and Teams' incoming webhooks, or our own versioned JSON. */
export const WEBHOOK_FORMATS = ["slack", "teams", "generic"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** What can be sent: a job failed, a job flagged stuck, a watched job ended (any way), a project's data stale. */
export const WEBHOOK_EVENTS = ["failed", "stuck", "watched-finished", "stale"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookTarget {
  format: WebhookFormat;
  url: string;
  /** For logs and metrics: the URL's host only, since a Slack or Teams URL is itself a credential. */
  host: string;
}

const PREFIX = /^(slack|teams|generic)=/;

/**
 * One entry of BACKWATCH_WEBHOOK_URLS: `[format=]url`. Without a prefix a Slack incoming-webhook
 * host (hooks.slack.com) gets the Slack body and any other URL the generic one. https only, except on
 * a loopback address. Errors never repeat the entry: it may hold a token.
 */
export function parseWebhookTarget(entry: string): WebhookTarget | string {
  const prefix = PREFIX.exec(entry)?.[1] as WebhookFormat | undefined;
  const raw = prefix ? entry.slice(prefix.length + 1) : entry;
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:"))
    return "must be an http(s) URL, optionally prefixed slack=, teams= or generic=";
  if (url.protocol === "http:" && !isLoopbackUrl(raw)) return "must be https:// unless it is a loopback address";
  if (url.username || url.password) return "must not carry a user name or password";
  const format = prefix ?? (url.hostname === "hooks.slack.com" ? "slack" : "generic");
  return { format, url: url.toString(), host: url.host };
}

/** BACKWATCH_WEBHOOK_URLS, comma-separated: each entry checked, the first bad one named by position. */
export const WebhookUrlsSchema = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const entries = (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const targets: WebhookTarget[] = [];
    for (const [i, entry] of entries.entries()) {
      const target = parseWebhookTarget(entry);
      if (typeof target === "string") {
        ctx.addIssue({ code: "custom", message: `entry ${i + 1}: ${target}` });
        return z.NEVER;
      }
      targets.push(target);
    }
    return targets;
  });

export const WebhookEventsSchema = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(WEBHOOK_EVENTS, { error: `each entry must be one of ${WEBHOOK_EVENTS.join(", ")}` })))
  .transform((list) => (list.length ? [...new Set(list)] : [...WEBHOOK_EVENTS]));
