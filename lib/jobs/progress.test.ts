import { describe, expect, it } from "vitest";
import { estimateTimeLeft, exportProgress } from "./progress";

describe("exportProgress", () => {
  it("gives a percent with one decimal", () => {
    expect(exportProgress(1, 3)).toEqual({ exported: 1, total: 3, percent: 33.3 });
    expect(exportProgress(2, 3)).toEqual({ exported: 2, total: 3, percent: 66.7 });
    expect(exportProgress(7, 7)).toEqual({ exported: 7, total: 7, percent: 100 });
  });
  it("has no percent while the total is 0 or unknown", () => {
    expect(exportProgress(0, 0)).toEqual({ exported: 0, total: 0, percent: null });
    expect(exportProgress(4, undefined)).toEqual({ exported: 4, total: 0, percent: null });
    expect(exportProgress(undefined, undefined)).toBeNull();
  });
});

describe("estimateTimeLeft", () => {
  it("extrapolates the rate between two observations", () => {
    // 10 collections in 60 s, 30 to go => 180 s
    expect(estimateTimeLeft({ at: 0, exported: 10 }, { at: 60_000, exported: 20 }, 50)).toBe(180_000);
  });
  it("is 0 once everything is exported", () => {
    expect(estimateTimeLeft({ at: 0, exported: 10 }, { at: 1_000, exported: 50 }, 50)).toBe(0);
  });
  it("is null without progress, without elapsed time or without a total", () => {
    expect(estimateTimeLeft({ at: 0, exported: 10 }, { at: 60_000, exported: 10 }, 50)).toBeNull();
    expect(estimateTimeLeft({ at: 60_000, exported: 10 }, { at: 60_000, exported: 20 }, 50)).toBeNull();
    expect(estimateTimeLeft({ at: 0, exported: 0 }, { at: 60_000, exported: 0 }, 0)).toBeNull();
  });
});
