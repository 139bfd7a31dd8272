import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const token = (bytes: number) => randomBytes(bytes).toString("base64url");

/**
 * Fresh secrets for one test run. Generated once in Playwright's main process and kept in
 * process.env, which the workers inherit, so servers and specs agree on them; being new every
 * run is what makes the secret scan mean something.
 */
function ensure(name: string, make: () => string): string {
  process.env[name] ||= make();
  return process.env[name];
}

export function runEnv() {
  const simPort = Number(ensure("E2E_SIM_PORT", () => "4110"));
  const appPort = Number(ensure("E2E_APP_PORT", () => "3110"));
  const idpPort = Number(ensure("E2E_IDP_PORT", () => String(simPort + 1)));
  const redisPort = Number(ensure("E2E_REDIS_PORT", () => String(simPort + 2)));
  // The shared-Redis instances send their webhooks here; e2e/shared-redis/webhooks.spec.ts listens.
  const webhookPort = Number(ensure("E2E_WEBHOOK_PORT", () => String(simPort + 3)));
  // Two more instances of the app on one Redis: the shared read model's own project.
  const sharedPorts = [appPort + 1, appPort + 2] as const;
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const logDir = path.resolve(__dirname, "..", ".logs", String(appPort));
  return {
    simPort,
    appPort,
    idpPort,
    redisPort,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    webhookPort,
    webhookUrl: `http://127.0.0.1:${webhookPort}/backwatch-hooks`,
    webhookSecret: ensure("E2E_WEBHOOK_SECRET", () => token(24)),
    sharedAppUrls: sharedPorts.map((p) => `http://127.0.0.1:${p}`),
    simUrl: `http://127.0.0.1:${simPort}`,
    appUrl: `http://127.0.0.1:${appPort}`,
    idpUrl: `http://127.0.0.1:${idpPort}`,
    distDir,
    logDir,
    serverLog: path.join(logDir, "server.log"),
    atlas: {
      clientId: ensure("E2E_ATLAS_CLIENT_ID", () => `mdb_sa_id_${hex(12)}`),
      clientSecret: ensure("E2E_ATLAS_CLIENT_SECRET", () => `mdb_sa_sk_${token(24)}`),
      publicKey: ensure("E2E_ATLAS_PUBLIC_KEY", () => hex(4)),
      privateKey: ensure("E2E_ATLAS_PRIVATE_KEY", () => randomUUID()),
    },
    nextAuthSecret: ensure("E2E_NEXTAUTH_SECRET", () => token(32)),
    /** The main app serves /api/metrics with it; the two Redis instances run without one (metrics off). */
    metricsToken: ensure("E2E_METRICS_TOKEN", () => token(24)),
    users: {
      operator: { name: "e2e-operator", password: ensure("E2E_OPERATOR_PASSWORD", () => token(18)) },
      viewer: { name: "e2e-viewer", password: ensure("E2E_VIEWER_PASSWORD", () => token(18)) },
      /** Only the lockout spec signs in as this one: locking it out must not lock anyone else's tests. */
      lockable: { name: "e2e-lockable", password: ensure("E2E_LOCKABLE_PASSWORD", () => token(18)) },
      /** A viewer only the watch specs sign in as: their watches (and notices) stay out of everyone else's pages. */
      watcher: { name: "e2e-watcher", password: ensure("E2E_WATCHER_PASSWORD", () => token(18)) },
    },
    oidc: {
      clientId: "backwatch-e2e",
      clientSecret: ensure("E2E_OIDC_CLIENT_SECRET", () => token(24)),
      operatorGroup: "backwatch-operators",
    },
    /** Low so the timeout spec is quick; the simulator answers in milliseconds otherwise. */
    atlasTimeoutMs: 3000,
  };
}

export type RunEnv = ReturnType<typeof runEnv>;

/** Every credential value of this run: none may appear in built assets or server logs. */
export function secretValues(env: RunEnv): Array<[string, string]> {
  return [
    ["ATLAS_CLIENT_SECRET", env.atlas.clientSecret],
    ["ATLAS_PRIVATE_KEY", env.atlas.privateKey],
    ["NEXTAUTH_SECRET", env.nextAuthSecret],
    ["BACKWATCH_METRICS_TOKEN", env.metricsToken],
    ["BACKWATCH_WEBHOOK_SECRET", env.webhookSecret],
    ["operator password", env.users.operator.password],
    ["viewer password", env.users.viewer.password],
    ["lockable user's password", env.users.lockable.password],
    ["watcher password", env.users.watcher.password],
    ["OIDC client secret", env.oidc.clientSecret],
  ];
}

export const AUTH_DIR = path.resolve(__dirname, "..", ".auth");
/** Per app port, like the logs, so two runs in one checkout never sign each other's users out. */
export const storageStatePath = (role: "operator" | "viewer") =>
  path.join(AUTH_DIR, process.env.E2E_APP_PORT || "3110", `${role}.json`);
