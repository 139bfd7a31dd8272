import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { expect, test } from "../support/api-fixtures";

// Separate `next start` processes of the same production build, each with its own environment.
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function start(
  env: Record<string, string>,
  port: number,
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = "";
  const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d: Buffer) => (output += String(d)));
  child.stderr.on("data", (d: Buffer) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

const stop = (child: ChildProcess) => {
  try {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
};

test.describe("production start-up", () => {
  test.describe.configure({ timeout: 90_000 });

  const base = (env: { distDir: string; simUrl: string; nextAuthSecret: string }) => ({
    NODE_ENV: "production",
    NEXT_DIST_DIR: env.distDir,
    ATLAS_BASE_URL: env.simUrl,
    NEXTAUTH_SECRET: env.nextAuthSecret,
    BACKWATCH_USERS: "startup-check:a-long-password:viewer",
  });

  test("refuses a plain-http public URL, naming NEXTAUTH_URL", async ({ env }) => {
    const app = start({ ...base(env), NEXTAUTH_URL: "http://backwatch.example.com" }, await freePort());
    try {
      expect(await app.exited).not.toBe(0);
      expect(app.output()).toMatch(/NEXTAUTH_URL: must be https/);
      expect(app.output()).not.toContain(env.nextAuthSecret);
    } finally {
      stop(app.child);
    }
  });

  test("refuses to start without an explicit ATLAS_BASE_URL", async ({ env }) => {
    const rest: Record<string, string> = base(env);
    delete rest.ATLAS_BASE_URL;
    const app = start({ ...rest, NEXTAUTH_URL: "https://backwatch.example.com" }, await freePort());
    try {
      expect(await app.exited).not.toBe(0);
      expect(app.output()).toMatch(/ATLAS_BASE_URL: required in production/);
    } finally {
      stop(app.child);
    }
  });

  test("refuses a malformed webhook URL, naming BACKWATCH_WEBHOOK_URLS and not the URL", async ({ env }) => {
    const app = start(
      {
        ...base(env),
        NEXTAUTH_URL: "https://backwatch.example.com",
        BACKWATCH_WEBHOOK_URLS:
          "slack=https://hooks.slack.com/services/T0/B0/tok-e2e-abc,slack=hooks.slack.com/tok-e2e-def",
        BACKWATCH_WEBHOOK_SECRET: "a-webhook-signing-secret",
      },
      await freePort(),
    );
    try {
      expect(await app.exited).not.toBe(0);
      expect(app.output()).toMatch(/BACKWATCH_WEBHOOK_URLS: entry 2: must be an http\(s\) URL/);
      expect(app.output()).not.toContain("tok-e2e");
    } finally {
      stop(app.child);
    }
  });

  test("refuses webhook URLs without a signing secret, naming BACKWATCH_WEBHOOK_SECRET", async ({ env }) => {
    const app = start(
      {
        ...base(env),
        NEXTAUTH_URL: "https://backwatch.example.com",
        BACKWATCH_WEBHOOK_URLS: "https://hooks.example.com/backwatch",
      },
      await freePort(),
    );
    try {
      expect(await app.exited).not.toBe(0);
      expect(app.output()).toMatch(/BACKWATCH_WEBHOOK_SECRET: required with BACKWATCH_WEBHOOK_URLS/);
    } finally {
      stop(app.child);
    }
  });

  test("with an https public URL, pages carry HSTS; and the control case over http does not", async ({ env }) => {
    const port = await freePort();
    const app = start({ ...base(env), NEXTAUTH_URL: "https://backwatch.example.com" }, port);
    try {
      await expect
        .poll(async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status ?? 0, {
          timeout: 60_000,
        })
        .toBe(200);
      const page = await fetch(`http://127.0.0.1:${port}/signin`);
      expect(page.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
      expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(app.output()).toContain("sessions are signed with NEXTAUTH_SECRET");
    } finally {
      stop(app.child);
    }
  });

  test("the suite's own http loopback server sends no HSTS", async ({ anon }) => {
    const res = await anon.get("/signin");
    expect(res.headers()["strict-transport-security"]).toBeUndefined();
  });
});
