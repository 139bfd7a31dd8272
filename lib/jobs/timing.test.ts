import { describe, expect, it } from "vitest";
import { objectIdDate } from "./object-id";
import { durationMs, toIso } from "./timing";

describe("objectIdDate", () => {
  it("reads the first 4 bytes as big-endian Unix seconds", () => {
    // 0x6817 3a40 = 1746352704 = 2025-05-04T09:58:24Z
    expect(objectIdDate("68173a40aaaaaaaaaaaaaaaa")?.toISOString()).toBe("2025-05-04T09:58:24.000Z");
    expect(objectIdDate("000000000000000000000000")?.getTime()).toBe(0);
  });
  it("rejects anything that is not a 24-hex ObjectId", () => {
    expect(objectIdDate("68173a40")).toBeNull();
    expect(objectIdDate("68173A40AAAAAAAAAAAAAAAA")).toBeNull();
  });
});

describe("toIso", () => {
  it("normalizes Atlas dates and drops junk", () => {
    expect(toIso("2025-05-04T09:42:00Z")).toBe("2025-05-04T09:42:00.000Z");
    expect(toIso("2025-05-04T11:42:00+02:00")).toBe("2025-05-04T09:42:00.000Z");
    expect(toIso("not a date")).toBeNull();
    expect(toIso(null)).toBeNull();
  });
});

describe("durationMs", () => {
  const now = new Date("2025-05-04T10:00:00Z");
  it("is finished minus started", () => {
    expect(durationMs("2025-05-04T09:00:00.000Z", "2025-05-04T09:30:00.000Z", "completed", now)).toBe(30 * 60_000);
  });
  it("runs to now for a job still going", () => {
    expect(durationMs("2025-05-04T09:00:00.000Z", null, "running", now)).toBe(60 * 60_000);
    expect(durationMs("2025-05-04T09:00:00.000Z", null, "queued", now)).toBe(60 * 60_000);
  });
  it("is null for a job that ended without a finish time, or never started", () => {
    expect(durationMs("2025-05-04T09:00:00.000Z", null, "cancelled", now)).toBeNull();
    expect(durationMs(null, "2025-05-04T09:30:00.000Z", "completed", now)).toBeNull();
  });
});
