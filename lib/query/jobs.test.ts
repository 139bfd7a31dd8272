import { describe, expect, it } from "vitest";
import { jobKeys, jobListOptions } from "./jobs";

const scope = { kind: "restore" as const, groupId: "5f1e2d3c4b5a697887766554", clusterName: "payments-prod" };
const params = { status: [], page: 2, pageSize: 50, sort: "startedAt" as const, dir: "desc" as const };

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) =>
  prefix.every((part, i) => JSON.stringify(key[i]) === JSON.stringify(part));

describe("jobKeys", () => {
  it("nests list and detail keys under the scope, so one invalidation reaches every page", () => {
    expect(startsWith(jobKeys.list(scope, params), jobKeys.lists(scope))).toBe(true);
    expect(startsWith(jobKeys.lists(scope), jobKeys.scope(scope))).toBe(true);
    expect(startsWith(jobKeys.detail(scope, "a"), jobKeys.scope(scope))).toBe(true);
    expect(startsWith(jobKeys.scope(scope), jobKeys.all)).toBe(true);
  });
  it("keeps other clusters apart", () => {
    expect(startsWith(jobKeys.list({ ...scope, clusterName: "other" }, params), jobKeys.lists(scope))).toBe(false);
  });
});

describe("jobListOptions", () => {
  it("polls only when asked and keeps the previous page while the next loads", () => {
    expect(jobListOptions(scope, params).refetchInterval).toBe(false);
    expect(jobListOptions(scope, params, 30).refetchInterval).toBe(30_000);
    expect(typeof jobListOptions(scope, params).placeholderData).toBe("function");
  });
});
