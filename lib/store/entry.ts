import "server-only";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { z } from "zod";
import { AtlasError, isAtlasError } from "@/lib/atlas/errors";
import { RetiredEndpointError, isRetiredEndpointError } from "@/lib/atlas/tenant-deprecation";

/** Why the last refresh of a resource failed, as a viewer needs it: Atlas's own code, and when. */
export const FailureSchema = z.object({
  at: z.number(),
  /** `retired`: Atlas no longer serves this at all (the shared-tier sunset); nothing stored is served. */
  kind: z.enum(["http", "timeout", "network", "invalid-response", "auth", "budget", "retired"]),
  status: z.number().nullable(),
  errorCode: z.string().nullable(),
  detail: z.string().nullable(),
  retryAfterSeconds: z.number().optional(),
});
export type Failure = z.infer<typeof FailureSchema>;

/**
 * One resource in the store: the last good value with the time Atlas answered it, and the last
 * failure if it came after. `shape` is the resource's schema version: an entry of another shape
 * (written by an older build during a rolling deploy) is a miss, never served.
 */
const EntrySchema = z.object({
  shape: z.number().int(),
  fetchedAt: z.number().optional(),
  value: z.unknown().optional(),
  failure: FailureSchema.optional(),
});
export type Entry<T> = { shape: number; fetchedAt?: number; value?: T; failure?: Failure };

/** The failure still in force: newer than the value beside it (which is served stale), or with no value at all. */
export const currentFailure = (e: Pick<Entry<unknown>, "failure" | "fetchedAt">): Failure | undefined =>
  e.failure && e.failure.at >= (e.fetchedAt ?? 0) ? e.failure : undefined;

export type DecodeResult<T> = { entry: Entry<T> } | { miss: "absent" | "garbage" | "shape" | "invalid" };

// Entries are stored deflated (a 200-job list: ~115 KB of JSON, a tenth of that deflated), marked by
// a prefix; plain JSON is read too, so an entry is readable whichever way it was written.
const DEFLATED = "z1:";

function inflate(raw: string): string {
  return raw.startsWith(DEFLATED)
    ? inflateRawSync(Buffer.from(raw.slice(DEFLATED.length), "base64")).toString("utf8")
    : raw;
}

export function decodeEntry<T>(raw: string | null, shape: number, schema: z.ZodType<T>): DecodeResult<T> {
  if (raw === null) return { miss: "absent" };
  let json: unknown;
  try {
    json = JSON.parse(inflate(raw));
  } catch {
    return { miss: "garbage" };
  }
  const entry = EntrySchema.safeParse(json);
  if (!entry.success) return { miss: "garbage" };
  if (entry.data.shape !== shape) return { miss: "shape" };
  if (entry.data.value === undefined) return { entry: entry.data as Entry<T> };
  const value = schema.safeParse(entry.data.value);
  if (!value.success) return { miss: "invalid" };
  return { entry: { ...entry.data, value: value.data } };
}

export const encodeEntry = <T>(entry: Entry<T>): string =>
  DEFLATED + deflateRawSync(JSON.stringify(entry), { level: 1 }).toString("base64");

export function failureOf(error: unknown, now: number): Failure {
  if (isRetiredEndpointError(error)) {
    const { status, errorCode, detail } = error.upstream;
    return { at: now, kind: "retired", status, errorCode, detail };
  }
  if (isAtlasError(error)) {
    return {
      at: now,
      kind: error.kind,
      status: error.status,
      errorCode: error.errorCode,
      detail: error.detail,
      ...(error.retryAfterSeconds !== undefined && { retryAfterSeconds: error.retryAfterSeconds }),
    };
  }
  return {
    at: now,
    kind: "network",
    status: null,
    errorCode: null,
    detail: error instanceof Error ? error.message : "refresh failed",
  };
}

/** The stored failure as the error the route wrapper maps to the envelope (a 404 stays a 404). */
export function errorOf(failure: Failure, url: string): AtlasError | RetiredEndpointError {
  if (failure.kind === "retired") {
    return new RetiredEndpointError(
      new AtlasError({
        kind: "http",
        status: failure.status,
        errorCode: failure.errorCode,
        detail: failure.detail,
        method: "GET",
        url,
      }),
    );
  }
  if (failure.kind === "budget") {
    return new AtlasError({
      kind: "http",
      status: 429,
      errorCode: "BACKWATCH_BUDGET",
      detail: "Backwatch's share of this project's Atlas rate limit is spent for now",
      method: "GET",
      url,
      retryAfterSeconds: failure.retryAfterSeconds ?? 10,
    });
  }
  return new AtlasError({
    kind: failure.kind as Exclude<Failure["kind"], "budget" | "retired">,
    status: failure.status,
    errorCode: failure.errorCode,
    detail: failure.detail,
    method: "GET",
    url,
    ...(failure.retryAfterSeconds !== undefined && { retryAfterSeconds: failure.retryAfterSeconds }),
  });
}
