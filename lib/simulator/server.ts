// The HTTP front: control routes, counters, injected faults, OAuth, then the Atlas API router.
import type { IncomingMessage, ServerResponse } from "node:http";
import FindMyWay from "find-my-way";
import { handleRevoke, handleToken } from "./auth/oauth";
import { handleControl } from "./control/control-routes";
import { dispatch } from "./dispatch";
import { readBody } from "./http/body";
import { AtlasErrorResponse, defaultError, resourceNotFound } from "./http/error-response";
import { sendError } from "./http/respond";
import { bucketConfigs, rateLimitedError } from "./rate-limit/limiter";
import { API } from "./render/context";
import { OPERATIONS } from "./routes/operations";
import type { Operation } from "./routes/types";
import type { SimState } from "./state";
import type { FaultSpec } from "./control/faults";

const METHODS = ["GET", "POST", "DELETE", "PUT", "PATCH"] as const;

function buildRouter() {
  const router = FindMyWay({ ignoreTrailingSlash: true, ignoreDuplicateSlashes: false });
  for (const op of OPERATIONS) router.on(op.method, `${API}${op.path}`, () => undefined, op);
  return router;
}

function faultError(state: SimState, fault: FaultSpec & { status: number }, resourcePath: string): AtlasErrorResponse {
  if (fault.status === 429) {
    const retry = fault.retryAfterSeconds ?? 60;
    const config = bucketConfigs(state.options.rateLimit)["cloud-backups"];
    const e = rateLimitedError(resourcePath, retry, config, {
      "RateLimit-Limit": String(config.capacity),
      "RateLimit-Remaining": "0",
    });
    return fault.errorCode ? new AtlasErrorResponse(429, fault.errorCode, e.detail, e.parameters, e.headers) : e;
  }
  const e = defaultError(fault.status, fault.errorCode);
  const headers: Record<string, string> = { ...e.headers };
  if (fault.retryAfterSeconds !== undefined) headers["Retry-After"] = String(fault.retryAfterSeconds);
  if (fault.status === 401) headers["WWW-Authenticate"] = state.digest.challenge();
  return new AtlasErrorResponse(e.status, e.errorCode, e.detail, e.parameters, headers);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createRequestHandler(state: SimState) {
  const router = buildRouter();
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? "GET").toUpperCase();
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://simulator.invalid");
    } catch {
      url = new URL("http://simulator.invalid/");
    }
    const pathname = url.pathname;
    const pretty = url.searchParams.get("pretty")?.toLowerCase() === "true";
    try {
      const raw = await readBody(req);
      if (state.options.control && pathname.startsWith("/__simulator/"))
        return handleControl(state, method, pathname, raw, res);
      res.on("close", () => state.counters.record(method, pathname, res.writableFinished ? res.statusCode : "dropped"));

      const fault = state.faults.take(method, pathname);
      if (fault?.latencyMs) await sleep(fault.latencyMs);
      if (fault?.drop) {
        req.socket.destroy();
        return;
      }
      if (fault?.body !== undefined) {
        res.writeHead(fault.status ?? 200, {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(fault.body),
        });
        res.end(fault.body);
        return;
      }
      if (fault?.status)
        return sendError(
          res,
          faultError(state, { ...fault, status: fault.status }, pathname.replace(/^\/+/, "")),
          pretty,
        );

      if (pathname === "/api/oauth/token" || pathname === "/api/oauth/revoke") {
        if (method !== "POST")
          throw new AtlasErrorResponse(
            405,
            "METHOD_NOT_ALLOWED",
            `Method ${method} is not allowed for ${pathname}.`,
            [method],
            { Allow: "POST" },
          );
        return pathname.endsWith("token") ? handleToken(req, res, raw, state) : handleRevoke(req, res, raw, state);
      }
      const found = router.find(method as "GET", pathname);
      if (!found) {
        const allowed = METHODS.filter((m) => m !== method && router.find(m, pathname));
        if (allowed.length > 0)
          throw new AtlasErrorResponse(
            405,
            "METHOD_NOT_ALLOWED",
            `Method ${method} is not allowed for ${pathname}.`,
            [method],
            { Allow: allowed.join(", ") },
          );
        throw resourceNotFound(pathname);
      }
      dispatch(state, found.store as Operation, found.params, url, raw, req, res);
    } catch (err) {
      if (err instanceof AtlasErrorResponse) return sendError(res, err, pretty);
      if (!state.options.quiet) console.error("[simulator] unexpected error", err);
      sendError(res, defaultError(500), pretty);
    }
  };
}
