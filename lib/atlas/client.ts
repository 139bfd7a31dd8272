import "server-only";
import pRetry from "p-retry";
import type { z } from "zod";
import type { Authenticator } from "./auth/authenticator";
import { createBearerAuthenticator } from "./auth/bearer-auth";
import { createDigestAuthenticator } from "./auth/digest-auth";
import { createTokenCache } from "./auth/token-cache";
import type { AtlasCallEvent, AtlasClientConfig } from "./config";
import { AtlasError, isAtlasError } from "./errors";
import { describeFetchFailure } from "./fetch-failure";
import { acceptHeader, buildUrl, httpError, parseBody, type Query } from "./http";
import type { AtlasOperation, PathParams } from "./operations";
import { createRateGate, parseRetryAfter } from "./rate-gate";

export interface AtlasResult<T> {
  data: T;
  /** When Atlas's answer arrived. */
  receivedAt: Date;
}

export interface AtlasClient {
  readonly baseUrl: string;
  call<O extends AtlasOperation>(
    op: O,
    params: PathParams<O>,
    options?: { query?: Query; signal?: AbortSignal },
  ): Promise<AtlasResult<z.infer<O["schema"]>>>;
}

function authenticatorFor(config: AtlasClientConfig, fetchImpl: typeof fetch): Authenticator {
  const c = config.credentials;
  if (c.kind === "api-key") return createDigestAuthenticator(c.publicKey, c.privateKey);
  const tokens = createTokenCache({
    baseUrl: config.baseUrl,
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    timeoutMs: config.timeoutMs,
    fetch: fetchImpl,
    shared: config.sharedTokens,
  });
  return createBearerAuthenticator(tokens);
}

/** GETs are retried on 5xx and broken connections; 4xx (429 included), timeouts and bad bodies are final. */
function isRetryable(error: unknown): boolean {
  if (!isAtlasError(error) || error.method !== "GET") return false;
  return error.kind === "network" || (error.kind === "http" && error.status !== null && error.status >= 500);
}

export function createAtlasClient(config: AtlasClientConfig): AtlasClient {
  const fetchImpl = config.fetch ?? globalThis.fetch;
  const auth = authenticatorFor(config, fetchImpl);
  const gate = createRateGate();

  async function send(op: AtlasOperation, url: URL, deadline: number, signal: AbortSignal, groupId?: string) {
    const uri = url.pathname + url.search;
    for (let authRetries = 0; ; authRetries++) {
      const sent = await auth.authorization(op.method, uri, deadline);
      const started = performance.now();
      let status: AtlasCallEvent["status"] | undefined;
      try {
        const headers: Record<string, string> = { Accept: acceptHeader(op.version) };
        if (sent) headers.Authorization = sent;
        const response = await fetchImpl(url, { method: op.method, headers, signal });
        status = response.status;
        if (response.status === 401 && authRetries < auth.maxAuthRetries && auth.handleUnauthorized(response, sent)) {
          await response.body?.cancel();
          continue;
        }
        const receivedAt = new Date();
        return { response, receivedAt, text: await response.text() };
      } catch (error) {
        const failure = describeFetchFailure(error);
        status ??= failure.kind;
        throw new AtlasError({
          ...failure,
          status: null,
          method: op.method,
          url: url.toString(),
          cause: error,
        });
      } finally {
        auth.settle?.(sent);
        if (status !== undefined)
          config.onCall?.({ operation: op.id, status, groupId, durationMs: performance.now() - started });
      }
    }
  }

  async function call<O extends AtlasOperation>(
    op: O,
    params: PathParams<O>,
    options: { query?: Query; signal?: AbortSignal } = {},
  ) {
    const url = buildUrl(config.baseUrl, op, params as Record<string, string>, options.query);
    const href = url.toString();
    const deadline = Date.now() + config.timeoutMs;
    // Atlas rate-limits the backup endpoints per project; calls outside a project share one user scope.
    const scope = (params as Record<string, string>).groupId ?? "(user)";
    const tooLate = (retryAfterSeconds: number) =>
      new AtlasError({
        kind: "http",
        status: 429,
        errorCode: "RATE_LIMITED",
        detail: `Atlas asked Backwatch to pause calls for this project; retry in ${retryAfterSeconds} s`,
        method: op.method,
        url: href,
        retryAfterSeconds,
      });

    const attempt = async (): Promise<AtlasResult<z.infer<O["schema"]>>> => {
      await gate.pass(scope, deadline, tooLate);
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        throw new AtlasError({
          kind: "timeout",
          status: null,
          detail: "request deadline passed",
          method: op.method,
          url: href,
        });
      const signals = [AbortSignal.timeout(remaining), ...(options.signal ? [options.signal] : [])];
      const groupId = (params as Record<string, string>).groupId;
      const { response, receivedAt, text } = await send(op, url, deadline, AbortSignal.any(signals), groupId);
      if (response.status === 429) {
        const retryAfterSeconds = parseRetryAfter(response.headers.get("retry-after"));
        gate.close(scope, retryAfterSeconds);
        throw httpError(429, text, op.method, href, { retryAfterSeconds });
      }
      if (!response.ok) throw httpError(response.status, text, op.method, href);
      return { data: parseBody(op, response.status, text, href) as z.infer<O["schema"]>, receivedAt };
    };

    return pRetry(attempt, {
      retries: config.maxRetries,
      factor: 2,
      minTimeout: config.retryMinDelayMs ?? 250,
      maxTimeout: 4_000,
      randomize: true,
      maxRetryTime: config.timeoutMs,
      shouldRetry: ({ error }) => isRetryable(error) && Date.now() < deadline,
      signal: options.signal,
    });
  }

  return { baseUrl: config.baseUrl, call };
}
