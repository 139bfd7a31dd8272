import { describe, expect, it } from "vitest";
import type { Job } from "@/lib/jobs/dto";
import { fakeJob } from "@/lib/testing/job-fixture";
import {
  deliveryLabel,
  dragRange,
  MIN_RANGE_MS,
  ticks,
  timeAt,
  timelineEvents,
  timelineLanes,
  visibleRange,
  xAt,
  zoomOut,
} from "./timeline-model";

const from = Date.parse("2026-01-01T00:00:00Z");
const to = Date.parse("2026-01-02T00:00:00Z");
const H = 3_600_000;
const at = (h: number) => new Date(from + h * H).toISOString();
const job = (
  id: string,
  kind: Job["kind"],
  delivery: string | null,
  start: number,
  end: number | null,
  status = "completed",
) =>
  ({
    ...fakeJob(id, status as Job["status"], at(start), end === null ? null : at(end)),
    kind,
    deliveryType: delivery,
  }) as Job;

describe("timelineLanes", () => {
  it("makes one lane per kind and delivery type, in the kinds' order, not one per job", () => {
    const lanes = timelineLanes(
      [
        { job: job("1", "export", null, 1, 2) },
        { job: job("2", "restore", "download", 1, 2) },
        { job: job("3", "restore", "automated", 3, 4) },
        { job: job("4", "restore", "automated", 5, 6) },
        { job: job("5", "restore", "pointInTime", 5, 6) },
      ],
      from,
      to,
    );
    expect(lanes.map((l) => [l.label, l.count])).toEqual([
      ["Restore · Automated", 2],
      ["Restore · Download", 1],
      ["Restore · Point in time", 1],
      ["Snapshot export", 1],
    ]);
  });

  it("stacks overlapping jobs in sub-rows and reuses a row once it is free (with the gap)", () => {
    const [lane] = timelineLanes(
      [
        { job: job("1", "restore", "automated", 1, 5) },
        { job: job("2", "restore", "automated", 2, 3) },
        { job: job("3", "restore", "automated", 3.5, 4) }, // row 2 is free again after job 2
        { job: job("4", "restore", "automated", 4.5, 6) },
        { job: job("5", "restore", "automated", 5, 7) }, // 5 starts where 1 ends: within the gap, not on row 1
      ],
      from,
      to,
      { gapMs: 0.25 * H },
    );
    expect(lane!.rows.map((r) => r.map((b) => b.job.id.slice(-1)))).toEqual([["1"], ["2", "3", "4"], ["5"]]);
  });

  it("past the last sub-row, puts a job on the row that frees first (drawn dense) and keeps every job", () => {
    const items = Array.from({ length: 10 }, (_, i) => ({
      job: job(String(i), "restore", "automated", 1 + i / 10, 20 - i),
    }));
    const [lane] = timelineLanes(items, from, to, { maxRows: 3 });
    expect(lane!.rows).toHaveLength(3);
    expect(lane!.rows.flat()).toHaveLength(10);
    expect(lane!.count).toBe(10);
  });

  it("runs a live job to the window's end, drops jobs outside the window and the unstarted", () => {
    const lanes = timelineLanes(
      [
        { job: job("1", "restore", "automated", 20, null, "running") },
        { job: job("2", "restore", "automated", -30, -29) },
        { job: { ...fakeJob("3", "queued", null), kind: "restore" } as Job },
      ],
      from,
      to,
    );
    expect(lanes.flatMap((l) => l.rows.flat()).map((b) => [b.job.id.slice(-1), b.end])).toEqual([["1", to]]);
    const [lane] = timelineLanes([{ job: job("1", "restore", "automated", 20, null, "running") }], from, to, {
      liveEnd: to - 3_600_000,
    });
    expect(lane!.rows[0]![0]!.end).toBe(to - 3_600_000);
  });

  it("a 7-day window of 1,200 overlapping restores stays a handful of rows", () => {
    const week = 7 * 24;
    const items = Array.from({ length: 1200 }, (_, i) => ({
      job: job(
        String(i),
        "restore",
        ["automated", "download", "pointInTime"][i % 3]!,
        (i / 1200) * week,
        (i / 1200) * week + 2,
      ),
    }));
    const lanes = timelineLanes(items, from, from + week * H);
    expect(lanes).toHaveLength(3);
    expect(lanes.reduce((n, l) => n + l.rows.length, 0)).toBeLessThanOrEqual(12);
    expect(lanes.reduce((n, l) => n + l.count, 0)).toBe(1200);
  });
});

describe("deliveryLabel", () => {
  it("reads camelCase and upper-case delivery types as words", () => {
    expect([deliveryLabel("pointInTime"), deliveryLabel("DOWNLOAD"), deliveryLabel(null)]).toEqual([
      "Point in time",
      "Download",
      "",
    ]);
  });
});

describe("timelineEvents", () => {
  const events = [
    { id: "a", type: "CPS_SNAPSHOT_SUCCESSFUL", at: at(2) },
    { id: "b", type: "CPS_OPLOG_BEHIND", at: at(1) },
    { id: "c", type: "CPS_SNAPSHOT_FAILED", at: at(30) },
    { id: "d", type: "ALERT_ACKNOWLEDGED", at: at(3) },
  ];

  it("keeps the window's backup events, oldest first, with their group", () => {
    expect(timelineEvents(events, from, to).map((e) => [e.id, e.group])).toEqual([
      ["b", "behind"],
      ["a", "snapshot"],
    ]);
  });

  it("filters by the groups chosen", () => {
    expect(timelineEvents(events, from, to, ["snapshot"]).map((e) => e.id)).toEqual(["a"]);
  });
});

describe("range math", () => {
  const r = { from, to };
  it("maps pixels to times and back", () => {
    expect(timeAt(500, 1000, r)).toBe(from + 12 * H);
    expect(xAt(from + 6 * H, 1000, r)).toBe(250);
    expect(xAt(from - H, 1000, r)).toBe(0);
  });

  it("turns a drag either way into an ordered range, and a click into none", () => {
    expect(dragRange(750, 250, 1000, r)).toEqual({ from: from + 6 * H, to: from + 18 * H });
    expect(dragRange(100, 102, 1000, r)).toBeNull();
  });

  it("widens a drag narrower than a minute to one minute around its middle", () => {
    const small = dragRange(0, 5, 1_000_000, r)!;
    expect(small.to - small.from).toBeGreaterThanOrEqual(MIN_RANGE_MS);
  });

  it("clamps a zoom to the window, and ignores one outside it", () => {
    expect(visibleRange(r, { from: from - H, to: from + H })).toEqual({ from, to: from + H });
    expect(visibleRange(r, { from: to + H, to: to + 2 * H })).toEqual(r);
  });

  it("zooms out twice as wide within the window, to none at the window", () => {
    expect(zoomOut({ from: from + 10 * H, to: from + 12 * H }, r)).toEqual({ from: from + 9 * H, to: from + 13 * H });
    expect(zoomOut({ from, to: from + 2 * H }, r)).toEqual({ from, to: from + 4 * H });
    expect(zoomOut({ from: from + 6 * H, to: from + 18 * H }, r)).toBeNull();
  });

  it("puts ticks on round UTC times", () => {
    const t = ticks(r, 1000);
    expect(t.length).toBeGreaterThan(3);
    expect(t.every((x) => x % H === 0)).toBe(true);
  });
});
