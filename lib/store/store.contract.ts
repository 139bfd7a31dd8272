// The behaviour every Store must share, run against each implementation (memory-store.test.ts,
// redis-store.test.ts) so the read model cannot tell which one it has. The sections live in contract/.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { leasesContract } from "@/lib/store/contract/leases";
import { sortedSetsContract } from "@/lib/store/contract/sorted-sets";
import { valuesContract } from "@/lib/store/contract/values";
import type { Store } from "@/lib/store/store";

export type ContractBackend = {
  /** A store on the shared backend under `prefix`: two opens with one prefix see the same data. */
  open(prefix: string): Store;
  /** Lets `ms` go by for TTLs and leases: an injected clock for memory, real time for Redis. */
  advance(ms: number): Promise<void>;
};

export type ContractContext = {
  /** A store under this test's own prefix (or `prefix`), closed after the test. */
  open(prefix?: string): Store;
  advance(ms: number): Promise<void>;
};

export function describeStoreContract(name: string, makeBackend: () => ContractBackend) {
  describe(`Store contract: ${name}`, () => {
    let backend: ContractBackend;
    let opened: Store[];
    let prefix: string;
    const ctx: ContractContext = {
      open(p = prefix) {
        const store = backend.open(p);
        opened.push(store);
        return store;
      },
      advance: (ms) => backend.advance(ms),
    };

    beforeEach(() => {
      backend = makeBackend();
      opened = [];
      prefix = `contract-${randomUUID()}`;
    });
    afterEach(async () => {
      await Promise.all(opened.map((s) => s.close()));
    });

    describe("values", () => valuesContract(ctx));
    describe("leases", () => leasesContract(ctx));
    describe("sorted sets", () => sortedSetsContract(ctx));

    describe("prefixes", () => {
      it("isolate two stores on one backend; one prefix opened twice shares its data", async () => {
        const [one, two, oneAgain] = [ctx.open(`${prefix}-1`), ctx.open(`${prefix}-2`), ctx.open(`${prefix}-1`)];
        await one.set("k", "from one", 60);
        await two.set("k", "from two", 60);
        expect(await one.get("k")).toBe("from one");
        expect(await oneAgain.get("k")).toBe("from one");
        expect(await one.acquire("lease", "a", 10_000)).toBe(true);
        expect(await two.acquire("lease", "b", 10_000)).toBe(true);
        await one.zadd("s", "m", 1);
        expect(await two.zcard("s")).toBe(0);
        await two.del("k");
        expect(await one.get("k")).toBe("from one");
      });
    });
  });
}
