import { describe, expect, it } from "vitest";
import { fakeJob } from "@/lib/testing/job-fixture";
import type { Job } from "./dto";
import { documentProgress, estimateTimeLeft, exportProgress, progressFigure, progressMoving } from "./progress";

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
    expect(estimateTimeLeft({ at: 0, done: 10 }, { at: 60_000, done: 20 }, 50)).toBe(180_000);
  });
  it("is 0 once everything is exported", () => {
    expect(estimateTimeLeft({ at: 0, done: 10 }, { at: 1_000, done: 50 }, 50)).toBe(0);
  });
  it("is null without progress, without elapsed time or without a total", () => {
    expect(estimateTimeLeft({ at: 0, done: 10 }, { at: 60_000, done: 10 }, 50)).toBeNull();
    expect(estimateTimeLeft({ at: 60_000, done: 10 }, { at: 60_000, done: 20 }, 50)).toBeNull();
    expect(estimateTimeLeft({ at: 0, done: 0 }, { at: 60_000, done: 0 }, 0)).toBeNull();
  });
});

describe("documentProgress", () => {
  it("caps the percent at 100 when restored passes an estimated total", () => {
    expect(documentProgress(15_500, 20_000)).toEqual({ restored: 15_500, total: 20_000, percent: 77.5 });
    expect(documentProgress(1_210, 1_000)).toEqual({ restored: 1_210, total: 1_000, percent: 100 });
  });
  it("has no percent without a total, and no progress without either figure", () => {
    expect(documentProgress(0, 0)).toEqual({ restored: 0, total: 0, percent: null });
    expect(documentProgress(undefined, undefined)).toBeNull();
  });
});

describe("progressFigure and progressMoving", () => {
  const collectionRestore = (rawState: string, status: Job["status"]) =>
    ({
      ...fakeJob("c1", status, "2026-01-01T00:00:00Z"),
      kind: "collection-restore",
      rawState,
      progress: { restored: 40, total: 100, percent: 40 },
    }) as unknown as Job;
  it("measures collection restores in documents", () => {
    expect(progressFigure(collectionRestore("IN_PROGRESS", "running"))).toEqual({
      done: 40,
      total: 100,
      percent: 40,
      unit: "documents",
    });
    expect(progressFigure(fakeJob("f1", "running", "2026-01-01T00:00:00Z"))).toBeNull();
  });
  it("expects documents to move only while copying, not while indexes build", () => {
    expect(progressMoving(collectionRestore("IN_PROGRESS", "running"))).toBe(true);
    expect(progressMoving(collectionRestore("FINALIZING", "running"))).toBe(false);
    expect(progressMoving(collectionRestore("INITIALIZING", "queued"))).toBe(false);
  });
});
