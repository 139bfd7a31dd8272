// POST /api/oauth/token (client credentials) and POST /api/oauth/revoke, with OAuth-style error bodies.
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "../http/respond";
import type { RateLimiter } from "../rate-limit/limiter";
import type { PrincipalRegistry } from "./principals";
import type { TokenStore } from "./tokens";

export interface OAuthDeps {
  principals: PrincipalRegistry;
  tokens: TokenStore;
  limiter: RateLimiter;
}

function basicCredentials(req: IncomingMessage): { id: string; secret: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(req.headers.authorization ?? "");
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

const oauthError = (
  res: ServerResponse,
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
) =>
  sendJson(res, status, { error, error_description: description }, "application/json", false, {
    "Cache-Control": "no-store",
    ...headers,
  });

export function handleToken(req: IncomingMessage, res: ServerResponse, rawBody: string, deps: OAuthDeps): void {
  const creds = basicCredentials(req);
  // [UNCERTAIN] The token endpoint's 429 body is undocumented; the bucket is per client id.
  deps.limiter.admit("oauth-token", creds?.id ?? "anonymous", "api/oauth/token");
  const principal = creds ? deps.principals.serviceAccount(creds.id, creds.secret) : undefined;
  if (!principal) return oauthError(res, 401, "invalid_client", "Invalid credentials provided.");
  const form = new URLSearchParams(rawBody);
  const grant = form.get("grant_type");
  if (!grant) return oauthError(res, 400, "invalid_request", "Missing grant_type parameter.");
  if (grant !== "client_credentials") return oauthError(res, 400, "unsupported_grant_type", "Unsupported grant type.");
  sendJson(res, 200, deps.tokens.issue(principal.id), "application/json;charset=utf-8", false, {
    "Cache-Control": "no-store",
  });
}

export function handleRevoke(req: IncomingMessage, res: ServerResponse, rawBody: string, deps: OAuthDeps): void {
  const creds = basicCredentials(req);
  const principal = creds ? deps.principals.serviceAccount(creds.id, creds.secret) : undefined;
  if (!principal) return oauthError(res, 401, "invalid_client", "Invalid credentials provided.");
  const token = new URLSearchParams(rawBody).get("token");
  if (!token) return oauthError(res, 400, "invalid_request", "Missing token parameter.");
  deps.tokens.revoke(token);
  res.writeHead(200, { "Content-Length": 0 });
  res.end();
}
