import { afterEach, describe, expect, it, vi } from "vitest";

// serverEnv() caches, so each case loads a fresh module graph with its own environment.
async function check(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const { checkServerConfig } = await import("@/lib/server/startup");
  return () => checkServerConfig();
}

describe("checkServerConfig", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("accepts users and a secret", async () => {
    expect(await check({ NODE_ENV: "production", NEXTAUTH_SECRET: "s", BACKWATCH_USERS: "ann:pw:operator" })).not.toThrow();
  });
  it("names BACKWATCH_USERS when an entry is malformed, without its password", async () => {
    const run = await check({ NODE_ENV: "production", NEXTAUTH_SECRET: "s", BACKWATCH_USERS: "ann:hunter2:root" });
    expect(run).toThrow(/BACKWATCH_USERS/);
    expect(run).not.toThrow(/hunter2/);
  });
  it("names NEXTAUTH_SECRET when production has none", async () => {
    expect(await check({ NODE_ENV: "production", NEXTAUTH_SECRET: undefined, BACKWATCH_USERS: "ann:pw:viewer" })).toThrow(/NEXTAUTH_SECRET/);
  });
  it("names ATLAS_TIMEOUT_MS when out of range", async () => {
    expect(await check({ ATLAS_TIMEOUT_MS: "5", BACKWATCH_USERS: "ann:pw:viewer" })).toThrow(/ATLAS_TIMEOUT_MS/);
  });
  it("needs some way to sign in", async () => {
    expect(await check({ NODE_ENV: "development", BACKWATCH_USERS: "", BACKWATCH_OIDC_ISSUER: undefined })).toThrow(/BACKWATCH_USERS/);
  });
});
