import "server-only";
import { describe, expect, it } from "vitest";
import { digestAuthorization, parseDigestChallenge } from "./digest-challenge";

// RFC 7616 §3.9.1 worked example.
const RFC_CHALLENGE =
  'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=ALGO, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"';
const input = (algorithm: string) => ({
  challenge: parseDigestChallenge(RFC_CHALLENGE.replace("ALGO", algorithm))!,
  username: "Mufasa",
  password: "Circle of Life",
  method: "GET",
  uri: "/dir/index.html",
  nc: 1,
  cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
});

describe("digestAuthorization", () => {
  it("matches the RFC 7616 MD5 and SHA-256 examples", () => {
    expect(digestAuthorization(input("MD5"))).toContain('response="8ca523f5e9506fed4657c9700eebdbec"');
    expect(digestAuthorization(input("SHA-256"))).toContain(
      'response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"',
    );
  });
  it("sends nc as 8 hex digits and echoes opaque", () => {
    const header = digestAuthorization({ ...input("MD5"), nc: 26 });
    expect(header).toMatch(/nc=0000001a/);
    expect(header).toContain('opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"');
  });
});

describe("parseDigestChallenge", () => {
  it("reads Atlas's challenge, stale flag included", () => {
    const c = parseDigestChallenge(
      'Digest realm="MMS Public API", domain="", nonce="n1", algorithm=MD5, qop="auth", stale=true',
    );
    expect(c).toEqual({
      realm: "MMS Public API",
      nonce: "n1",
      opaque: undefined,
      algorithm: "MD5",
      qop: "auth",
      stale: true,
    });
  });
  it("finds Digest among several schemes and refuses what it cannot answer", () => {
    expect(parseDigestChallenge('Bearer realm="x", Digest realm="r", nonce="n"')?.nonce).toBe("n");
    expect(parseDigestChallenge('Basic realm="x"')).toBeNull();
    expect(parseDigestChallenge('Digest realm="r", nonce="n", algorithm=SHA-1')).toBeNull();
    expect(parseDigestChallenge(null)).toBeNull();
  });
});
