import "server-only";
import { z } from "zod";
import { AtlasError } from "../errors";
import { describeFetchFailure } from "../fetch-failure";

const TokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  token_type: z.string().optional(),
});
const OAuthErrorSchema = z.looseObject({ error: z.string().optional(), error_description: z.string().optional() });

export interface CachedToken {
  value: string;
  /** When to stop using it (ms epoch), a little before Atlas expires it. */
  refreshAt: number;
}

/**
 * Where instances share one token (the composition root seals it into Redis). Atlas allows about 50
 * token requests a minute per client and 100 live tokens per service account, so N instances each
 * asking for their own would spend both for nothing. Failures here only cost a token request.
 */
export interface SharedTokens {
  get(): Promise<CachedToken | null>;
  set(token: CachedToken): Promise<void>;
  /** Forgets `value` if it is still the shared one. */
  clear(value: string): Promise<void>;
}

export interface TokenCacheOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  fetch: typeof fetch;
  shared?: SharedTokens;
}

export interface TokenCache {
  get(): Promise<string>;
  /** Forget `token` if it is still the cached one (a 401 said it no longer works). */
  invalidate(token: string): void;
}

/**
 * Service-account access tokens (OAuth client credentials). One token serves every request until shortly
 * before it expires; concurrent callers share a single in-flight token request.
 */
export function createTokenCache(options: TokenCacheOptions): TokenCache {
  const url = new URL("/api/oauth/token", options.baseUrl).toString();
  let current: { value: string; refreshAt: number } | undefined;
  let inflight: Promise<{ value: string; refreshAt: number }> | undefined;

  async function requestToken() {
    const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64");
    let response: Response;
    let text: string;
    try {
      response = await options.fetch(url, {
        method: "POST",
        headers: {
          Authorization: `Basic ${basic}`,
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/json",
          "Cache-Control": "no-cache",
        },
        body: "grant_type=client_credentials",
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new AtlasError({ ...describeFetchFailure(error), status: null, method: "POST", url, cause: error });
    }
    const json = safeJson(text);
    if (!response.ok) {
      const body = OAuthErrorSchema.safeParse(json);
      const authFailure = response.status >= 400 && response.status < 500 && response.status !== 429;
      throw new AtlasError({
        kind: authFailure ? "auth" : "http",
        status: response.status,
        errorCode: body.success ? (body.data.error ?? null) : null,
        detail: body.success ? (body.data.error_description ?? null) : null,
        method: "POST",
        url,
      });
    }
    const token = TokenResponseSchema.safeParse(json);
    if (!token.success) {
      throw new AtlasError({
        kind: "invalid-response",
        status: response.status,
        detail: "token response is not an OAuth access token",
        method: "POST",
        url,
      });
    }
    const lifetimeMs = token.data.expires_in * 1000;
    // Refresh a little early so a request never leaves with a token that expires in flight.
    return { value: token.data.access_token, refreshAt: Date.now() + lifetimeMs - Math.min(60_000, lifetimeMs / 10) };
  }

  const shared = options.shared;
  const quietly = async <T>(work: () => Promise<T>): Promise<T | null> => {
    try {
      return await work();
    } catch {
      return null;
    }
  };

  async function obtain(): Promise<CachedToken> {
    const fromShared = shared ? await quietly(() => shared.get()) : null;
    if (fromShared && Date.now() < fromShared.refreshAt) return fromShared;
    const token = await requestToken();
    if (shared) await quietly(() => shared.set(token));
    return token;
  }

  return {
    async get() {
      if (current && Date.now() < current.refreshAt) return current.value;
      inflight ??= obtain()
        .then((token) => (current = token))
        .finally(() => (inflight = undefined));
      return (await inflight).value;
    },
    invalidate(token) {
      if (current?.value === token) current = undefined;
      if (shared) void quietly(() => shared.clear(token));
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
