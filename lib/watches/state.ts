// What a watch means to its viewer: which outcome to tell, once; the notification's words and tag;
// the row's sentence. Pure and browser-safe: the server (which outcome) and the notifier share it.
import type { JobStatus, Stuck } from "@/lib/jobs/dto";
import { isTerminal } from "@/lib/jobs/status";
import type { Watch, WatchOutcome, WatchTarget } from "./dto";
import { JOB_KIND_ONE } from "@/lib/jobs/kind-words";

/** The member of the Store's `watched` set and of a user's own: one string per job. */
export const watchMember = (t: WatchTarget) => `${t.groupId}/${t.clusterName}/${t.kind}/${t.jobId}`;

export function parseWatchMember(member: string): WatchTarget | null {
  const [groupId, clusterName, kind, jobId, ...rest] = member.split("/");
  if (!groupId || !clusterName || !kind || !jobId || rest.length) return null;
  return { groupId, clusterName, kind: kind as WatchTarget["kind"], jobId };
}

/** A terminal status wins over stuck: a stuck job that then fails is told again, as failed. */
export function outcomeOf(status: JobStatus | null, stuck: Stuck | undefined): WatchOutcome | null {
  if (status !== null && isTerminal(status)) return status as WatchOutcome;
  return stuck ? "stuck" : null;
}

/** Still worth polling for: a watch with nothing to tell yet, or a stuck one that may still end. */
export const isOpen = (w: Watch) => w.outcome === null || w.outcome === "stuck";

const OUTCOME_WORD: Record<WatchOutcome, string> = {
  completed: "finished",
  failed: "failed",
  cancelled: "was cancelled",
  expired: "expired",
  stuck: "looks stuck",
};

/** "14:02 UTC": the watch is of today's jobs, so the time of day says when. */
export function clockUtc(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/**
 * What `new Notification(title, { body, tag })` shows. The tag is per job and outcome: every open
 * tab of the viewer shows the same one, and the browser keeps one notification per tag, not one per tab.
 */
export function notificationFor(w: Watch): { title: string; body: string; tag: string } {
  const outcome = w.outcome ?? "stuck";
  const when = outcome === "stuck" ? null : clockUtc(w.state.endedAt);
  const detail = outcome === "stuck" ? (w.state.stuck?.message ?? "stuck") : when ? `at ${when}` : null;
  return {
    title: `${JOB_KIND_ONE[w.kind]} on ${w.clusterName} ${OUTCOME_WORD[outcome]}`,
    body: [`Job ${w.jobId}`, detail].filter(Boolean).join(" · "),
    tag: `backwatch:${w.kind}:${w.jobId}:${outcome}`,
  };
}

/** How the viewer hears about it: a browser notification, or only this page. */
export type Delivery = "notification" | "page";

/** The row's sentence: "Watched — finished 14:02 UTC, you were notified". */
export function watchLine(w: Watch, delivery: Delivery): string {
  if (w.outcome === null)
    return w.state.read
      ? delivery === "notification"
        ? "Watching: you get a notification when it ends"
        : "Watching: this page tells you when it ends"
      : "Watching: not read from Atlas yet";
  const when = w.outcome === "stuck" ? null : clockUtc(w.state.endedAt);
  const what = `${w.outcome === "completed" ? "finished" : OUTCOME_WORD[w.outcome]}${when ? ` ${when}` : ""}`;
  const told = w.notified?.outcome === w.outcome;
  const how = !told ? "telling you now" : delivery === "notification" ? "you were notified" : "shown on this page";
  return `Watched — ${what}, ${how}`;
}

/**
 * What one tab announces on a new answer: every outcome it has not announced yet that is new to the
 * user (`notify`: this tab shows the browser notification and records it), or that another tab
 * recorded since this one opened (only the page says it: the browser already showed that tag).
 */
export function toAnnounce(
  watches: readonly Watch[],
  announced: ReadonlySet<string>,
  openedAt: number,
): { watch: Watch; tag: string; notify: boolean }[] {
  const out: { watch: Watch; tag: string; notify: boolean }[] = [];
  for (const watch of watches) {
    if (watch.outcome === null) continue;
    const { tag } = notificationFor(watch);
    if (announced.has(tag)) continue;
    const told = watch.notified?.outcome === watch.outcome;
    if (!told) out.push({ watch, tag, notify: true });
    else if (Date.parse(watch.notified!.at) >= openedAt) out.push({ watch, tag, notify: false });
  }
  return out;
}
