import "server-only";
import { z } from "zod";
import type { Job } from "@/lib/jobs/dto";
import { isTerminal } from "@/lib/jobs/status";
import type { Entry } from "@/lib/store/entry";
import { ApiError } from "@/lib/server/errors";
import { DUE, VIEWED } from "@/lib/store/read-model";
import type { Store } from "@/lib/store/store";
import {
  MAX_WATCHES,
  WatchOutcomeSchema,
  type NotifiedBody,
  type Watch,
  type WatchList,
  type WatchTarget,
  type WatchedJobState,
} from "@/lib/watches/dto";
import { outcomeOf, parseWatchMember, watchMember } from "@/lib/watches/state";
import type { JobsDigest } from "./digest";
import { stuckFlags } from "./now";
import { jobListResource, type StoredJobList } from "./resources";
import type { BackupsDeps } from "./service";

/**
 * Every watched job of every user, member `${groupId}/${clusterName}/${kind}/${jobId}`, score the
 * latest expiry of any watch of it (ms). The webhooks read it ("a watched job finished"); a member
 * stays until its expiry even after the job ends or its watcher stops, since other users may watch it too.
 */
export const WATCHED = "watched";

/** A watch lasts this long after it is placed, and is renewed while its job is still going. */
export const WATCH_TTL_MS = 24 * 3_600_000;
/** Renewed when less than this is left, so a poll every 10 s does not rewrite it every time. */
const RENEW_BELOW_MS = 12 * 3_600_000;

// Per user (the key is a keyed hash of the session's stable id, never the name): a sorted set of
// members by expiry, and beside each member its record (when it was placed, what was shown).
const userSet = (user: string) => `watches:${user}`;
const recordKey = (user: string, member: string) => `watch:${user}:${member}`;

const RecordSchema = z.object({
  watchedAt: z.number(),
  expiresAt: z.number(),
  notified: z.object({ outcome: WatchOutcomeSchema, at: z.number() }).optional(),
});
type WatchRecord = z.infer<typeof RecordSchema>;

