import "server-only";
import type { JobsDigest } from "@/lib/backups/digest";
import { jobListOf } from "@/lib/backups/resources";
import { jobTransitions, staleTransition, watchMember, type Transition } from "@/lib/backups/transitions";
import { WATCHED } from "@/lib/backups/watches";
import type { StuckSettings } from "@/lib/jobs/stuck";
import type { Entry } from "@/lib/store/entry";
import type { DigestChange } from "@/lib/store/read-model";
import type { Store } from "@/lib/store/store";
import { payloadOf } from "./bodies";
import type { WebhookEvent } from "./config";
import type { Sender } from "./sender";

// The Watch button's sorted set (lib/backups/watches.ts): member `${groupId}/${clusterName}/${kind}/${jobId}`, score = expiry (ms).
export { WATCHED };

/** How long a sent transition's id is remembered: longer than a digest keeps a finished job (7 days). */
const SENT_TTL_MS = 8 * 24 * 3_600_000;
/** A project's stale marker outlives any outage the store remembers (the read model keeps 24 h). */
const STALE_MARK_MS = 25 * 3_600_000;

export interface NotifierConfig {
  store: Store;
  sender: Sender;
  events: readonly WebhookEvent[];
  stuck: StuckSettings;
  staleMs: number;
  /** Whose `sent:` marks these are (the read model's owner): for reading a key's holder only. */
  owner: string;
  publicUrl?: string;
  projectName(groupId: string): Promise<string | null>;
  log: { warn(obj: object, msg: string): void };
}

/**
 * Turns what the collector wrote into webhooks: the read model's onDigest, on the instance that ran
 * the refresh. Each transition is claimed once across instances and restarts (`sent:{id}`, SET NX
 * with a TTL) before it is queued; claiming first means an instance that dies between claim and send
 * loses that one message rather than two instances both sending it.
 */
export function createNotifier(config: NotifierConfig) {
  const wanted = new Set(config.events);

  async function eventsOf(t: Transition): Promise<WebhookEvent[]> {
    if (t.type === "job.stuck") return wanted.has("stuck") ? ["stuck"] : [];
    if (t.type === "project.stale") return wanted.has("stale") ? ["stale"] : [];
    const events: WebhookEvent[] = [];
    if (t.job.status === "failed" && wanted.has("failed")) events.push("failed");
    if (wanted.has("watched-finished")) {
      const until = await config.store.zscore(WATCHED, watchMember(t.list, t.job.id));
      if (until !== null && until > t.at) events.push("watched-finished");
    }
    return events;
  }

  async function transitionsOf(change: DigestChange): Promise<Transition[]> {
    const list = jobListOf(change.key);
    if (!list) return [];
    const staleKey = `stale:${list.groupId}`;
    if (!change.loaded) {
      if (!wanted.has("stale")) return [];
      const t = staleTransition(list, change.next, change.at, config.staleMs);
      // One stale message per project at a time: the list that opens the outage holds the mark.
      return t && (await config.store.acquire(staleKey, change.key, STALE_MARK_MS)) ? [t] : [];
    }
    // Read again: the outage this list opened is over (compare-and-delete: only its own mark).
    if (wanted.has("stale")) await config.store.release(staleKey, change.key);
    return jobTransitions(
      list,
      change.previous as Entry<JobsDigest> | null,
      change.next as Entry<JobsDigest>,
      change.at,
      config.stuck,
    );
  }

  async function handle(change: DigestChange): Promise<void> {
    for (const t of await transitionsOf(change)) {
      const events = await eventsOf(t);
      if (events.length === 0) continue;
      if (!(await config.store.acquire(`sent:${t.id}`, config.owner, SENT_TTL_MS))) continue;
      const name = await config.projectName(t.list.groupId).catch(() => null);
      config.sender.send(payloadOf(t, events, name, config.publicUrl), t.at);
    }
  }

  return {
    /** For the read model's onDigest: returns at once; the work runs beside the refresh, never in it. */
    onDigest(change: DigestChange): void {
      void handle(change).catch((error) =>
        config.log.warn({ key: change.key, err: String(error) }, "webhooks: transition check failed"),
      );
    },
    handle,
  };
}
