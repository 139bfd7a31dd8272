import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/server/auth/passwords";
import { parseUsers, verifyUser } from "@/lib/server/auth/users";

const run = (input: string) => spawnSync("npm", ["run", "--silent", "hash-password"], { input, encoding: "utf8" });

describe("npm run hash-password", () => {
  it("prints a hash that BACKWATCH_USERS accepts and that verifies the password", () => {
    const out = run("a long enough passphrase\n");
    expect(out.status).toBe(0);
    const hash = out.stdout.trim();
    expect(hash).not.toContain("passphrase");
    expect(verifyPassword("a long enough passphrase", hash)).toBe(true);
    expect(verifyUser(parseUsers(`dba:${hash}:operator,other:x:viewer`), "dba", "a long enough passphrase")).toEqual({
      name: "dba",
      role: "operator",
    });
  });
  it("refuses a short password", () => {
    const out = run("short\n");
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/at least 12 characters/);
    expect(out.stdout).toBe("");
  });
});
