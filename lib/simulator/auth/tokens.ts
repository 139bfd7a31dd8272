// OAuth access tokens for service accounts. They look like JWTs (Atlas issues JWTs) but are opaque
// to the simulator: a lookup table with an expiry on the simulated clock.
import { randomBytes } from "node:crypto";

export interface IssuedToken {
  access_token: string;
  expires_in: number;
  token_type: "Bearer";
}

export type TokenCheck = { ok: true; principalId: string } | { ok: false; reason: "unknown" | "expired" };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export class TokenStore {
  private readonly tokens = new Map<string, { principalId: string; expiresAtMs: number }>();

  constructor(
    private readonly nowMs: () => number,
    private readonly ttlSeconds: number,
  ) {}

  issue(principalId: string): IssuedToken {
    const now = this.nowMs();
    this.prune(now);
    const expiresAtMs = now + this.ttlSeconds * 1000;
    const header = b64({ alg: "HS256", typ: "JWT" });
    const payload = b64({
      sub: principalId,
      iat: Math.floor(now / 1000),
      exp: Math.floor(expiresAtMs / 1000),
      iss: "atlas-simulator",
      jti: randomBytes(8).toString("hex"),
    });
    const token = `${header}.${payload}.${randomBytes(32).toString("base64url")}`;
    this.tokens.set(token, { principalId, expiresAtMs });
    return { access_token: token, expires_in: this.ttlSeconds, token_type: "Bearer" };
  }

  check(token: string): TokenCheck {
    const entry = this.tokens.get(token);
    if (!entry) return { ok: false, reason: "unknown" };
    if (this.nowMs() >= entry.expiresAtMs) return { ok: false, reason: "expired" };
    return { ok: true, principalId: entry.principalId };
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }

  private prune(now: number): void {
    // Expired tokens are kept for a day so a client still gets "expired" rather than "unknown".
    for (const [token, entry] of this.tokens) if (entry.expiresAtMs + 86_400_000 < now) this.tokens.delete(token);
  }
}
