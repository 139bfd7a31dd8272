import "server-only";
import { describe, expect, it } from "vitest";
import { createCoalescer } from "./coalesce";

describe("createCoalescer", () => {
  it("runs one load per key while it is in flight, and a new one afterwards", async () => {
    const coalesce = createCoalescer();
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([coalesce("k", load), coalesce("k", load), coalesce("other", load)])).toEqual([1, 1, 2]);
    expect(await coalesce("k", load)).toBe(3);
  });

  it("shares a failure and does not keep it", async () => {
    const coalesce = createCoalescer();
    const failing = () => Promise.reject(new Error("boom"));
    await expect(Promise.all([coalesce("k", failing), coalesce("k", failing)])).rejects.toThrow("boom");
    await expect(coalesce("k", async () => "ok")).resolves.toBe("ok");
  });
});
