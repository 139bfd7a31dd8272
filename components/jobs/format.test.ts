import { describe, expect, it } from "vitest";
import { formatAgo, formatDuration, formatUtc } from "./format";

describe("formatUtc", () => {
  it("renders UTC regardless of the machine's zone", () => {
    expect(formatUtc("2026-01-22T03:04:05+02:00")).toBe("2026-01-22 01:04:05 UTC");
  });
  it("shows a dash for missing or invalid values", () => {
    expect(formatUtc(null)).toBe("—");
    expect(formatUtc("not a date")).toBe("—");
  });
});

describe("formatDuration", () => {
  it("picks units by magnitude", () => {
    expect(formatDuration(4_000)).toBe("4s");
    expect(formatDuration(125_000)).toBe("2m 5s");
    expect(formatDuration(3_723_000)).toBe("1h 2m 3s");
    expect(formatDuration(90_000_000)).toBe("1d 1h 0m");
  });
  it("refuses negatives and nulls", () => {
    expect(formatDuration(-1)).toBe("—");
    expect(formatDuration(null)).toBe("—");
  });
});

describe("formatAgo", () => {
  it("counts seconds then minutes", () => {
    expect(formatAgo(7)).toBe("7 s ago");
    expect(formatAgo(61)).toBe("1 min 1 s ago");
  });
});
