import type { Store } from "@/lib/store/store";

/** Calls the store every few ms until stopped, collecting failures: what a page sees mid-outage. */
export function hammer(store: Store) {
  const failures: unknown[] = [];
  let calls = 0;
  let running = true;
  const done = (async () => {
    for (let i = 0; running; i++) {
      try {
        await store.set(`h${i % 10}`, String(i), 60);
        const read = await store.get(`h${i % 10}`);
        if (read !== String(i)) failures.push(new Error(`read back ${read} instead of ${i}`));
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
  return { failures, calls: () => calls, stop };
}
