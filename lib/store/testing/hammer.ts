import type { Store } from "@/lib/store/store";

/** Calls the store every few ms until stopped, collecting failures: what a page sees mid-outage. */
export function hammer(store: Store) {
  const failures: unknown[] = [];
  let calls = 0;
  let misses = 0;
  let running = true;
  const done = (async () => {
    for (let i = 0; running; i++) {
      try {
        await store.set(`h${i % 10}`, String(i), 60);
        const read = await store.get(`h${i % 10}`);
        // A miss is allowed, a wrong value never: a write to memory during the outage is dropped
        // when Redis rejoins, and the read after it may land on Redis (the read model reloads it).
        if (read === null) misses += 1;
        else if (read !== String(i)) failures.push(new Error(`read back ${read} instead of ${i}`));
        calls += 2;
      } catch (error) {
        failures.push(error);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const stop = () => {
    running = false;
    return done;
  };
  return { failures, calls: () => calls, misses: () => misses, stop };
}
