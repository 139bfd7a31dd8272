import { describe, expect, it } from "vitest";
import { DIGEST_REALM, DigestAuth, digestResponse, parseDigestHeader } from "./digest";

const USER = "pubkey";
const PASS = "secret-key";

function setup(ttl = 60) {
  let now = 1_000_000;
  const auth = new DigestAuth({ now: () => now, nonceTtlSeconds: ttl });
  const advance = (s: number) => (now += s * 1000);
  return { auth, advance };
}

function nonceOf(challenge: string): string {
  const p = parseDigestHeader(challenge);
  if (!p?.nonce) throw new Error("no nonce");
  return p.nonce;
}

function header(nonce: string, nc: number, uri = "/api/atlas/v2/groups", password = PASS, method = "GET"): string {
  const ncHex = nc.toString(16).padStart(8, "0");
  const response = digestResponse({
    username: USER,
    password,
    realm: DIGEST_REALM,
    method,
    uri,
    nonce,
    nc: ncHex,
    cnonce: "abc123",
    qop: "auth",
  });
  return `Digest username="${USER}", realm="${DIGEST_REALM}", nonce="${nonce}", uri="${uri}", algorithm=MD5, qop=auth, nc=${ncHex}, cnonce="abc123", response="${response}"`;
}

const lookup = (u: string) => (u === USER ? PASS : undefined);

describe("DigestAuth", () => {
  it("challenges with MD5, qop=auth, a realm and an opaque value", () => {
    const p = parseDigestHeader(setup().auth.challenge());
    expect(p).toMatchObject({ realm: DIGEST_REALM, algorithm: "MD5", qop: "auth" });
    expect(p?.opaque).toMatch(/^[0-9a-f]{32}$/);
    expect(p?.stale).toBeUndefined();
  });

  it("accepts a correct response and reuse of the nonce with increasing nc", () => {
    const { auth } = setup();
    const nonce = nonceOf(auth.challenge());
    expect(auth.verify(header(nonce, 1), "GET", "/api/atlas/v2/groups", lookup)).toEqual({ ok: true, username: USER });
    expect(auth.verify(header(nonce, 2), "GET", "/api/atlas/v2/groups", lookup).ok).toBe(true);
    expect(auth.verify(header(nonce, 7), "GET", "/api/atlas/v2/groups", lookup).ok).toBe(true);
  });

  it("rejects a replayed or lower nc without stale", () => {
    const { auth } = setup();
    const nonce = nonceOf(auth.challenge());
    expect(auth.verify(header(nonce, 3), "GET", "/api/atlas/v2/groups", lookup).ok).toBe(true);
    expect(auth.verify(header(nonce, 3), "GET", "/api/atlas/v2/groups", lookup)).toEqual({
      ok: false,
      stale: false,
      reason: "replay",
    });
    expect(auth.verify(header(nonce, 2), "GET", "/api/atlas/v2/groups", lookup)).toMatchObject({
      ok: false,
      reason: "replay",
    });
  });

  it("reports an expired nonce as stale, and a fresh challenge carries stale=true", () => {
    const { auth, advance } = setup(30);
    const nonce = nonceOf(auth.challenge());
    advance(31);
    expect(auth.verify(header(nonce, 1), "GET", "/api/atlas/v2/groups", lookup)).toEqual({
      ok: false,
      stale: true,
      reason: "expired",
    });
    expect(parseDigestHeader(auth.challenge(true))?.stale).toBe("true");
  });

  it("keeps a nonce valid just before its lifetime ends", () => {
    const { auth, advance } = setup(30);
    const nonce = nonceOf(auth.challenge());
    advance(29);
    expect(auth.verify(header(nonce, 1), "GET", "/api/atlas/v2/groups", lookup).ok).toBe(true);
  });

  it("rejects a wrong password, an unknown user, another URI and another method", () => {
    const { auth } = setup();
    const nonce = nonceOf(auth.challenge());
    expect(
      auth.verify(header(nonce, 1, "/api/atlas/v2/groups", "nope"), "GET", "/api/atlas/v2/groups", lookup),
    ).toMatchObject({ ok: false, reason: "bad-response", stale: false });
    expect(auth.verify(header(nonce, 1), "GET", "/api/atlas/v2/orgs", lookup)).toMatchObject({
      ok: false,
      reason: "uri-mismatch",
    });
    expect(auth.verify(header(nonce, 1), "POST", "/api/atlas/v2/groups", lookup)).toMatchObject({
      ok: false,
      reason: "bad-response",
    });
    expect(auth.verify(header(nonce, 1), "GET", "/api/atlas/v2/groups", () => undefined)).toMatchObject({
      ok: false,
      reason: "unknown-user",
    });
  });

  it("treats a nonce it never issued as stale when the digest itself is right", () => {
    const { auth } = setup();
    expect(auth.verify(header("made-up-nonce", 1), "GET", "/api/atlas/v2/groups", lookup)).toMatchObject({
      ok: false,
      stale: true,
    });
  });
});
