import "server-only";

export type AtlasErrorKind = "http" | "timeout" | "network" | "invalid-response" | "auth";

export interface AtlasErrorInit {
  kind: AtlasErrorKind;
  /** The HTTP status Atlas answered with; null when no response arrived (timeout, network). */
  status: number | null;
  errorCode?: string | null;
  detail?: string | null;
  method: string;
  /** Any URL: credentials in it are stripped before it is stored. */
  url: string;
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** The one error every Atlas call throws. Safe to log: it never holds credentials or tokens. */
export class AtlasError extends Error {
  override readonly name = "AtlasError";
  readonly kind: AtlasErrorKind;
  readonly status: number | null;
  readonly errorCode: string | null;
  readonly detail: string | null;
  readonly method: string;
  readonly url: string;
  readonly retryAfterSeconds?: number;

  constructor(init: AtlasErrorInit) {
    const url = redactUrl(init.url);
    const head = init.status === null ? init.kind : `${init.status}${init.errorCode ? ` ${init.errorCode}` : ""}`;
    super(`Atlas ${init.method} ${url} failed: ${head}${init.detail ? ` - ${init.detail}` : ""}`, {
      cause: init.cause,
    });
    this.kind = init.kind;
    this.status = init.status;
    this.errorCode = init.errorCode ?? null;
    this.detail = init.detail ?? null;
    this.method = init.method;
    this.url = url;
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export function isAtlasError(error: unknown): error is AtlasError {
  // By name, not instanceof: Next bundles pages and route handlers apart, each with its own copy of
  // this class, and the services one bundle built may throw to another bundle's handler.
  return error instanceof Error && error.name === "AtlasError" && "kind" in error && "status" in error;
}

/** Drops userinfo (user:password@) and the fragment; the query is kept because it names the page asked for. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = "";
    url.password = "";
    url.hash = "";
    return url.toString();
  } catch {
    return "[unparseable url]";
  }
}

/** A project outside BACKWATCH_PROJECT_ALLOWLIST looks exactly like a missing one, and costs no upstream call. */
export function projectNotFound(groupId: string, url: string): AtlasError {
  return new AtlasError({
    kind: "http",
    status: 404,
    errorCode: "GROUP_NOT_FOUND",
    detail: `No group with ID ${groupId} exists.`,
    method: "GET",
    url,
  });
}
