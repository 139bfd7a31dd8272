import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/server/auth/passwords";
import { credentialVersion, parseUsers, verifyUser } from "@/lib/server/auth/users";

describe("parseUsers", () => {
  it("parses name:password:role entries, keeping colons inside the password", () => {
    expect(parseUsers(" ann:s3cret:operator , bob:a:b:c:viewer")).toEqual([
      { name: "ann", password: "s3cret", role: "operator" },
      { name: "bob", password: "a:b:c", role: "viewer" },
    ]);
  });

  it("treats an unset variable as no users", () => {
    expect(parseUsers(undefined)).toEqual([]);
  });

  it.each([
    "ann:pw:admin",
    "ann:operator",
    "ann::viewer",
    "a b:pw:viewer",
    "ann:x:viewer,ann:y:viewer",
    "ann:$scrypt$N=3;r=8;p=1$c2FsdHNhbHRzYWx0c2FsdA$x:viewer",
  ])("rejects %s, naming the variable but not the password", (raw) => {
    expect(() => parseUsers(raw)).toThrow(/BACKWATCH_USERS/);
    try {
      parseUsers(raw);
    } catch (error) {
      expect((error as Error).message).not.toContain(":pw");
      expect((error as Error).message).not.toContain("c2FsdH");
    }
  });
});

describe("verifyUser", () => {
  const hashed = hashPassword("correct horse");
  const users = parseUsers(`ann:s3cret:operator,bob:hunter2:viewer,cy:${hashed}:operator`);

  it("accepts the right password and returns name and role only", () => {
    expect(verifyUser(users, "bob", "hunter2")).toEqual({ name: "bob", role: "viewer" });
  });
  it("accepts a hashed password from npm run hash-password", () => {
    expect(hashed).toMatch(/^\$scrypt\$N=16384;r=8;p=1\$/);
    expect(hashed).not.toContain("correct horse");
    expect(verifyUser(users, "cy", "correct horse")).toEqual({ name: "cy", role: "operator" });
  });
  it.each([
    ["bob", "hunter"],
    ["bob", "hunter22"],
    ["eve", "hunter2"],
    ["ann", ""],
    ["cy", "correct hors"],
    ["cy", hashed],
    ["ann", "a much longer password"],
  ])("refuses %s / %s", (name, pw) => {
    expect(verifyUser(users, name, pw)).toBeNull();
  });
  it("hashes the same password differently each time (salted)", () => {
    expect(hashPassword("x")).not.toBe(hashPassword("x"));
  });
});

describe("credentialVersion", () => {
  const [ann] = parseUsers("ann:s3cret:operator");
  it("changes with the password and the key, and does not reveal the password", () => {
    const v = credentialVersion(ann!, "k".repeat(32));
    expect(v).toBe(credentialVersion(ann!, "k".repeat(32)));
    expect(v).not.toBe(credentialVersion({ ...ann!, password: "other" }, "k".repeat(32)));
    expect(v).not.toBe(credentialVersion(ann!, "j".repeat(32)));
    expect(v).not.toContain("s3cret");
  });
});
