import "server-only";
import type { z } from "zod";
import { getSession, type Role, type Session } from "@/lib/server/auth/session";
import { bearerMatches } from "@/lib/server/bearer";
import { ApiError, issuesOf, toErrorEnvelope } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";

// Every body the API takes is a few ids; anything larger is a mistake or an attack.
const MAX_BODY_CHARS = 16_384;
const NO_STORE = { "Cache-Control": "no-store" } as const;

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

type Options<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  params?: P;
  query?: Q;
  /** A JSON request body (`Content-Type: application/json`), parsed like the params and query. */
  body?: B;
  /** Only operators may call the route; viewers get 403. */
  role?: Role;
  /** false only for health: every other route needs a session. */
  auth?: boolean;
  /**
   * Instead of a session, a caller presents this token (`Authorization: Bearer ...`); while it is
   * unset the route does not exist (404). Checked before anything else, so a wrong one costs nothing.
   */
  bearer?: () => string | undefined;
};

type Input<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  params: z.infer<P>;
  query: z.infer<Q>;
  body: z.infer<B>;
  session: Session | null;
};

/** Query string to a plain object; a repeated key becomes an array (`status=a&status=b`). */
function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    out[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  return out;
}

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): z.infer<S> {
  if (!schema) return undefined as z.infer<S>;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError("BAD_REQUEST", `Invalid ${where}`, issuesOf(parsed.error, where));
  return parsed.data;
}

/**
 * The body as JSON. Only `application/json` is read: a cross-site form cannot send it without a CORS
 * preflight, which this origin never grants, so a signed-in user's browser cannot be made to write.
 */
async function readBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type))
    throw new ApiError("BAD_REQUEST", "The body must be JSON (Content-Type: application/json)", [
      { path: "body", message: "expected Content-Type: application/json" },
    ]);
  const text = await request.text();
  if (text.length > MAX_BODY_CHARS)
    throw new ApiError("BAD_REQUEST", "The body is too large", [{ path: "body", message: "too large" }]);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("BAD_REQUEST", "The body is not valid JSON", [{ path: "body", message: "invalid JSON" }]);
  }
}

function checkBearer(token: string | undefined, request: Request): void {
  if (token === undefined) throw new ApiError("NOT_FOUND", "Not found");
  if (!bearerMatches(request.headers.get("authorization"), token))
    throw new ApiError("UNAUTHENTICATED", "A valid bearer token is required");
}

async function authorize(auth: boolean, role: Role | undefined): Promise<Session | null> {
  if (!auth) return null;
  const session = await getSession();
  if (!session) throw new ApiError("UNAUTHENTICATED", "Sign in to use the Backwatch API");
  if (role === "operator" && session.user.role !== "operator")
    throw new ApiError("FORBIDDEN", "This needs the operator role");
  return session;
}

/**
 * The one wrapper every API route goes through: session and role, params and query parsed with the
 * shared schemas before any upstream call, any failure mapped to the one error envelope, one log line.
 */
export function route<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
>(options: Options<P, Q, B>, handler: (input: Input<P, Q, B>) => Promise<unknown> | unknown) {
  return async function handle(request: Request, context: RouteContext): Promise<Response> {
    const started = performance.now();
    const url = new URL(request.url);
    let status = 500;
    let user: string | undefined;
    let failure: string | undefined;
    try {
      if (options.bearer) checkBearer(options.bearer(), request);
      const session = await authorize(!options.bearer && (options.auth ?? true), options.role);
      user = session?.user.name;
      const params = parse(options.params, await context.params, "params");
      const query = parse(options.query, queryObject(url), "query");
      const input = options.body ? parse(options.body, await readBody(request), "body") : undefined;
      const body = await handler({ params, query, body: input as z.infer<B>, session });
      // A handler that answers something other than JSON (the metrics text) builds its own response.
      if (body instanceof Response) {
        status = body.status;
        for (const [name, value] of Object.entries(NO_STORE)) body.headers.set(name, value);
        return body;
      }
      status = 200;
      return Response.json(body, { status, headers: NO_STORE });
    } catch (error) {
      const mapped = toErrorEnvelope(error);
      status = mapped.status;
      failure = mapped.body.error.atlas?.errorCode ?? mapped.body.error.code;
      // Unknown failures are ours: log what and where, but not the stack's data, which may hold request state.
      if (status === 500)
        logger().error(
          { err: { name: (error as Error)?.name, message: (error as Error)?.message } },
          "unhandled error",
        );
      const challenge: Record<string, string> =
        options.bearer && status === 401 ? { "WWW-Authenticate": 'Bearer realm="backwatch"' } : {};
      return Response.json(mapped.body, { status, headers: { ...NO_STORE, ...mapped.headers, ...challenge } });
    } finally {
      const durationMs = Math.round(performance.now() - started);
      logger().info({ method: request.method, path: url.pathname, status, durationMs, user, failure }, "request");
    }
  };
}
