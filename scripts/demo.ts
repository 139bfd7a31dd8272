// `npm run demo`: the Atlas simulator plus a production build of the dashboard, on this machine.
// Prints the dashboard URL and the demo sign-in. Ctrl-C stops both.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { startSimulator } from "../lib/simulator";
import { DEFAULT_SIMULATOR_PORT } from "../lib/demo-defaults";
import { spawnGroup, stopGroup } from "./process-group";

const DemoEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DEMO_SIMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(DEFAULT_SIMULATOR_PORT),
  DEMO_SPEED: z.coerce.number().positive().max(10_000).default(1),
  DEMO_SCALE: z.coerce.number().positive().max(20).default(1),
  DEMO_SKIP_BUILD: z.stringbool().default(false),
  BACKWATCH_USERS: z.string().optional(),
});

async function main() {
  const parsed = DemoEnv.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`demo: ${issue.path.join(".")}: ${issue.message}`);
    process.exit(2);
  }
  const env = parsed.data;

  if (!env.DEMO_SKIP_BUILD) {
    console.log("Building the dashboard (production build)...");
    const build = spawnSync("npx", ["next", "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const simulator = await startSimulator({
    port: env.DEMO_SIMULATOR_PORT,
    speed: env.DEMO_SPEED,
    scale: env.DEMO_SCALE,
    quiet: true,
  });

  const demoPassword = randomBytes(9).toString("base64url");
  const users = env.BACKWATCH_USERS ?? `operator:${demoPassword}:operator`;
  const url = `http://localhost:${env.PORT}`;
  const app = spawnGroup("npx", ["next", "start", "-p", String(env.PORT)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      ATLAS_BASE_URL: simulator.url,
      BACKWATCH_USERS: users,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || randomBytes(32).toString("base64url"),
    },
  });

  console.log("");
  console.log(`  Atlas simulator  ${simulator.url}`);
  console.log(`  Backwatch        ${url}`);
  if (env.BACKWATCH_USERS) console.log("  Sign in with a user from BACKWATCH_USERS.");
  else console.log(`  Sign in          user "operator", password "${demoPassword}" (new each run)`);
  console.log(
    process.env.NEXTAUTH_SECRET
      ? "  Sessions         signed with your NEXTAUTH_SECRET"
      : "  Sessions         signed with a random secret made for this run (set NEXTAUTH_SECRET to keep them across restarts)",
  );
  console.log("");

  const stop = async (code: number) => {
    await stopGroup(app);
    await simulator.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  app.on("exit", (code) => void stop(code ?? 1));
}

void main();
