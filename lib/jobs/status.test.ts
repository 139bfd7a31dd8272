import { describe, expect, it } from "vitest";
import { collectionRestoreStatus, exportStatus, isTerminal, restoreStatus, sharedTierStatus } from "./status";

describe("restoreStatus", () => {
  it("applies cancelled > failed > expired > finished > running", () => {
    expect(restoreStatus({ cancelled: true, failed: true, expired: true, finishedAt: "2025-01-01T00:00:00Z" })).toEqual(
      { status: "cancelled", rawState: "cancelled" },
    );
    expect(restoreStatus({ failed: true, expired: true, finishedAt: "2025-01-01T00:00:00Z" })).toEqual({
      status: "failed",
      rawState: "failed",
    });
    expect(restoreStatus({ expired: true, finishedAt: "2025-01-01T00:00:00Z" })).toEqual({
      status: "expired",
      rawState: "expired",
    });
    expect(restoreStatus({ finishedAt: "2025-01-01T00:00:00Z" })).toEqual({
      status: "completed",
      rawState: "finished",
    });
    expect(restoreStatus({ cancelled: false, failed: false, expired: false, finishedAt: null })).toEqual({
      status: "running",
      rawState: "in progress",
    });
  });
});

describe("exportStatus", () => {
  it.each([
    ["Queued", "queued"],
    ["InProgress", "running"],
    ["Successful", "completed"],
    ["Failed", "failed"],
    ["Cancelled", "cancelled"],
    ["Paused", "unknown"],
  ] as const)("%s -> %s", (state, status) => {
    expect(exportStatus(state)).toEqual({ status, rawState: state });
  });
  it("reports a missing state as unknown", () => {
    expect(exportStatus(undefined)).toEqual({ status: "unknown", rawState: "unknown" });
  });
});

describe("sharedTierStatus", () => {
  it.each([
    ["PENDING", "queued"],
    ["QUEUED", "queued"],
    ["RUNNING", "running"],
    ["FAILED", "failed"],
    ["COMPLETED", "completed"],
    ["CLOSED", "unknown"],
    ["completed", "unknown"],
  ] as const)("%s -> %s", (raw, status) => {
    expect(sharedTierStatus(raw)).toEqual({ status, rawState: raw });
  });
});

describe("collectionRestoreStatus", () => {
  it.each([
    ["INITIALIZING", "queued"],
    ["IN_PROGRESS", "running"],
    ["FINALIZING", "running"],
    ["SUCCESSFUL", "completed"],
    ["FAILED", "failed"],
    ["CANCELED", "cancelled"],
  ] as const)("maps %s to %s, keeping Atlas's word", (state, status) => {
    expect(collectionRestoreStatus(state)).toEqual({ status, rawState: state });
  });

  it("ends only on Atlas's three final states", () => {
    const terminal = ["INITIALIZING", "IN_PROGRESS", "FINALIZING", "SUCCESSFUL", "FAILED", "CANCELED"].filter((s) =>
      isTerminal(collectionRestoreStatus(s).status),
    );
    expect(terminal).toEqual(["SUCCESSFUL", "FAILED", "CANCELED"]);
  });

  it("calls a state it does not know (or none) unknown, never an error", () => {
    expect(collectionRestoreStatus("PAUSED")).toEqual({ status: "unknown", rawState: "PAUSED" });
    expect(collectionRestoreStatus("CANCELLED")).toEqual({ status: "unknown", rawState: "CANCELLED" });
    expect(collectionRestoreStatus(undefined)).toEqual({ status: "unknown", rawState: "unknown" });
  });
});
