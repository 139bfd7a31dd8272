import "server-only";
import { createHash } from "node:crypto";
import type { Job, JobKind, Stuck } from "@/lib/jobs/dto";
import { isTerminal } from "@/lib/jobs/status";
import type { StuckSettings } from "@/lib/jobs/stuck";
import { endedAt } from "@/lib/jobs/timing";
import { currentFailure, type Entry, type Failure } from "@/lib/store/entry";
import { watchMember as memberOf } from "@/lib/watches/state";
import type { JobsDigest } from "./digest";
import { stuckFlags } from "./now";

/** One job list, as its resource key names it. */
export interface ListRef {
  kind: JobKind;
  groupId: string;
  clusterName: string;
}

/**
 * What changed between two reads of one job list, as the webhooks tell it: a job that reached a
 * terminal state, a job newly flagged stuck, or a list whose data is older than the stale limit.
 * `id` is stable (the same change seen again, by another instance or after a restart, has the same
 * id), so the sender can send each once.
 */
export type Transition =
  | { type: "job.finished"; id: string; at: number; list: ListRef; job: Job }
  | { type: "job.stuck"; id: string; at: number; list: ListRef; job: Job; stuck: Stuck }
  | { type: "project.stale"; id: string; at: number; list: ListRef; since: number; failure: Failure };

/** The member a watched job is kept under in the store's `watched` set (the Watch button's contract). */
export const watchMember = (list: ListRef, jobId: string) =>
  memberOf({ groupId: list.groupId, clusterName: list.clusterName, kind: list.kind, jobId });

const idOf = (...parts: string[]) => createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 32);

/**
 * A job absent from the previous read that is terminal now started and ended between the two reads;
 * one that ended before the previous read (by more than Atlas's and our clocks may disagree) was
 * simply not listed then, and is not news.
 */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * The job transitions from the previous digest of a list to the one just made from a fresh read.
 * The first read of a list (no previous value) yields none: a new Backwatch must not flood its
 * receivers with the estate's history. Stuck uses the Now view's rule (stuckFlags), each digest at
 * the time it was read.
 */
export function jobTransitions(
  list: ListRef,
  previous: Entry<JobsDigest> | null,
  next: Entry<JobsDigest>,
  at: number,
  stuck: StuckSettings,
): Transition[] {
  const before = previous?.value;
  const now = next.value;
  if (!before || !now) return [];
  const readBefore = previous.fetchedAt ?? 0;
  const old = new Map(before.jobs.map((j) => [j.id, j]));
  const known = new Set(before.ids.split(","));
  const out: Transition[] = [];
  for (const job of now.jobs) {
    if (!isTerminal(job.status)) continue;
    const was = old.get(job.id);
    const became = was ? !isTerminal(was.status) : !known.has(job.id) && endedAt(job) >= readBefore - CLOCK_SLACK_MS;
    if (became) out.push({ type: "job.finished", id: idOf(watchMember(list, job.id), job.status), at, list, job });
  }
  const flaggedBefore = stuckFlags(before.jobs, before, readBefore, stuck);
  for (const [jobId, flag] of stuckFlags(now.jobs, now, next.fetchedAt ?? at, stuck)) {
    if (flaggedBefore.has(jobId)) continue;
    const job = now.jobs.find((j) => j.id === jobId)!;
    out.push({ type: "job.stuck", id: idOf(watchMember(list, jobId), "stuck"), at, list, job, stuck: flag });
  }
  return out;
}

/**
 * A project's data is stale when one of its lists has had no good read for `staleMs` while its
 * refreshes fail (or was never read and has failed that long). The id names the project and when
 * that list was last good; the sender keeps one such transition per project at a time (an outage
 * fails every list of a project at once, and one message says so).
 */
export function staleTransition(list: ListRef, next: Entry<unknown>, at: number, staleMs: number): Transition | null {
  const failure = currentFailure(next);
  if (!failure) return null;
  const since = next.fetchedAt ?? failure.at;
  if (at - since < staleMs) return null;
  return { type: "project.stale", id: idOf(list.groupId, "stale", String(since)), at, list, since, failure };
}
