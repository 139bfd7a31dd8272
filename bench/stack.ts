// Starts what a benchmark measures: the simulator in-process and the production build of the
// dashboard (built on demand into its own dist dir), one or more instances of it, plus a signed-in
// session cookie per instance.
import { spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../lib/simulator";
import { spawnGroup, stopGroup } from "../scripts/process-group";

// The ordinary dist dir: a custom one makes Next rewrite tsconfig.json to include its types.
const BENCH_DIST_DIR = ".next";
// Next's own CLI run by this Node, so V8 flags reach next-server (NODE_OPTIONS refuses --trace-gc).
const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

export interface AppInstance {
  url: string;
  cookie(): Promise<string>;
  /** Resident memory of this instance's next-server process, in MiB. */
  rssMiB(): number;
  /** V8 heap in use after the last full (mark-compact) GC and when it ended; only with `traceGc`, undefined before one. */
  liveHeap(): { mib: number; at: number } | undefined;
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Extra environment for every instance (REDIS_URL, BACKWATCH_FRESH_*, BACKWATCH_BUDGET_*). */
  env?: Record<string, string>;
  /** Instances on the one simulator; they share NEXTAUTH_SECRET, as instances behind one load balancer do. */
  instances?: number;
  /** Runs next-server with --trace-gc, for liveHeap(): RSS alone cannot tell live data from garbage not yet collected. */
  traceGc?: boolean;
}

export interface Apps {
  apps: AppInstance[];
  password: string;
  close(): Promise<void>;
}

export interface Stack extends Apps {
  /** The first instance's URL and cookie, for sections that need one. */
  appUrl: string;
  simulator: RunningSimulator;
  cookie(): Promise<string>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
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

/**
 * The next-server process of a group: the CLI names itself so (process.title) in its cmdline, and
 * anything it starts stays in the group spawnGroup made.
 */
function serverPid(groupId: number): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pgrp is the fifth field; the second (comm) may hold spaces, so count from its closing paren.
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp === groupId && readFileSync(`/proc/${entry}/cmdline`, "utf8").startsWith("next-server"))
        return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error(`no next-server process in group ${groupId}`);
}

function rssMiB(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb) / 1024;
}

/** Instances of the production build against `simulator`, each signed in on first use of its cookie. */
export async function startApps(simulator: RunningSimulator, options: AppOptions = {}): Promise<Apps> {
  ensureBuild();
  const password = randomBytes(12).toString("base64url");
  const secret = randomBytes(32).toString("base64url");
  const children: ChildProcess[] = [];
  const close = async () => void (await Promise.all(children.map((c) => stopGroup(c))));
  try {
    const apps = await Promise.all(
      Array.from({ length: options.instances ?? 1 }, async (): Promise<AppInstance> => {
        const port = await freePort();
        const url = `http://127.0.0.1:${port}`;
        // A left-over server would compete for the CPU with every later measurement.
        const flags = options.traceGc ? ["--trace-gc"] : [];
        const child = spawnGroup(
          process.execPath,
          [...flags, NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"],
          {
            stdio: ["ignore", options.traceGc ? "pipe" : "ignore", "ignore"],
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
              NEXTAUTH_URL: url,
              NEXTAUTH_SECRET: secret,
              ...options.env,
            },
          },
        );
        children.push(child);
        const liveHeap = new Map<number, { mib: number; at: number }>();
        let partial = "";
        child.stdout?.on("data", (chunk: Buffer) => {
          const lines = (partial + chunk.toString()).split("\n");
          partial = lines.pop() ?? "";
          for (const line of lines) {
            // "[7108:0x3b7b4eb0]  28713 ms: Mark-Compact 597.9 (629.8) -> 189.9 (614.2) MB, ..." (V8's MB are MiB)
            const m = /^\[(\d+):0x[0-9a-f]+\]\s+[\d.]+ ms: Mark-Compact [\d.]+ \([\d.]+\) -> ([\d.]+) /.exec(line);
            if (m) liveHeap.set(Number(m[1]), { mib: Number(m[2]), at: Date.now() });
          }
        });
        await waitFor(`${url}/api/health`, 60_000);
        const pid = serverPid(child.pid ?? -1);
        let cached: string | undefined;
        return {
          url,
          async cookie() {
            cached ??= await signIn(url, "bench", password);
            return cached;
          },
          rssMiB: () => rssMiB(pid),
          liveHeap: () => liveHeap.get(pid),
          stop: () => stopGroup(child),
        };
      }),
    );
    return { apps, password, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function startStack(simOptions: SimulatorOptions = {}, appOptions: AppOptions = {}): Promise<Stack> {
  ensureBuild();
  const simulator = await startSimulator({ port: 0, quiet: true, ...simOptions });
  let apps: Apps;
  try {
    apps = await startApps(simulator, appOptions);
  } catch (error) {
    await simulator.close();
    throw error;
  }
  const first = apps.apps[0]!;
  return {
    ...apps,
    appUrl: first.url,
    simulator,
    cookie: () => first.cookie(),
    async close() {
      await apps.close();
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
