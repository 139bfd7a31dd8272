import "server-only";
import { describe, expect, it } from "vitest";
import { createRateGate, parseRetryAfter } from "./rate-gate";

describe("parseRetryAfter", () => {
  it("reads seconds or an HTTP date, and falls back when absent", () => {
    expect(parseRetryAfter("55")).toBe(55);
    expect(parseRetryAfter(new Date(1_000_000 + 30_000).toUTCString(), 1_000_000)).toBe(30);
    expect(parseRetryAfter(null)).toBe(10);
    expect(parseRetryAfter("soon")).toBe(10);
  });
});

describe("createRateGate", () => {
  it("holds one scope, fails fast past the deadline, and leaves others open", async () => {
    let now = 0;
    const gate = createRateGate(() => now);
    gate.close("a", 30);
    const tooLate = (s: number) => new Error(`retry in ${s}`);
    await expect(gate.pass("a", 10_000, tooLate)).rejects.toThrow("retry in 30");
    await expect(gate.pass("b", 10_000, tooLate)).resolves.toBeUndefined();
    now = 30_000;
    await expect(gate.pass("a", 40_000, tooLate)).resolves.toBeUndefined();
  });
});
