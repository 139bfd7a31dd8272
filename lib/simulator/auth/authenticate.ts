// API authentication: Bearer (service-account token) or Digest (API key). Failures are Atlas's 401
// with a Digest challenge, so digest clients can always start their handshake.
import type { IncomingMessage } from "node:http";
import { AtlasErrorResponse } from "../http/error-response";
import type { DigestAuth } from "./digest";
import type { Principal, PrincipalRegistry } from "./principals";
import type { TokenStore } from "./tokens";

export interface AuthDeps {
  digest: DigestAuth;
  tokens: TokenStore;
  principals: PrincipalRegistry;
}

function unauthorized(deps: AuthDeps, detail: string, stale = false): AtlasErrorResponse {
  return new AtlasErrorResponse(401, "USER_UNAUTHORIZED", detail, [], {
    "WWW-Authenticate": deps.digest.challenge(stale),
  });
}

export function authenticate(req: IncomingMessage, deps: AuthDeps): Principal {
  const header = req.headers.authorization;
  if (!header) throw unauthorized(deps, "Current user is not authorized to perform this action.");
  if (/^Bearer\s+/i.test(header)) {
    const check = deps.tokens.check(header.replace(/^Bearer\s+/i, "").trim());
    if (!check.ok)
      throw unauthorized(deps, check.reason === "expired" ? "The access token has expired." : "Invalid access token.");
    const principal = deps.principals.serviceAccountById(check.principalId);
    if (!principal) throw unauthorized(deps, "Invalid access token.");
    return principal;
  }
  if (/^Digest\s+/i.test(header)) {
    const result = deps.digest.verify(header, req.method ?? "GET", req.url ?? "/", (user) =>
      deps.principals.apiKeySecret(user),
    );
    if (result.ok) {
      const principal = deps.principals.apiKey(result.username);
      if (principal) return principal;
    } else if (result.stale) {
      throw unauthorized(deps, "The digest nonce is stale.", true);
    }
  }
  throw unauthorized(deps, "Current user is not authorized to perform this action.");
}
