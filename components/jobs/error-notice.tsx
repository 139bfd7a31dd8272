"use client";

import { ApiError } from "@/lib/api-client";
import type { Stale } from "@/lib/jobs/dto";
import { Button } from "@/components/ui/button";

// A type check, not the zod schema: the schemas load after the page does, and this shows at once.
const isStale = (value: unknown): value is Stale =>
  typeof value === "object" && value !== null && typeof (value as Stale).since === "string" && "errorCode" in value;

function describe(error: unknown) {
  if (isStale(error)) {
    const s = error;
    return {
      code: s.status === 429 ? "RATE_LIMITED" : "UPSTREAM_ERROR",
      message: `Atlas has not answered since ${s.since.slice(11, 19)} UTC`,
      status: s.status ?? 0,
      atlas: s.errorCode ? { errorCode: s.errorCode, detail: s.detail } : undefined,
      retryAfterSeconds: s.retryAfterSeconds,
    };
  }
  if (error instanceof ApiError) {
    const { code, message, atlas, retryAfterSeconds, status } = error.envelope;
    return { code, message, status, atlas, retryAfterSeconds };
  }
  return {
    code: "INTERNAL",
    message: error instanceof Error ? error.message : "Unknown error",
    status: 0,
    atlas: undefined,
    retryAfterSeconds: undefined,
  };
}

/**
 * Shows Atlas's own errorCode and detail, because that is what a DBA searches for or quotes to support.
 * `error` is a failed request, or the `stale` mark of a response served from the store while Atlas
 * fails; `stale` means the data on screen is still the last good response.
 */
export function ErrorNotice({
  error,
  onRetry,
  stale = false,
}: {
  error: unknown;
  onRetry: () => void;
  stale?: boolean;
}) {
  const info = describe(error);
  return (
    <div
      role="alert"
      className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50"
    >
      <div className="flex flex-col gap-1">
        <p className="font-semibold">
          {stale ? "Refresh failed — showing stale data" : "Could not load"}: {info.message}
        </p>
        <p>
          <span className="font-mono">{info.code}</span>
          {info.status ? ` (HTTP ${info.status})` : ""}
          {info.atlas ? (
            <>
              {" · Atlas errorCode "}
              <span className="font-mono font-semibold">{info.atlas.errorCode}</span>
              {info.atlas.detail ? `: ${info.atlas.detail}` : ""}
            </>
          ) : null}
          {info.retryAfterSeconds !== undefined ? ` · retry after ${info.retryAfterSeconds} s` : ""}
        </p>
      </div>
      <Button variant="danger" onClick={onRetry}>
        Retry
      </Button>
    </div>
  );
}
