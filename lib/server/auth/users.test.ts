import { describe, expect, it } from "vitest";
import { parseUsers, passwordsMatch, verifyUser } from "@/lib/server/auth/users";

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

  it.each(["ann:pw:admin", "ann:operator", "ann::viewer", "a b:pw:viewer", "ann:x:viewer,ann:y:viewer"])(
    "rejects %s, naming the variable but not the password",
    (raw) => {
      expect(() => parseUsers(raw)).toThrow(/BACKWATCH_USERS/);
      try {
        parseUsers(raw);
      } catch (error) {
        expect((error as Error).message).not.toContain(":pw");
      }
    },
  );
});

describe("verifyUser", () => {
  const users = parseUsers("ann:s3cret:operator,bob:hunter2:viewer");
  it("accepts the right password and returns name and role only", () => {
    expect(verifyUser(users, "bob", "hunter2")).toEqual({ name: "bob", role: "viewer" });
  });
  it.each([["bob", "hunter"], ["bob", "hunter22"], ["eve", "hunter2"], ["ann", ""]])("refuses %s / %s", (name, pw) => {
    expect(verifyUser(users, name, pw)).toBeNull();
  });
  it("compares passwords of different lengths without throwing", () => {
    expect(passwordsMatch("a", "a much longer password")).toBe(false);
  });
});
