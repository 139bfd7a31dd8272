// HTTP Digest (RFC 7616) as Atlas uses it for API keys: MD5, qop="auth", short-lived nonces.
// A nonce may be reused with a strictly increasing nc; an expired one earns a fresh challenge with stale=true.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const DIGEST_REALM = "MMS Public API";

export interface DigestOptions {
  /** Protocol clock in milliseconds (injected so tests control nonce age). */
  now: () => number;
  nonceTtlSeconds: number;
  /** Upper bound on outstanding nonces; the oldest are forgotten first. */
  maxNonces?: number;
}

export type DigestResult =
  | { ok: true; username: string }
  | {
      ok: false;
      stale: boolean;
      reason:
        | "missing"
        | "malformed"
        | "unknown-nonce"
        | "expired"
        | "replay"
        | "bad-response"
        | "unknown-user"
        | "uri-mismatch";
    };

const md5 = (s: string) => createHash("md5").update(s).digest("hex");

export function parseDigestHeader(header: string): Record<string, string> | null {
  const match = /^Digest\s+(.*)$/is.exec(header.trim());
  if (!match?.[1]) return null;
  const params: Record<string, string> = {};
  const re = /([a-zA-Z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  for (const m of match[1].matchAll(re)) {
    const key = m[1];
    if (key) params[key.toLowerCase()] = (m[2] ?? m[3] ?? "").replace(/\\(.)/g, "$1");
  }
  return params;
}

export function digestResponse(p: {
  username: string;
  password: string;
  realm: string;
  method: string;
  uri: string;
  nonce: string;
  nc: string;
  cnonce: string;
  qop: string;
}): string {
  const ha1 = md5(`${p.username}:${p.realm}:${p.password}`);
  const ha2 = md5(`${p.method}:${p.uri}`);
  return md5(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`);
}

export class DigestAuth {
  private readonly nonces = new Map<string, { issuedAt: number; lastNc: number }>();
  private readonly opaque = randomBytes(16).toString("hex");

  constructor(private readonly options: DigestOptions) {}

  challenge(stale = false): string {
    const nonce = randomBytes(24).toString("base64url");
    this.nonces.set(nonce, { issuedAt: this.options.now(), lastNc: 0 });
    this.prune();
    const staleParam = stale ? ", stale=true" : "";
    return `Digest realm="${DIGEST_REALM}", domain="", nonce="${nonce}", algorithm=MD5, qop="auth", opaque="${this.opaque}"${staleParam}`;
  }

  verify(
    header: string | undefined,
    method: string,
    requestUri: string,
    passwordFor: (user: string) => string | undefined,
  ): DigestResult {
    if (!header) return { ok: false, stale: false, reason: "missing" };
    const p = parseDigestHeader(header);
    if (!p?.username || !p.nonce || !p.response || !p.uri) return { ok: false, stale: false, reason: "malformed" };
    if (p.qop !== "auth" || !p.nc || !p.cnonce || !/^[0-9a-fA-F]{8}$/.test(p.nc))
      return { ok: false, stale: false, reason: "malformed" };
    if (p.algorithm && p.algorithm.toUpperCase() !== "MD5") return { ok: false, stale: false, reason: "malformed" };
    if (p.realm !== DIGEST_REALM) return { ok: false, stale: false, reason: "malformed" };
    if (p.uri !== requestUri) return { ok: false, stale: false, reason: "uri-mismatch" };
    const password = passwordFor(p.username);
    if (password === undefined) return { ok: false, stale: false, reason: "unknown-user" };
    const expected = digestResponse({
      ...p,
      username: p.username,
      password,
      realm: DIGEST_REALM,
      method,
      uri: p.uri,
      nonce: p.nonce,
      nc: p.nc,
      cnonce: p.cnonce,
      qop: "auth",
    });
    const given = Buffer.from(p.response.toLowerCase());
    if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
      return { ok: false, stale: false, reason: "bad-response" };
    }
    // The credentials are right; only now does the nonce's freshness decide between stale and accepted.
    const entry = this.nonces.get(p.nonce);
    if (!entry) return { ok: false, stale: true, reason: "unknown-nonce" };
    if (this.options.now() - entry.issuedAt >= this.options.nonceTtlSeconds * 1000) {
      this.nonces.delete(p.nonce);
      return { ok: false, stale: true, reason: "expired" };
    }
    const nc = parseInt(p.nc, 16);
    if (nc <= entry.lastNc) return { ok: false, stale: false, reason: "replay" };
    entry.lastNc = nc;
    return { ok: true, username: p.username };
  }

  private prune(): void {
    const ttlMs = this.options.nonceTtlSeconds * 1000;
    const now = this.options.now();
    for (const [nonce, entry] of this.nonces) {
      if (now - entry.issuedAt >= ttlMs) this.nonces.delete(nonce);
    }
    const max = this.options.maxNonces ?? 10_000;
    while (this.nonces.size > max) {
      const oldest = this.nonces.keys().next().value;
      if (oldest === undefined) break;
      this.nonces.delete(oldest);
    }
  }
}
