import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ErrorEnvelopeSchema } from "@/lib/jobs/dto";
import { AtlasError } from "@/lib/atlas/errors";
import { RetiredEndpointError } from "@/lib/atlas/tenant-deprecation";
import { ApiError, issuesOf, toErrorEnvelope } from "@/lib/server/errors";

const atlas = (init: Partial<ConstructorParameters<typeof AtlasError>[0]>) =>
  new AtlasError({ kind: "http", status: 500, method: "GET", url: "http://127.0.0.1:1/api/atlas/v2/groups", ...init });

describe("toErrorEnvelope", () => {
  it.each([
    [atlas({ status: 404, errorCode: "CLUSTER_NOT_FOUND", detail: "No cluster named x" }), 404, "NOT_FOUND"],
    [atlas({ status: 401, errorCode: "NOT_ORG_GROUP_CREDENTIALS" }), 502, "UPSTREAM_AUTH"],
    [atlas({ status: 403, errorCode: "IP_ADDRESS_NOT_ON_ACCESS_LIST" }), 502, "UPSTREAM_AUTH"],
    [atlas({ kind: "auth", status: 400, errorCode: "invalid_client" }), 502, "UPSTREAM_AUTH"],
    [atlas({ kind: "invalid-response", status: 200 }), 502, "UPSTREAM_BAD_RESPONSE"],
    [atlas({ kind: "timeout", status: null }), 504, "UPSTREAM_TIMEOUT"],
    [atlas({ kind: "network", status: null }), 502, "UPSTREAM_ERROR"],
    [atlas({ status: 500, errorCode: "UNEXPECTED_ERROR" }), 502, "UPSTREAM_ERROR"],
    [new ApiError("UNAUTHENTICATED", "x"), 401, "UNAUTHENTICATED"],
    [new ApiError("FORBIDDEN", "x"), 403, "FORBIDDEN"],
    [new Error("boom"), 500, "INTERNAL"],
  ])("maps %s to %i %s inside the one envelope", (error, status, code) => {
    const mapped = toErrorEnvelope(error);
    expect(mapped.status).toBe(status);
    expect(ErrorEnvelopeSchema.parse(mapped.body).error).toMatchObject({ status, code });
  });

  it("passes Atlas's errorCode and detail through", () => {
    const { body } = toErrorEnvelope(
      atlas({ status: 404, errorCode: "RESTORE_JOB_NOT_FOUND", detail: "No restore job with ID 1." }),
    );
    expect(body.error.atlas).toEqual({ errorCode: "RESTORE_JOB_NOT_FOUND", detail: "No restore job with ID 1." });
  });

  it("answers a retired endpoint with 410 RETIRED naming the sunset, and Atlas's own code beside it", () => {
    const mapped = toErrorEnvelope(
      new RetiredEndpointError(
        atlas({ status: 410, errorCode: "VERSION_GONE", detail: "Version 2023-01-01 is no longer available." }),
      ),
    );
    expect(mapped.status).toBe(410);
    const { error } = ErrorEnvelopeSchema.parse(mapped.body);
    expect(error).toMatchObject({
      status: 410,
      code: "RETIRED",
      atlas: { errorCode: "VERSION_GONE", detail: "Version 2023-01-01 is no longer available." },
    });
    expect(error.message).toContain("2026-01-22");
  });

  it("answers a 429 with 503 and Retry-After from Atlas", () => {
    const mapped = toErrorEnvelope(atlas({ status: 429, errorCode: "RATE_LIMITED", retryAfterSeconds: 17 }));
    expect(mapped.status).toBe(503);
    expect(mapped.headers["Retry-After"]).toBe("17");
    expect(mapped.body.error.retryAfterSeconds).toBe(17);
  });

  it("never leaks an unknown error's message", () => {
    const { body } = toErrorEnvelope(new Error("password=hunter2"));
    expect(JSON.stringify(body)).not.toContain("hunter2");
  });

  it("names the failing input in issues", () => {
    const parsed = z.object({ page: z.number() }).safeParse({ page: "x" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(issuesOf(parsed.error, "query")[0]?.path).toBe("query.page");
  });
});
