import "server-only";
import pLimit from "p-limit";
import { DUE, VIEWED, type ReadModel, type Resource } from "./read-model";
import type { Store } from "./store";

export interface SchedulerConfig {
  store: Store;
  readModel: ReadModel;
  /** Rebuilds a resource from its key: the schedule holds keys, not closures. */
  resolve(key: string): Resource<unknown> | null;
  /** A resource nobody has asked for in this long leaves the schedule. */
  watchMs: number;
  tickMs: number;
  /** Resources refreshed at once per tick (per instance); the budget bounds the calls. */
  concurrency: number;
  /** Due resources taken per tick. */
  batch: number;
  now?: () => number;
  log: { warn(obj: object, msg: string): void };
  /** Keys kept on the schedule whether or not anyone watches (the whole-estate view adds every cluster). */
  pinned?: () => Iterable<string> | Promise<Iterable<string>>;
}

/**
 * Keeps watched resources fresh on their own windows, so viewers read the store rather than wait.
 * The schedule is a sorted set of due times in the store: with Redis every instance takes from the
 * same one, and the read model's lease makes sure one of them refreshes each resource.
 */
export function createScheduler(config: SchedulerConfig) {
  const now = config.now ?? Date.now;
  const limit = pLimit(config.concurrency);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function tick(): Promise<number> {
    const at = now();
    await config.store.ztrim(VIEWED, at - config.watchMs);
    const pinned = new Set((await config.pinned?.()) ?? []);
    const due = await config.store.zdue(DUE, at, config.batch);
    const work = due.map((key) =>
      limit(async () => {
        const watched = pinned.has(key) || (await config.store.zscore(VIEWED, key)) !== null;
        const res = watched ? config.resolve(key) : null;
        if (!res) return void (await config.store.zrem(DUE, key));
        await config.readModel.refreshInBackground(res);
      }),
    );
    const results = await Promise.allSettled(work);
    for (const r of results)
      if (r.status === "rejected") config.log.warn({ err: String(r.reason) }, "scheduled refresh failed");
    return due.length;
  }

  return {
    tick,
    start() {
      // A full batch means more is due (a cold estate): take the next at once rather than a tick later.
      const drain = async () => {
        while ((await tick()) >= config.batch && timer);
      };
      timer ??= setInterval(() => {
        // One tick at a time: a slow Atlas must not pile ticks on top of each other.
        running ??= drain()
          .catch((error) => config.log.warn({ err: String(error) }, "scheduler tick failed"))
          .then(() => undefined)
          .finally(() => (running = undefined));
      }, config.tickMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