export interface WatchDeps {
  backups: BackupsDeps;
  store: Store;
  now?: () => number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const ttlSeconds = (expiresAt: number, now: number) => Math.max(1, Math.ceil((expiresAt - now) / 1000));

function parseRecord(raw: string | null): WatchRecord | null {
  if (raw === null) return null;
  try {
    const parsed = RecordSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function writeRecord(d: WatchDeps, user: string, member: string, record: WatchRecord, now: number) {
  await d.store.set(recordKey(user, member), JSON.stringify(record), ttlSeconds(record.expiresAt, now));
  await d.store.zadd(userSet(user), member, record.expiresAt);
  // The shared set keeps the latest expiry of anyone's watch of this job.
  const shared = await d.store.zscore(WATCHED, member);
  if (shared === null || shared < record.expiresAt) await d.store.zadd(WATCHED, member, record.expiresAt);
}

/** The user's live watches with their records, expired ones dropped first. */
async function readWatches(d: WatchDeps, user: string, now: number) {
  await d.store.ztrim(userSet(user), now);
  const members = await d.store.zdue(userSet(user), Number.MAX_SAFE_INTEGER, MAX_WATCHES * 2);
  const raws = await d.store.mget(members.map((m) => recordKey(user, m)));
  const out: { member: string; target: WatchTarget; record: WatchRecord }[] = [];
  members.forEach((member, i) => {
    const target = parseWatchMember(member);
    const record = parseRecord(raws[i] ?? null);
    if (target && record) out.push({ member, target, record });
  });
  return out;
}

const listOf = (d: WatchDeps, t: WatchTarget) => jobListResource(d.backups, t.kind, t.groupId, t.clusterName);

/** A job from what the store holds of its list: the digest (recent and running jobs), else the full list. */
async function findStored(d: WatchDeps, t: WatchTarget, digest: JobsDigest | undefined): Promise<Job | undefined> {
  const recent = digest?.jobs.find((j) => j.id === t.jobId);
  if (recent || !digest || !`,${digest.ids},`.includes(`,${t.jobId},`)) return recent;
  // Ended more than the digest's span ago: only the full stored list still has it.
  const entry = await d.backups.readModel.peek<StoredJobList>(listOf(d, t));
  return entry?.value?.jobs.find((j) => j.id === t.jobId);
}

/** The watched job as the store holds it: its list's digest (stuck rule and all), or nothing yet. */
function stateOf(
  d: WatchDeps,
  job: Job | undefined,
  entry: Entry<JobsDigest> | null | undefined,
  now: number,
): WatchedJobState {
  const digest = entry?.value;
  const stuck = job && digest ? stuckFlags([job], digest, now, d.backups.stuck).get(job.id) : undefined;
  return {
    read: digest !== undefined,
    status: job?.status ?? null,
    rawState: job?.rawState ?? null,
    ...(stuck && { stuck }),
    endedAt: job && isTerminal(job.status) ? job.finishedAt : null,
    fetchedAt: digest !== undefined && entry?.fetchedAt !== undefined ? iso(entry.fetchedAt) : null,
  };
}

/**
 * The user's watches with each job's state, from the store alone (no Atlas call). The lists of jobs
 * still going are marked viewed and kept on the schedule, so the collector keeps them fresh on its
 * own windows and budget while someone watches them.
 */
export async function listWatches(d: WatchDeps, user: string): Promise<WatchList> {
  const now = (d.now ?? Date.now)();
  const watches = await readWatches(d, user, now);
  const resources = watches.map((w) => listOf(d, w.target));
  const digests = await d.backups.readModel.peekDigests<JobsDigest>(resources as never);
  const items: Watch[] = [];
  const keep = new Set<string>();
  for (const [i, { member, target, record }] of watches.entries()) {
    const entry = d.backups.atlas.isProjectAllowed(target.groupId) ? digests[i] : null;
    const job = await findStored(d, target, entry?.value);
    const state = stateOf(d, job, entry, now);
    const outcome = outcomeOf(state.status, state.stuck);
    if (outcome === null || outcome === "stuck") {
      keep.add(resources[i]!.key);
      if (record.expiresAt - now < RENEW_BELOW_MS) {
        record.expiresAt = now + WATCH_TTL_MS;
        await writeRecord(d, user, member, record, now);
      }
    }
    items.push({
      ...target,
      watchedAt: iso(record.watchedAt),
      expiresAt: iso(record.expiresAt),
      state,
      outcome,
      notified: record.notified ? { outcome: record.notified.outcome, at: iso(record.notified.at) } : null,
    });
  }
  for (const key of keep) {
    await d.store.zadd(VIEWED, key, now);
    // A list nobody viewed for a while has left the schedule: put it back, due now.
    await d.store.zadd(DUE, key, now, { onlyIfAbsent: true });
  }
  items.sort((a, b) => b.watchedAt.localeCompare(a.watchedAt) || a.jobId.localeCompare(b.jobId));
  return { items, max: MAX_WATCHES, generatedAt: iso(now) };
}

/**
 * Watches a job (again: a second watch renews it). The project must be one the dashboard shows, and
 * the job must be in its list once the list has been read; a list not read yet is taken on trust.
 */
export async function addWatch(d: WatchDeps, user: string, target: WatchTarget): Promise<WatchList> {
  const now = (d.now ?? Date.now)();
  d.backups.atlas.assertProjectAllowed(target.groupId);
  const [entry] = await d.backups.readModel.peekDigests<JobsDigest>([listOf(d, target) as never]);
  const ids = entry?.value?.ids;
  if (ids !== undefined && !`,${ids},`.includes(`,${target.jobId},`))
    throw new ApiError("NOT_FOUND", `The ${target.kind} job list of ${target.clusterName} has no job ${target.jobId}`);
  const member = watchMember(target);
  const watches = await readWatches(d, user, now);
  const existing = watches.find((w) => w.member === member);
  if (!existing && watches.length >= MAX_WATCHES)
    throw new ApiError(
      "CONFLICT",
      `You are watching ${watches.length} jobs, the most one user may; stop watching one first`,
    );
  const record = { ...existing?.record, watchedAt: existing?.record.watchedAt ?? now, expiresAt: now + WATCH_TTL_MS };
  await writeRecord(d, user, member, record, now);
  return listWatches(d, user);
}

/** Stops watching; the shared `watched` set keeps the job until its expiry (another user may watch it). */
export async function removeWatch(d: WatchDeps, user: string, target: WatchTarget): Promise<WatchList> {
  const member = watchMember(target);
  await d.store.zrem(userSet(user), member);
  await d.store.del(recordKey(user, member));
  return listWatches(d, user);
}

/**
 * A tab showed this outcome's notification: record it server-side, so a reload or another tab does
 * not show it again. Unknown watches are a 404 (the watch ended or was never placed).
 */
export async function markNotified(d: WatchDeps, user: string, body: NotifiedBody): Promise<WatchList> {
  const now = (d.now ?? Date.now)();
  const { outcome, ...target } = body;
  const member = watchMember(target);
  const record = parseRecord(await d.store.get(recordKey(user, member)));
  if (!record || (await d.store.zscore(userSet(user), member)) === null)
    throw new ApiError("NOT_FOUND", `You are not watching ${target.kind} job ${target.jobId}`);
  if (record.notified?.outcome !== outcome) {
    record.notified = { outcome, at: now };
    await writeRecord(d, user, member, record, now);
  }
  return listWatches(d, user);
}
