import { describe, expect, it } from "vitest";
import type { Job, JobListQuery } from "./dto";
import { applyListQuery, countByStatus, sortJobs } from "./list-query";
import { fakeJob as job } from "@/lib/testing/job-fixture";

const jobs = [
  job("1", "completed", "2025-01-01T00:00:00.000Z", "2025-01-01T01:00:00.000Z"),
  job("2", "failed", "2025-01-03T00:00:00.000Z", "2025-01-03T00:10:00.000Z"),
  job("3", "running", "2025-01-02T00:00:00.000Z"),
  job("4", "completed", null, "2025-01-05T00:00:00.000Z"),
  job("5", "queued", "2025-01-04T00:00:00.000Z"),
];
const query = (q: Partial<JobListQuery>): JobListQuery => ({
  status: [],
  page: 1,
  pageSize: 50,
  sort: "startedAt",
  dir: "desc",
  ...q,
});
const ids = (list: Job[]) => list.map((j) => Number(j.id));

describe("countByStatus", () => {
  it("counts every status, zeros included", () => {
    expect(countByStatus(jobs)).toEqual({
      queued: 1,
      running: 1,
      completed: 2,
      failed: 1,
      cancelled: 0,
      expired: 0,
      unknown: 0,
    });
  });
});

describe("sortJobs", () => {
  it("sorts by startedAt either way with nulls last", () => {
    expect(ids(sortJobs(jobs, "startedAt", "desc"))).toEqual([5, 2, 3, 1, 4]);
    expect(ids(sortJobs(jobs, "startedAt", "asc"))).toEqual([1, 3, 2, 5, 4]);
  });
  it("sorts by finishedAt with unfinished jobs last", () => {
    expect(ids(sortJobs(jobs, "finishedAt", "desc"))).toEqual([4, 2, 1, 5, 3]);
    expect(ids(sortJobs(jobs, "finishedAt", "asc"))).toEqual([1, 2, 4, 3, 5]);
  });
});

describe("applyListQuery", () => {
  it("filters by several statuses; counts stay over the whole list", () => {
    const result = applyListQuery(jobs, query({ status: ["completed", "failed"], sort: "startedAt", dir: "asc" }));
    expect(ids(result.items)).toEqual([1, 2, 4]);
    expect(result.totalCount).toBe(3);
    expect(result.counts.running).toBe(1);
  });
  it("pages after sorting, and a page past the end is empty", () => {
    expect(ids(applyListQuery(jobs, query({ pageSize: 2, page: 2 })).items)).toEqual([3, 1]);
    const past = applyListQuery(jobs, query({ pageSize: 2, page: 4 }));
    expect(past.items).toEqual([]);
    expect(past.totalCount).toBe(5);
  });
});

describe("a brushed time range", () => {
  const at = (h: number) => new Date(Date.parse("2026-01-01T00:00:00Z") + h * 3_600_000).toISOString();
  const brushed = [
    job("1", "completed", at(1), at(2)),
    job("2", "running", at(5)),
    job("3", "failed", at(8), at(9)),
    job("4", "queued", null),
  ];
  const base: JobListQuery = { status: [], page: 1, pageSize: 50, sort: "startedAt", dir: "asc" };

  it("lists the jobs that ran within it (a running job runs on), counts stay over the whole list", () => {
    const page = applyListQuery(brushed, { ...base, from: at(1.5), to: at(6) });
    expect(page.items.map((j) => j.id.slice(-1))).toEqual(["1", "2"]);
    expect(page.totalCount).toBe(2);
    expect(page.counts.failed).toBe(1);
    expect(applyListQuery(brushed, { ...base, from: at(7) }).items.map((j) => j.id.slice(-1))).toEqual(["2", "3"]);
  });
});
