import "server-only";
import { ZodError } from "zod";
import type { ErrorCode, ErrorEnvelope } from "@/lib/jobs/dto";
import { AtlasError, isAtlasError } from "@/lib/atlas/errors";
import { isRetiredEndpointError } from "@/lib/atlas/tenant-deprecation";

/** Thrown by the route wrapper and handlers for problems that are ours, not Atlas's. */
export class ApiError extends Error {
  constructor(
    readonly code: "BAD_REQUEST" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT",
    message: string,
    readonly issues?: Array<{ path: string; message: string }>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The one table: every error code and the HTTP status it answers with. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RETIRED: 410,
  UPSTREAM_AUTH: 502,
  UPSTREAM_BAD_RESPONSE: 502,
  UPSTREAM_ERROR: 502,
  RATE_LIMITED: 503,
  UPSTREAM_TIMEOUT: 504,
  INTERNAL: 500,
};

// Atlas sends Retry-After on 429 nearly always; a minute is its usual window when it does not.
const DEFAULT_RETRY_AFTER_SECONDS = 60;

export function issuesOf(error: ZodError, prefix: string): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    message: issue.message,
  }));
}

function atlasCode(error: AtlasError): { code: ErrorCode; message: string } {
  if (error.kind === "timeout") return { code: "UPSTREAM_TIMEOUT", message: "Atlas did not answer in time" };
  if (error.kind === "auth" || error.status === 401 || error.status === 403)
    return {
      code: "UPSTREAM_AUTH",
      message: "Atlas rejected Backwatch's API credential; check its roles and access list",
    };
  if (error.kind === "invalid-response")
    return { code: "UPSTREAM_BAD_RESPONSE", message: "Atlas answered with something Backwatch does not understand" };
  if (error.status === 404) return { code: "NOT_FOUND", message: "Atlas has no such project, cluster or job" };
  if (error.status === 429)
    return { code: "RATE_LIMITED", message: "Atlas is rate-limiting Backwatch; try again shortly" };
  return { code: "UPSTREAM_ERROR", message: "Atlas could not answer the request" };
}

/** Maps anything thrown while serving a request to the one error envelope and its status. */
export function toErrorEnvelope(error: unknown): {
  status: number;
  body: ErrorEnvelope;
  headers: Record<string, string>;
} {
  if (error instanceof ApiError) {
    const status = STATUS_BY_CODE[error.code];
    return {
      status,
      headers: {},
      body: {
        error: { status, code: error.code, message: error.message, ...(error.issues && { issues: error.issues }) },
      },
    };
  }
  if (isRetiredEndpointError(error)) {
    const status = STATUS_BY_CODE.RETIRED;
    const { errorCode, detail } = error.upstream;
    const atlas = errorCode ? { errorCode, detail } : undefined;
    return {
      status,
      headers: {},
      body: { error: { status, code: "RETIRED", message: error.message, ...(atlas && { atlas }) } },
    };
  }
  if (isAtlasError(error)) {
    const { code, message } = atlasCode(error);
    const status = STATUS_BY_CODE[code];
    const retryAfterSeconds =
      code === "RATE_LIMITED" ? (error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) : undefined;
    const atlas = error.errorCode ? { errorCode: error.errorCode, detail: error.detail ?? null } : undefined;
    return {
      status,
      headers: retryAfterSeconds === undefined ? {} : { "Retry-After": String(retryAfterSeconds) },
      body: {
        error: {
          status,
          code,
          message,
          ...(atlas && { atlas }),
          ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
        },
      },
    };
  }
  const status = STATUS_BY_CODE.INTERNAL;
  return {
    status,
    headers: {},
    body: { error: { status, code: "INTERNAL", message: "Backwatch failed to serve this request" } },
  };
}
