// Writes JSON the way Atlas does: versioned content type on success, application/json on errors,
// `pretty` indentation, and the `envelope` wrapper for successes.
import type { ServerResponse } from "node:http";
import type { AtlasErrorResponse } from "./error-response";

export interface RenderFlags {
  pretty: boolean;
  envelope: boolean;
}

const COMMON_HEADERS = {
  "X-MongoDB-Service-Version": "gitHash=atlas-simulator; versionString=simulator",
  Server: "mdbws",
};

export function stringify(body: unknown, pretty: boolean): string {
  return pretty ? JSON.stringify(body, null, 2) : JSON.stringify(body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType: string,
  pretty: boolean,
  headers: Record<string, string> = {},
): void {
  const text = stringify(body, pretty);
  res.writeHead(status, {
    ...COMMON_HEADERS,
    ...headers,
    "Content-Type": contentType,
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

/** Successful entity or list. Lists already are an envelope, so `envelope` only adds `status` there. */
export function sendSuccess(
  res: ServerResponse,
  body: unknown,
  version: string,
  flags: RenderFlags,
  headers: Record<string, string>,
  isList: boolean,
  status = 200,
): void {
  let out = body;
  if (flags.envelope) out = isList ? { ...(body as object), status } : { status, content: body };
  sendJson(res, status, out, `application/vnd.atlas.${version}+json;charset=utf-8`, flags.pretty, headers);
}

export function sendNoContent(res: ServerResponse, version: string, headers: Record<string, string>): void {
  res.writeHead(204, {
    ...COMMON_HEADERS,
    ...headers,
    "Content-Type": `application/vnd.atlas.${version}+json;charset=utf-8`,
  });
  res.end();
}

// Errors are never enveloped and keep their real status line (Atlas docs, atlas/api/atlas-admin-api-ref:
// Envelopes describes successes only).
export function sendError(
  res: ServerResponse,
  error: AtlasErrorResponse,
  pretty: boolean,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, error.status, error.body(), "application/json", pretty, { ...headers, ...error.headers });
}
