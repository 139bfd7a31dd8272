// Starts what a benchmark measures: the simulator in-process and the production build of the
// dashboard (built on demand into its own dist dir), plus a signed-in session cookie.
import { spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../lib/simulator";
import { spawnGroup, stopGroup } from "../scripts/process-group";

// The ordinary dist dir: a custom one makes Next rewrite tsconfig.json to include its types.
const BENCH_DIST_DIR = ".next";

export interface Stack {
  appUrl: string;
  simulator: RunningSimulator;
  password: string;
  cookie(): Promise<string>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export function ensureBuild(): void {
  // Measure what the source says now, not an older build; BENCH_SKIP_BUILD=1 reuses a fresh one.
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(`${BENCH_DIST_DIR}/BUILD_ID`)) return;
  console.log("building the dashboard (production build) ...");
  const result = spawnSync("npx", ["next", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

async function waitFor(url: string, deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

export async function startStack(simOptions: SimulatorOptions = {}): Promise<Stack> {
  ensureBuild();
  const simulator = await startSimulator({ port: 0, quiet: true, ...simOptions });
  const port = await freePort();
  const password = randomBytes(12).toString("base64url");
  const appUrl = `http://127.0.0.1:${port}`;
  // A left-over server would compete for the CPU with every later measurement.
  const app: ChildProcess = spawnGroup("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      ATLAS_BASE_URL: simulator.url,
      ATLAS_CLIENT_ID: simulator.credentials.clientId,
      ATLAS_CLIENT_SECRET: simulator.credentials.clientSecret,
      BACKWATCH_USERS: `bench:${password}:operator`,
      BACKWATCH_LOG_LEVEL: "warn",
      NEXTAUTH_URL: appUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    },
  });
  await waitFor(`${appUrl}/api/health`, 60_000);

  let cached: string | undefined;
  return {
    appUrl,
    simulator,
    password,
    async cookie() {
      cached ??= await signIn(appUrl, "bench", password);
      return cached;
    },
    async close() {
      await stopGroup(app);
      await simulator.close();
    },
  };
}

/** Signs in through next-auth's credentials callback, as the sign-in form does. */
async function signIn(appUrl: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .join("; ");
  const res = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (${res.status})`);
  return `${jar}; ${session}`;
}
