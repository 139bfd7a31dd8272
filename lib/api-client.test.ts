import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, api, jobListSearch, jobsPath } from "./api-client";

const scope = { groupId: "5f1e2d3c4b5a697887766554", clusterName: "legacy-m5" };

afterEach(() => vi.unstubAllGlobals());

describe("jobsPath", () => {
  it("maps each job kind to its /api route", () => {
    expect(jobsPath({ ...scope, kind: "restore" })).toBe(
      `/api/projects/${scope.groupId}/clusters/legacy-m5/restore-jobs`,
    );
    expect(jobsPath({ ...scope, kind: "export" })).toBe(`/api/projects/${scope.groupId}/clusters/legacy-m5/exports`);
    expect(jobsPath({ ...scope, kind: "tenant-restore" })).toBe(
      `/api/projects/${scope.groupId}/clusters/legacy-m5/tenant-restores`,
    );
    expect(jobsPath({ ...scope, kind: "flex-restore" })).toBe(
      `/api/projects/${scope.groupId}/flex-clusters/legacy-m5/restore-jobs`,
    );
  });
});

describe("jobListSearch", () => {
  it("repeats status and keeps paging and sort", () => {
    expect(
      jobListSearch({ status: ["failed", "running"], page: 2, pageSize: 25, sort: "finishedAt", dir: "asc" }),
    ).toBe("status=failed&status=running&page=2&pageSize=25&sort=finishedAt&dir=asc");
  });
});

describe("api", () => {
  it("throws an ApiError carrying Atlas's errorCode from the envelope", async () => {
    const envelope = {
      error: {
        status: 502,
        code: "UPSTREAM_ERROR",
        message: "Atlas failed",
        atlas: { errorCode: "SERVICE_UNAVAILABLE", detail: "try later" },
      },
    };
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify(envelope), { status: 502 })),
    );
    const error = await api.projects().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).envelope.atlas?.errorCode).toBe("SERVICE_UNAVAILABLE");
    expect((error as ApiError).status).toBe(502);
  });

  it("rejects a 200 whose body breaks the contract", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify({ items: "nope" }), { status: 200 })),
    );
    const error = await api.projects().catch((e: unknown) => e);
    expect((error as ApiError).envelope.code).toBe("UPSTREAM_BAD_RESPONSE");
  });

  it("parses a valid project list", async () => {
    const body = {
      items: [{ id: scope.groupId, name: "Payments", orgId: "o", clusterCount: 5, createdAt: null }],
      fetchedAt: "2026-01-01T00:00:00.000Z",
    };
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify(body), { status: 200 })),
    );
    await expect(api.projects()).resolves.toEqual(body);
  });
});
