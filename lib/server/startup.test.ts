import { afterEach, describe, expect, it, vi } from "vitest";

// serverEnv() caches, so each case loads a fresh module graph with its own environment.
async function load(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  return import("@/lib/server/startup");
}
async function check(env: Record<string, string | undefined>) {
  const { checkServerConfig } = await load(env);
  return () => checkServerConfig();
}

const SECRET = "0123456789abcdef0123456789abcdef"; // 32 bytes
const PRODUCTION = {
  NODE_ENV: "production",
  NEXTAUTH_SECRET: SECRET,
  NEXTAUTH_URL: "https://backwatch.example.com",
  ATLAS_BASE_URL: "https://cloud.mongodb.com",
  ATLAS_CLIENT_ID: "mdb_sa_id_x",
  ATLAS_CLIENT_SECRET: "mdb_sa_sk_x",
  BACKWATCH_USERS: "ann:pw:operator",
};

describe("checkServerConfig", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("accepts a complete production configuration", async () => {
    expect(await check(PRODUCTION)).not.toThrow();
  });
  it("names BACKWATCH_USERS when an entry is malformed, without its password", async () => {
    const run = await check({ ...PRODUCTION, BACKWATCH_USERS: "ann:hunter2:root" });
    expect(run).toThrow(/BACKWATCH_USERS/);
    expect(run).not.toThrow(/hunter2/);
  });
  it("names NEXTAUTH_SECRET when production has none", async () => {
    expect(await check({ ...PRODUCTION, NEXTAUTH_SECRET: undefined })).toThrow(
      /NEXTAUTH_SECRET: required in production/,
    );
  });
  it.each(["development", "production", "test"])(
    "refuses a NEXTAUTH_SECRET under 32 bytes in %s, without echoing it",
    async (mode) => {
      const run = await check({
        ...PRODUCTION,
        NODE_ENV: mode,
        NEXTAUTH_SECRET: "short-secret-31-bytes-long-xxxxx".slice(0, 31),
      });
      expect(run).toThrow(/NEXTAUTH_SECRET: must be at least 32 bytes/);
      expect(run).not.toThrow(/short-secret/);
    },
  );
  it("outside production, makes a random secret per process instead of next-auth's derivable one, and says so", async () => {
    const first = await load({
      NODE_ENV: "development",
      NEXTAUTH_SECRET: undefined,
      BACKWATCH_GENERATED_SECRET: undefined,
      BACKWATCH_USERS: "ann:pw:viewer",
    });
    const { serverEnv } = await import("@/lib/server/env");
    const secret = serverEnv().NEXTAUTH_SECRET;
    expect(Buffer.byteLength(secret)).toBeGreaterThanOrEqual(32);
    // Written back so every bundle of this process (proxy, pages, handlers) uses the same one.
    expect(process.env.NEXTAUTH_SECRET).toBe(secret);
    expect(first.startupNotes().join("\n")).toMatch(/random secret made for this process/);

    vi.unstubAllEnvs();
    const again = await load({
      NODE_ENV: "development",
      NEXTAUTH_SECRET: undefined,
      BACKWATCH_GENERATED_SECRET: undefined,
      BACKWATCH_USERS: "ann:pw:viewer",
    });
    const { serverEnv: nextProcess } = await import("@/lib/server/env");
    expect(nextProcess().NEXTAUTH_SECRET).not.toBe(secret);
    expect(again.startupNotes().join("\n")).toMatch(/random secret/);
  });
  it("says when sessions use the configured secret", async () => {
    const { startupNotes } = await load(PRODUCTION);
    expect(startupNotes()).toEqual(["sessions are signed with NEXTAUTH_SECRET"]);
  });
  it("requires NEXTAUTH_URL in production, https unless loopback", async () => {
    expect(await check({ ...PRODUCTION, NEXTAUTH_URL: undefined })).toThrow(/NEXTAUTH_URL: required in production/);
    expect(await check({ ...PRODUCTION, NEXTAUTH_URL: "http://backwatch.example.com" })).toThrow(
      /NEXTAUTH_URL: must be https/,
    );
    expect(await check({ ...PRODUCTION, NEXTAUTH_URL: "http://127.evil.example:3000" })).toThrow(
      /NEXTAUTH_URL: must be https/,
    );
    for (const url of ["http://localhost:3000", "http://127.0.0.1:3000", "http://127.1.2.3", "http://[::1]:3000"]) {
      expect(await check({ ...PRODUCTION, NEXTAUTH_URL: url })).not.toThrow();
    }
  });
  it("requires an explicit ATLAS_BASE_URL in production", async () => {
    expect(await check({ ...PRODUCTION, ATLAS_BASE_URL: undefined })).toThrow(/ATLAS_BASE_URL: required in production/);
  });
  it.each([
    "http://cloud.mongodb.com",
    "http://127.evil.example:4010",
    "http://10.0.0.5:4010",
    "http://localhost.evil.example",
  ])("refuses a non-loopback http:// ATLAS_BASE_URL %s, in any mode", async (url) => {
    expect(await check({ ...PRODUCTION, ATLAS_BASE_URL: url })).toThrow(/ATLAS_BASE_URL: must be https/);
    expect(await check({ ...PRODUCTION, NODE_ENV: "development", ATLAS_BASE_URL: url })).toThrow(
      /ATLAS_BASE_URL: must be https/,
    );
  });
  it("accepts the simulator on loopback over http", async () => {
    expect(
      await check({
        ...PRODUCTION,
        ATLAS_BASE_URL: "http://127.0.0.1:4010",
        ATLAS_CLIENT_ID: undefined,
        ATLAS_CLIENT_SECRET: undefined,
      }),
    ).not.toThrow();
  });
  it("does not take a 127.-prefixed host name for the simulator (no demo credentials for it)", async () => {
    expect(
      await check({
        ...PRODUCTION,
        ATLAS_BASE_URL: "https://127.evil.example",
        ATLAS_CLIENT_ID: undefined,
        ATLAS_CLIENT_SECRET: undefined,
      }),
    ).toThrow(/Atlas credentials are required/);
  });
  it("names ATLAS_TIMEOUT_MS when out of range", async () => {
    expect(await check({ ...PRODUCTION, ATLAS_TIMEOUT_MS: "5" })).toThrow(/ATLAS_TIMEOUT_MS/);
  });
  it("names a bad sign-in limit or session lifetime", async () => {
    expect(await check({ ...PRODUCTION, BACKWATCH_SIGNIN_MAX_FAILURES: "0" })).toThrow(/BACKWATCH_SIGNIN_MAX_FAILURES/);
    expect(await check({ ...PRODUCTION, BACKWATCH_SESSION_MAX_HOURS: "never" })).toThrow(/BACKWATCH_SESSION_MAX_HOURS/);
  });
  it.each([
    ["REDIS_URL", "http://cache.example:6379"],
    ["REDIS_URL", "not a url"],
    ["BACKWATCH_FRESH_BUSY_SECONDS", "0"],
    ["BACKWATCH_FRESH_IDLE_SECONDS", "soon"],
    ["BACKWATCH_WATCH_SECONDS", "1"],
    ["BACKWATCH_BUDGET_SHARE", "1.5"],
    ["BACKWATCH_BUDGET_SHARE", "0"],
    ["BACKWATCH_REDIS_PREFIX", "has space"],
  ])("names %s when it is %j", async (name, value) => {
    expect(await check({ ...PRODUCTION, [name]: value })).toThrow(new RegExp(`${name}:`));
  });
  it("names BACKWATCH_METRICS_TOKEN when it is too short to resist guessing, without its value", async () => {
    const run = await check({ ...PRODUCTION, BACKWATCH_METRICS_TOKEN: "short-tok" });
    expect(run).toThrow(/BACKWATCH_METRICS_TOKEN: must be at least 16/);
    expect(run).not.toThrow(/short-tok/);
  });
  it("takes an empty BACKWATCH_METRICS_TOKEN as unset (metrics off) and a long one as is", async () => {
    for (const [value, expected] of [
      ["", undefined],
      ["m".repeat(16), "m".repeat(16)],
    ] as const) {
      await load({ ...PRODUCTION, BACKWATCH_METRICS_TOKEN: value });
      const { serverEnv } = await import("@/lib/server/env");
      expect(serverEnv().BACKWATCH_METRICS_TOKEN).toBe(expected);
    }
  });
  it("accepts redis:// and rediss:// URLs, and an empty REDIS_URL as unset", async () => {
    for (const url of ["redis://127.0.0.1:6379", "rediss://user:pw@cache.example:6380/1", ""])
      expect(await check({ ...PRODUCTION, REDIS_URL: url })).not.toThrow();
  });
  it("with REDIS_URL, needs an explicit NEXTAUTH_SECRET even outside production", async () => {
    expect(
      await check({
        NODE_ENV: "development",
        NEXTAUTH_SECRET: undefined,
        REDIS_URL: "redis://127.0.0.1:6379",
        BACKWATCH_USERS: "ann:pw:viewer",
      }),
    ).toThrow(/NEXTAUTH_SECRET: required with REDIS_URL/);
  });
  it("needs some way to sign in", async () => {
    expect(await check({ NODE_ENV: "development", BACKWATCH_USERS: "", BACKWATCH_OIDC_ISSUER: undefined })).toThrow(
      /BACKWATCH_USERS/,
    );
  });

  describe("webhooks", () => {
    const SLACK = "https://hooks.slack.com/services/T000/B000/xoxb-token-in-the-path";
    const HOOK_SECRET = "w".repeat(32);
    it("a malformed entry stops start-up naming BACKWATCH_WEBHOOK_URLS and its position, never its text", async () => {
      for (const bad of [
        "not a url",
        "ftp://example.com/x",
        "teams=",
        "http://hooks.example.com/x",
        "https://u:p@x.example/h",
      ]) {
        const run = await check({
          ...PRODUCTION,
          BACKWATCH_WEBHOOK_URLS: `${SLACK},${bad}`,
          BACKWATCH_WEBHOOK_SECRET: HOOK_SECRET,
        });
        expect(run).toThrow(/BACKWATCH_WEBHOOK_URLS: entry 2: /);
        expect(run).not.toThrow(/xoxb-token/);
      }
    });
    it("URLs without BACKWATCH_WEBHOOK_SECRET stop start-up naming it; a short secret too, without its value", async () => {
      expect(await check({ ...PRODUCTION, BACKWATCH_WEBHOOK_URLS: SLACK })).toThrow(
        /BACKWATCH_WEBHOOK_SECRET: required with BACKWATCH_WEBHOOK_URLS/,
      );
      const run = await check({ ...PRODUCTION, BACKWATCH_WEBHOOK_URLS: SLACK, BACKWATCH_WEBHOOK_SECRET: "short-hook" });
      expect(run).toThrow(/BACKWATCH_WEBHOOK_SECRET: must be at least 16/);
      expect(run).not.toThrow(/short-hook/);
    });
    it("names BACKWATCH_WEBHOOK_EVENTS for an unknown event", async () => {
      expect(
        await check({
          ...PRODUCTION,
          BACKWATCH_WEBHOOK_URLS: SLACK,
          BACKWATCH_WEBHOOK_SECRET: HOOK_SECRET,
          BACKWATCH_WEBHOOK_EVENTS: "failed,finished",
        }),
      ).toThrow(/BACKWATCH_WEBHOOK_EVENTS/);
    });
    it("reads formats (prefix, else Slack's host, else generic), every event by default, and logs hosts only", async () => {
      const { startupNotes } = await load({
        ...PRODUCTION,
        BACKWATCH_WEBHOOK_URLS: `${SLACK}, teams=https://example.webhook.office.com/webhookb2/abc , https://hooks.example.com/in,http://127.0.0.1:9/x`,
        BACKWATCH_WEBHOOK_SECRET: HOOK_SECRET,
      });
      const { serverEnv } = await import("@/lib/server/env");
      expect(serverEnv().BACKWATCH_WEBHOOK_URLS.map((t) => [t.format, t.host])).toEqual([
        ["slack", "hooks.slack.com"],
        ["teams", "example.webhook.office.com"],
        ["generic", "hooks.example.com"],
        ["generic", "127.0.0.1:9"],
      ]);
      expect(serverEnv().BACKWATCH_WEBHOOK_EVENTS).toEqual(["failed", "stuck", "watched-finished", "stale"]);
      expect(serverEnv().BACKWATCH_WEBHOOK_STALE_MINUTES).toBe(30);
      const notes = startupNotes().join("\n");
      expect(notes).toContain("slack@hooks.slack.com");
      expect(notes).not.toContain("xoxb-token");
    });
    it("no URLs: webhooks off, no secret needed", async () => {
      expect(await check({ ...PRODUCTION, BACKWATCH_WEBHOOK_URLS: "" })).not.toThrow();
    });
  });
});
