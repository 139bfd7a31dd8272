import { describe, expect, it } from "vitest";
import { liveToken, openSession, refreshSession, stableId, type TokenPolicy } from "@/lib/server/auth/session-token";
import { parseUsers } from "@/lib/server/auth/users";

const key = "k".repeat(32);
const policy = (users: string, maxAgeSeconds = 3600): TokenPolicy => ({ users: parseUsers(users), key, maxAgeSeconds });
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1) + seconds * 1000);

describe("session tokens", () => {
  const before = policy("ann:pw:operator,bob:pw2:viewer");
  const token = openSession({ name: "ann", role: "operator" }, "local", before, at(0));

  it("stay valid within their absolute lifetime, however often used", () => {
    expect(refreshSession(token, before, at(10))).toMatchObject({ name: "ann", role: "operator" });
    expect(refreshSession(token, before, at(3600))).not.toBeNull();
  });
  it("end at the absolute lifetime from sign-in, even while in use", () => {
    let t: unknown = token;
    for (const s of [600, 1200, 1800, 2400, 3000, 3590]) t = refreshSession(t, before, at(s));
    expect(t).not.toBeNull();
    expect(refreshSession(t, before, at(3601))).toBeNull();
    expect(liveToken(t, 3600, at(3601))).toBeNull();
  });
  it("end when the local user is removed", () => {
    expect(refreshSession(token, policy("bob:pw2:viewer"), at(10))).toBeNull();
  });
  it("take the new role when the user is demoted", () => {
    expect(refreshSession(token, policy("ann:pw:viewer"), at(10))).toMatchObject({ name: "ann", role: "viewer" });
  });
  it("end when the user's password changes", () => {
    expect(refreshSession(token, policy("ann:new-password:operator"), at(10))).toBeNull();
  });
  it("refuse tokens without our fields (older shapes, forged claims)", () => {
    expect(refreshSession({ name: "ann", role: "operator" }, before, at(10))).toBeNull();
    expect(refreshSession({ ...token, provider: "oidc", signedInAt: "0" }, before, at(10))).toBeNull();
    expect(refreshSession({}, before, at(10))).toBeNull();
  });
  it("keep OIDC users to the absolute lifetime (the provider is not asked again)", () => {
    const sso = openSession({ name: "sso-user", role: "viewer" }, "oidc", before, at(0));
    expect(refreshSession(sso, before, at(100))).toMatchObject({ name: "sso-user" });
    expect(refreshSession(sso, before, at(3601))).toBeNull();
  });
  it("carry a stable id: the local name, or the OIDC subject however the display name changes", () => {
    expect(stableId(token)).toBe("local:ann");
    const sso = openSession({ name: "Ann Smith", role: "viewer", sub: "0f3c-sub" }, "oidc", before, at(0));
    expect(stableId(sso)).toBe("oidc:0f3c-sub");
    expect(stableId(refreshSession(sso, before, at(100))!)).toBe("oidc:0f3c-sub");
    // A token opened before the id existed still names its user.
    const older = { ...token, uid: undefined };
    expect(stableId(refreshSession(older, before, at(10))!)).toBe("local:ann");
  });
});
