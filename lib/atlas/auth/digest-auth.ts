import "server-only";
import type { Authenticator } from "./authenticator";
import { type DigestChallenge, digestAuthorization, parseDigestChallenge } from "./digest-challenge";

/**
 * API-key auth (HTTP Digest). One server nonce is reused for every request with an increasing nc, so a
 * page of calls pays one 401 round trip in total. While no nonce is known, one request probes without
 * credentials and concurrent requests wait for its challenge instead of each drawing their own 401.
 */
export function createDigestAuthenticator(username: string, password: string): Authenticator {
  let challenge: DigestChallenge | undefined;
  let nc = 0;
  let probe: { done: Promise<void>; resolve: () => void } | undefined;

  const adopt = (next: DigestChallenge) => {
    if (next.nonce !== challenge?.nonce) nc = 0;
    challenge = next;
  };

  return {
    maxAuthRetries: 2,

    async authorization(method, uri) {
      while (!challenge && probe) await probe.done;
      if (!challenge) {
        let resolve!: () => void;
        const done = new Promise<void>((r) => (resolve = r));
        probe = { done, resolve };
        return undefined;
      }
      // nc is taken synchronously, so concurrent requests never share a nonce+nc pair.
      nc += 1;
      return digestAuthorization({ challenge, username, password, method, uri, nc });
    },

    handleUnauthorized(response, sent) {
      const next = parseDigestChallenge(response.headers.get("www-authenticate"));
      if (!next) return false;
      const sentNonce = sent ? /nonce="([^"]*)"/.exec(sent)?.[1] : undefined;
      adopt(next);
      // Unauthenticated probe, a stale nonce, or a nonce the server has since replaced: worth one more try.
      return sent === undefined || next.stale || (sentNonce !== undefined && sentNonce !== next.nonce);
    },

    settle(sent) {
      if (sent === undefined && probe) {
        const finished = probe;
        probe = undefined;
        finished.resolve();
      }
    },
  };
}
