import "server-only";
import type { z } from "zod";
import type { Budget } from "./budget";
import { currentFailure, decodeEntry, encodeEntry, errorOf, failureOf, type Entry, type Failure } from "./entry";
import type { Store } from "./store";

/** One thing Backwatch reads from Atlas: a list of one cluster's jobs, a project's clusters, ... */
export interface Resource<T> {
  key: string;
  /** The project whose Atlas budget the refresh spends; undefined for calls outside it (the project list). */
  scope?: string;
  /** Bumped when the stored value's shape changes. */
  shape: number;
  schema: z.ZodType<T>;
  /** For error messages only: the Atlas URL this resource reads. */
  url: string;
  /** Calls Atlas; `calls` is how many requests it took. */
  load(): Promise<{ value: T; receivedAt: Date; calls: number }>;
  /** How long a value stays fresh: short while jobs run, longer when all is quiet. */
  freshForMs(value: T): number;
  /** Atlas calls the next refresh is expected to cost (a list's pages), taken from the budget up front. */
  expectedCalls(value: T | undefined): number;
  /** A small summary kept beside the value (see Digest). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each resource names its own digest type
  digest?: Digest<T, any>;
}

/**
 * What a whole-estate reader needs of a value, stored beside it under `d:{key}` with the same
 * fetchedAt and failure: reading a thousand digests costs what reading a thousand full lists would not.
 * `make` sees the previous digest, so a digest can remember what changed between two reads.
 */
export interface Digest<T, D> {
  shape: number;
  schema: z.ZodType<D>;
  make(value: T, previous: D | undefined, at: number): D;
}

/** What a reader gets: the value, when Atlas sent it, and the failure if the last refresh failed. */
export interface Snapshot<T> {
  value: T;
  fetchedAt: Date;
  failure?: Failure;
}

export interface ReadModelConfig {
  store: Store;
  budget: Budget;
  owner: string;
  now?: () => number;
  log: { warn(obj: object, msg: string): void };
  /** A lease outlives the slowest refresh (timeout and retries) and frees itself if its holder dies. */
  leaseMs: number;
  /** How long a cold reader waits for another instance's refresh before giving up. */
  waitMs: number;
  /** Past its window by less than this, a value is served at once while it refreshes; older, the read waits. */
  maxStaleMs: number;
  /** Failure-only entries (nothing was ever read) are answered from the store this long before retrying. */
  failureRetryMs: number;
  /** Kept this long after the last good read, so a cold start after an outage still has something. */
  retentionSeconds: number;
  /** Told when a refresh this instance ran has ended (not one it left to the lease's holder), for metrics. */
  onRefresh?(info: { key: string; scope?: string; durationMs: number; error?: unknown }): void;
  /**
   * Told after this instance wrote a digest, with the one it replaced: what changed between two reads
   * (the webhooks' transitions). Only the lease's holder writes, so one instance is told per refresh.
   * `loaded` says the digest was made from a fresh answer, not carried over beside a failure.
   */
  onDigest?(change: DigestChange): void;
}

export interface DigestChange {
  key: string;
  scope?: string;
  previous: Entry<unknown> | null;
  next: Entry<unknown>;
  loaded: boolean;
  at: number;
}

export const DUE = "due";
export const VIEWED = "viewed";
const valueKey = (key: string) => `v:${key}`;
const digestKey = (key: string) => `d:${key}`;
const pauseKey = (scope: string) => `pause:${scope}`;
/** A value is being served stale: its last refresh failed after it was read. */
const ongoing = <T>(e: Entry<T> | null) => e?.value !== undefined && currentFailure(e) !== undefined;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createReadModel(config: ReadModelConfig) {
  const { store, budget, owner, log } = config;
  const now = config.now ?? Date.now;
  const inflight = new Map<string, Promise<void>>();

  // The last decoded entries by the exact stored text: a warm read of an unchanged entry skips the
  // inflate, parse and validation that otherwise dominate its cost. Bounded, oldest out first.
  const decodedCache = new Map<string, { raw: string; shape: number; entry: Entry<unknown> }>();
  const DECODED_MAX = 256;
  // Digests are read a whole estate at a time, so their cache holds every one (they are small).
  const digestCache = new Map<string, { raw: string; shape: number; entry: Entry<unknown> }>();
  const DIGESTS_MAX = 50_000;

  async function readEntry<T>(res: Resource<T>): Promise<Entry<T> | null> {
    const raw = await store.get(valueKey(res.key));
    const hit = decodedCache.get(res.key);
    if (raw !== null && hit && hit.raw === raw && hit.shape === res.shape) return hit.entry as Entry<T>;
    const decoded = decodeEntry(raw, res.shape, res.schema);
    if ("entry" in decoded) {
      decodedCache.delete(res.key);
      decodedCache.set(res.key, { raw: raw!, shape: res.shape, entry: decoded.entry });
      if (decodedCache.size > DECODED_MAX) decodedCache.delete(decodedCache.keys().next().value!);
      return decoded.entry;
    }
    if (decoded.miss !== "absent") log.warn({ key: res.key, miss: decoded.miss }, "store entry ignored");
    return null;
  }

  function decodeDigest<D>(key: string, raw: string | null, digest: Digest<unknown, D>): Entry<D> | null {
    if (raw === null) return null;
    const hit = digestCache.get(key);
    if (hit && hit.raw === raw && hit.shape === digest.shape) return hit.entry as Entry<D>;
    const decoded = decodeEntry(raw, digest.shape, digest.schema);
    if (!("entry" in decoded)) return null;
    digestCache.delete(key);
    digestCache.set(key, { raw, shape: digest.shape, entry: decoded.entry });
    if (digestCache.size > DIGESTS_MAX) digestCache.delete(digestCache.keys().next().value!);
    return decoded.entry;
  }

  /** The digest follows its value: made anew from a fresh load, carried over (with the failure) otherwise. */
  async function writeDigest<T>(res: Resource<T>, entry: Entry<T>, loaded: boolean) {
    const digest = res.digest;
    if (!digest) return;
    const previous = decodeDigest(res.key, await store.get(digestKey(res.key)), digest);
    const value =
      entry.value === undefined
        ? undefined
        : loaded || previous?.value === undefined
          ? digest.make(entry.value, previous?.value, now())
          : previous.value;
    const next = { shape: digest.shape, fetchedAt: entry.fetchedAt, value, failure: entry.failure };
    await store.set(digestKey(res.key), encodeEntry(next), config.retentionSeconds);
    try {
      config.onDigest?.({ key: res.key, scope: res.scope, previous, next, loaded, at: now() });
    } catch (error) {
      log.warn({ key: res.key, err: String(error) }, "digest listener failed");
    }
  }

  async function write<T>(res: Resource<T>, entry: Entry<T>, nextDue: number, loaded = false) {
    await store.set(valueKey(res.key), encodeEntry(entry), config.retentionSeconds);
    await writeDigest(res, entry, loaded);
    // Spread refreshes over a tenth of the window, so resources read together do not come due together.
    await store.zadd(DUE, res.key, nextDue + Math.floor(Math.random() * Math.max(1, (nextDue - now()) / 10)));
  }

  /** One refresh across all instances (the lease), within the project's budget and Atlas's Retry-After. */
  async function refresh<T>(res: Resource<T>, previous: Entry<T> | null): Promise<{ error?: unknown; held?: true }> {
    const lease = `lease:${res.key}`;
    if (!(await store.acquire(lease, owner, config.leaseMs))) return { held: true };
    try {
      const at = now();
      const keep = { shape: res.shape, fetchedAt: previous?.fetchedAt, value: previous?.value };
      const window = previous?.value !== undefined ? res.freshForMs(previous.value) : config.failureRetryMs;
      if (res.scope) {
        const pausedUntil = Number((await store.get(pauseKey(res.scope))) ?? 0);
        if (pausedUntil > at) {
          // An outage already on record keeps its start and Atlas's own code.
          const failure: Failure = ongoing(previous)
            ? previous!.failure!
            : {
                at,
                kind: "http",
                status: 429,
                errorCode: "RATE_LIMITED",
                detail: "Atlas asked Backwatch to wait (Retry-After)",
                retryAfterSeconds: Math.ceil((pausedUntil - at) / 1000),
              };
          await write(res, { ...keep, failure }, pausedUntil);
          return { error: errorOf(failure, res.url) };
        }
        const taken = await budget.take(res.scope, res.expectedCalls(previous?.value));
        if (!taken.ok) {
          const failure: Failure = {
            at,
            kind: "budget",
            status: 429,
            errorCode: "BACKWATCH_BUDGET",
            detail: null,
            retryAfterSeconds: Math.ceil(taken.retryAfterMs / 1000),
          };
          await write(res, { ...keep, failure }, at + taken.retryAfterMs);
          return { error: errorOf(failure, res.url) };
        }
      }
      try {
        const loaded = await res.load();
        if (res.scope) await budget.charge(res.scope, loaded.calls - res.expectedCalls(previous?.value));
        await write(
          res,
          { shape: res.shape, fetchedAt: loaded.receivedAt.getTime(), value: loaded.value },
          now() + res.freshForMs(loaded.value),
          true,
        );
        return {};
      } catch (error) {
        const failure = failureOf(error, now());
        // While a value is being served stale, `at` stays the first failure: "no answer since".
        if (ongoing(previous)) failure.at = previous!.failure!.at;
        if (res.scope && failure.status === 429) {
          // Every instance holds back this project's refreshes until Atlas's Retry-After has passed.
          const until = now() + (failure.retryAfterSeconds ?? 10) * 1000;
          await store.set(pauseKey(res.scope), String(until), Math.ceil((until - now()) / 1000) + 1);
        }
        // Gone for good: what was stored is not served again (the shared-tier sunset's details).
        const kept = failure.kind === "retired" ? { shape: res.shape } : keep;
        await write(res, { ...kept, failure }, now() + Math.max(window, (failure.retryAfterSeconds ?? 0) * 1000));
        return { error };
      }
    } finally {
      await store.release(lease, owner);
    }
  }

  /** Coalesces this instance's concurrent refreshes of one resource into one. */
  function refreshOnce<T>(res: Resource<T>, previous: Entry<T> | null): Promise<{ error?: unknown }> {
    const running = inflight.get(res.key) as Promise<{ error?: unknown }> | undefined;
    if (running) return running;
    const started = now();
    const promise = refresh(res, previous)
      .then((r) => {
        if (!r.held)
          config.onRefresh?.({ key: res.key, scope: res.scope, durationMs: now() - started, error: r.error });
        return r;
      })
      .finally(() => inflight.delete(res.key));
    inflight.set(res.key, promise as Promise<never>);
    return promise;
  }

  const snapshot = <T>(entry: Entry<T>): Snapshot<T> => ({
    value: entry.value as T,
    fetchedAt: new Date(entry.fetchedAt ?? 0),
    // A failure older than the value it sits beside has been recovered from.
    ...(currentFailure(entry) && { failure: entry.failure }),
  });

  /**
   * Fresh: from the store. Older than its window: from the store at once, refreshed in the
   * background. Never read: waits for Atlas (or for the instance already asking it).
   */
  async function read<T>(res: Resource<T>): Promise<Snapshot<T>> {
    void store.zadd(VIEWED, res.key, now()).catch(() => undefined);
    const entry = await readEntry(res);
    if (entry?.value !== undefined) {
      const late = now() - (entry.fetchedAt ?? 0) - res.freshForMs(entry.value);
      if (late < 0) return snapshot(entry);
      if (late < config.maxStaleMs) {
        void refreshOnce(res, entry).catch(() => undefined);
        return snapshot(entry);
      }
      // Too old to show without trying (nobody kept it fresh): wait for one refresh, and fall back to
      // what there is, marked with the failure, if Atlas does not answer.
      await refreshOnce(res, entry);
      const after = await readEntry(res);
      return snapshot(after?.value !== undefined ? after : entry);
    }
    if (entry?.failure && now() - entry.failure.at < config.failureRetryMs) throw errorOf(entry.failure, res.url);
    const { error } = await refreshOnce(res, entry);
    const deadline = now() + config.waitMs;
    for (;;) {
      const after = await readEntry(res);
      if (after?.value !== undefined) return snapshot(after);
      if (error) throw error;
      // Another instance's refresh failed since we looked.
      if (after?.failure && after.failure.at > (entry?.failure?.at ?? -1)) throw errorOf(after.failure, res.url);
      if (now() > deadline)
        throw errorOf(
          {
            at: now(),
            kind: "timeout",
            status: null,
            errorCode: null,
            detail: "another Backwatch instance is still reading this from Atlas",
          },
          res.url,
        );
      await sleep(100);
    }
  }

  /** For the scheduler: refresh a resource nobody is reading right now. */
  async function refreshInBackground<T>(res: Resource<T>): Promise<void> {
    await refreshOnce(res, await readEntry(res));
  }

  /** What the store holds for a resource, without asking Atlas or counting as a viewer. */
  function peek<T>(res: Resource<T>): Promise<Entry<T> | null> {
    return readEntry(res);
  }

  /** The digests of many resources in one store round trip (null: never read, or no digest yet). */
  async function peekDigests<D>(resources: readonly Resource<unknown>[]): Promise<(Entry<D> | null)[]> {
    const raws = await store.mget(resources.map((r) => digestKey(r.key)));
    return resources.map((r, i) => (r.digest ? decodeDigest<D>(r.key, raws[i] ?? null, r.digest) : null));
  }

  return { read, refreshInBackground, peek, peekDigests };
}

export type ReadModel = ReturnType<typeof createReadModel>;
