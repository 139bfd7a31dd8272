import "server-only";
import type { Authenticator } from "./authenticator";
import type { TokenCache } from "./token-cache";

/** Service-account auth: a cached Bearer token; a 401 drops it and the request is retried once. */
export function createBearerAuthenticator(tokens: TokenCache): Authenticator {
  return {
    maxAuthRetries: 1,
    async authorization() {
      return `Bearer ${await tokens.get()}`;
    },
    handleUnauthorized(_response, sent) {
      if (!sent?.startsWith("Bearer ")) return false;
      tokens.invalidate(sent.slice("Bearer ".length));
      return true;
    },
  };
}
