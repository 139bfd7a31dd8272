import { describe, expect, it } from "vitest";
import { timelineBars, timelineLanes } from "./timeline";
import { fakeJob as job } from "@/lib/testing/job-fixture";

const from = Date.parse("2026-01-01T00:00:00Z");
const to = Date.parse("2026-01-02T00:00:00Z");

describe("timelineBars", () => {
  it("runs a live job to the window's end but a failed job without a finish time is a tick", () => {
    const bars = timelineBars(
      [job("1", "running", "2026-01-01T10:00:00Z", null), job("2", "failed", "2026-01-01T09:00:00Z", null)],
      from,
      to,
    );
    expect(bars.map((b) => [b.job.status, b.end - b.start])).toEqual([
      ["running", 14 * 3600_000],
      ["failed", 0],
    ]);
  });

  it("keeps jobs overlapping the window, drops the rest and the unstarted, newest first", () => {
    const bars = timelineBars(
      [
        job("1", "completed", "2025-12-31T23:00:00Z", "2026-01-01T01:00:00Z"),
        job("2", "completed", "2025-12-30T00:00:00Z", "2025-12-30T01:00:00Z"),
        job("3", "queued", null, null),
        job("4", "completed", "2026-01-01T05:00:00Z", "2026-01-01T06:00:00Z"),
      ],
      from,
      to,
    );
    expect(bars.map((b) => b.job.id.slice(-1))).toEqual(["4", "1"]);
  });
});

describe("timelineLanes", () => {
  const a = { key: "g/a", label: "a" };
  const b = { key: "g/b", label: "b" };
  const items = [
    { job: job("1", "completed", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z"), lane: a },
    { job: job("2", "failed", "2026-01-01T05:00:00Z", "2026-01-01T05:30:00Z"), lane: b },
    { job: job("3", "running", "2026-01-01T03:00:00Z"), lane: a },
    { job: job("4", "completed", "2025-12-01T03:00:00Z", "2025-12-01T04:00:00Z"), lane: { key: "g/c", label: "c" } },
  ];

  it("gives each cluster with a job in the window one lane, newest start first, with every bar of it", () => {
    const { lanes, bars, hidden } = timelineLanes(items, from, to);
    expect(lanes).toEqual([b, a]);
    expect(bars.map((bar) => [bar.job.id.slice(-1), bar.lane])).toEqual([
      ["2", "g/b"],
      ["3", "g/a"],
      ["1", "g/a"],
    ]);
    expect(hidden).toBe(0);
  });

  it("caps the lanes and says how many it left out", () => {
    const { lanes, bars, hidden } = timelineLanes(items, from, to, 1);
    expect(lanes).toEqual([b]);
    expect(bars).toHaveLength(1);
    expect(hidden).toBe(1);
  });
});
