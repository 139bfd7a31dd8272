import "server-only";
import type { z } from "zod";
import { AtlasError } from "./errors";
import type { AtlasOperation } from "./operations";
import { ApiErrorSchema } from "./schemas/api-error";

/** An array value is sent as a repeated parameter (form style, explode), as Atlas's list filters take it. */
export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

export function buildUrl(baseUrl: string, op: AtlasOperation, params: Record<string, string>, query: Query = {}): URL {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`operation ${op.id}: missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/api/atlas/v2${path}`;
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (typeof value === "object") for (const item of value) url.searchParams.append(key, item);
    else url.searchParams.set(key, String(value));
  }
  return url;
}

export const acceptHeader = (version: string) => `application/vnd.atlas.${version}+json`;

/** Turns a non-2xx answer into AtlasError, keeping Atlas's own errorCode and detail. */
export function httpError(
  status: number,
  text: string,
  method: string,
  url: string,
  extra: { retryAfterSeconds?: number } = {},
): AtlasError {
  const body = ApiErrorSchema.safeParse(parseJson(text));
  return new AtlasError({
    kind: status === 401 ? "auth" : "http",
    status,
    errorCode: body.success ? (body.data.errorCode ?? null) : null,
    detail: body.success ? (body.data.detail ?? body.data.reason ?? null) : null,
    method,
    url,
    ...extra,
  });
}

/** Body text -> JSON -> the operation's schema; anything else is an invalid-response AtlasError. */
export function parseBody<S extends z.ZodType>(
  op: AtlasOperation<string, S>,
  status: number,
  text: string,
  url: string,
): z.infer<S> {
  const json = parseJson(text);
  const fail = (detail: string) => new AtlasError({ kind: "invalid-response", status, detail, method: op.method, url });
  if (json === undefined) throw fail(`${op.id}: response body is not JSON`);
  const result = op.schema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw fail(`${op.id}: response does not match the expected shape (${issues.join("; ")})`);
  }
  return result.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
