// `npm run simulator -- [flags]`: a local Atlas for demos and tests. Prints its base URL and the demo
// credentials it accepts (they open nothing but this simulator), then runs until SIGINT/SIGTERM.
import { parseArgs } from "node:util";
import { DEMO_CREDENTIALS } from "../demo-defaults";
import { startSimulator } from "./index";
import type { SimulatorOptions } from "./options";

const USAGE = `Usage: npm run simulator -- [--port 4010] [--host 127.0.0.1] [--seed 1] [--scale 1] [--speed 1]
  [--control] [--tenant-sunset] [--backup-capacity N] [--backup-refill N] [--token-capacity N]
  [--token-refill N] [--token-ttl S] [--start-time ISO] [--unreadable-projects N]
  [--tls [--tls-cert PEM --tls-key PEM]]`;

function fail(message: string): never {
  console.error(`simulator: ${message}\n${USAGE}`);
  process.exit(2);
}

function num(
  flags: Record<string, string | boolean | undefined>,
  name: string,
  integer: boolean,
  min: number,
): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (
    typeof raw !== "string" ||
    raw.trim() === "" ||
    !Number.isFinite(n) ||
    n < min ||
    (integer && !Number.isInteger(n))
  ) {
    fail(`--${name} must be ${integer ? "an integer" : "a number"} >= ${min}, got "${String(raw)}"`);
  }
  return n;
}

export function parseCli(argv: string[]): SimulatorOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        seed: { type: "string" },
        scale: { type: "string" },
        speed: { type: "string" },
        control: { type: "boolean" },
        "tenant-sunset": { type: "boolean" },
        "backup-capacity": { type: "string" },
        "backup-refill": { type: "string" },
        "token-capacity": { type: "string" },
        "token-refill": { type: "string" },
        "token-ttl": { type: "string" },
        "start-time": { type: "string" },
        "unreadable-projects": { type: "string" },
        tls: { type: "boolean" },
        "tls-cert": { type: "string" },
        "tls-key": { type: "string" },
        help: { type: "boolean" },
      },
    }));
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = num(values, "port", true, 0);
  if (port !== undefined && port > 65535) fail("--port must be at most 65535");
  const startTime = values["start-time"];
  if (typeof startTime === "string" && !Number.isFinite(Date.parse(startTime)))
    fail(`--start-time must be an ISO date, got "${startTime}"`);
  const certPath = values["tls-cert"];
  const keyPath = values["tls-key"];
  if ((typeof certPath === "string") !== (typeof keyPath === "string")) fail("--tls-cert and --tls-key go together");
  const given = typeof certPath === "string" && typeof keyPath === "string" ? { certPath, keyPath } : undefined;
  if (given && values.tls !== true) fail("--tls-cert and --tls-key need --tls");
  return {
    port,
    tls: given ?? values.tls === true,
    host: typeof values.host === "string" ? values.host : undefined,
    seed: num(values, "seed", true, 0),
    scale: num(values, "scale", false, 0.05),
    speed: num(values, "speed", false, 0.001),
    control: values.control === true,
    tenantSunset: values["tenant-sunset"] === true,
    rateLimit: {
      backupCapacity: num(values, "backup-capacity", true, 1),
      backupRefillPerMinute: num(values, "backup-refill", true, 1),
      tokenCapacity: num(values, "token-capacity", true, 1),
      tokenRefillPerMinute: num(values, "token-refill", true, 1),
    },
    tokenTtlSeconds: num(values, "token-ttl", false, 1),
    startTime: typeof startTime === "string" ? startTime : undefined,
    unreadableProjects: num(values, "unreadable-projects", true, 0),
  };
}

async function main(): Promise<void> {
  const options = parseCli(process.argv.slice(2));
  const sim = await startSimulator(options);
  const c = sim.credentials;
  console.log(`Atlas simulator listening on ${sim.url}`);
  if (sim.tls) console.log(`  TLS certificate (trust it, e.g. NODE_EXTRA_CA_CERTS): ${sim.tls.certPath}`);
  console.log(`  API:   ${sim.url}/api/atlas/v2   token: ${sim.url}/api/oauth/token`);
  // Only the demo secrets are printed; secrets taken from the environment stay unprinted.
  const shown = (value: string, demo: string, envName: string) => (value === demo ? value : `(from ${envName})`);
  console.log(
    `  service account: clientId=${c.clientId} clientSecret=${shown(c.clientSecret, DEMO_CREDENTIALS.clientSecret, "ATLAS_CLIENT_SECRET")}`,
  );
  console.log(
    `  API key (digest): publicKey=${c.publicKey} privateKey=${shown(c.privateKey, DEMO_CREDENTIALS.privateKey, "ATLAS_PRIVATE_KEY")}`,
  );
  if (options.control) console.log(`  control: ${sim.url}/__simulator/fixtures`);
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`simulator: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
