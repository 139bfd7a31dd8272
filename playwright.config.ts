import { mkdirSync, writeFileSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "./e2e/support/chromium";
import { runEnv, storageStatePath } from "./e2e/support/run-env";

const env = runEnv();
mkdirSync(env.logDir, { recursive: true });
// Run logs stay out of git without touching the root .gitignore.
writeFileSync(`${env.logDir}/../.gitignore`, "*\n");

const atlasEnv = {
  ATLAS_CLIENT_ID: env.atlas.clientId,
  ATLAS_CLIENT_SECRET: env.atlas.clientSecret,
  ATLAS_PUBLIC_KEY: env.atlas.publicKey,
  ATLAS_PRIVATE_KEY: env.atlas.privateKey,
};

// The app uses the service account; the simulator accepts it and the random API key alike.
const appEnv = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: env.distDir,
  ATLAS_BASE_URL: env.simUrl,
  ATLAS_CLIENT_ID: env.atlas.clientId,
  ATLAS_CLIENT_SECRET: env.atlas.clientSecret,
  ATLAS_PUBLIC_KEY: "",
  ATLAS_PRIVATE_KEY: "",
  ATLAS_TIMEOUT_MS: String(env.atlasTimeoutMs),
  ATLAS_MAX_RETRIES: "1",
  BACKWATCH_USERS: [
    `${env.users.operator.name}:${env.users.operator.password}:operator`,
    `${env.users.viewer.name}:${env.users.viewer.password}:viewer`,
    `${env.users.lockable.name}:${env.users.lockable.password}:viewer`,
    `${env.users.watcher.name}:${env.users.watcher.password}:viewer`,
  ].join(","),
  // Low, so the lockout specs are quick; specs that fail on purpose use their own names and addresses.
  BACKWATCH_SIGNIN_MAX_FAILURES: "3",
  // Short windows so specs see the simulator's changes within seconds; the whole run is the test
  // simulator's only client, so Backwatch may use all of its budget.
  BACKWATCH_FRESH_BUSY_SECONDS: "2",
  BACKWATCH_FRESH_IDLE_SECONDS: "4",
  BACKWATCH_FRESH_CATALOG_SECONDS: "10",
  BACKWATCH_WATCH_SECONDS: "10",
  BACKWATCH_BUDGET_SHARE: "1",
  BACKWATCH_SIGNIN_MAX_FAILURES_PER_ADDRESS: "12",
  NEXTAUTH_SECRET: env.nextAuthSecret,
  NEXTAUTH_URL: env.appUrl,
  BACKWATCH_METRICS_TOKEN: env.metricsToken,
  BACKWATCH_OIDC_ISSUER: env.idpUrl,
  BACKWATCH_OIDC_CLIENT_ID: env.oidc.clientId,
  BACKWATCH_OIDC_CLIENT_SECRET: env.oidc.clientSecret,
  BACKWATCH_OIDC_NAME: "Test SSO",
  BACKWATCH_OIDC_ROLES_CLAIM: "groups",
  BACKWATCH_OIDC_OPERATOR_GROUPS: env.oidc.operatorGroup,
  BACKWATCH_LOG_LEVEL: "info",
};

const log = (name: string) => `> "${env.logDir}/${name}.log" 2>&1`;

export default defineConfig({
  testDir: "e2e",
  // Per app port, so a second run in the same checkout does not wipe this one's artifacts.
  outputDir: `test-results/e2e-${env.appPort}`,
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: `playwright-report/${env.appPort}` }]],
  use: {
    baseURL: env.appUrl,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_EXECUTABLE,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    // Its teardown project runs once everything depending on setup has finished, pass or fail.
    { name: "setup", testMatch: /setup\/.*\.setup\.ts$/, teardown: "exclusive" },
    {
      name: "api",
      testMatch: /api\/.*\.spec\.ts$/,
      testIgnore: /api\/exclusive\//,
      dependencies: ["setup"],
      use: { storageState: storageStatePath("operator") },
    },
    {
      name: "ui",
      testMatch: /ui\/.*\.spec\.ts$/,
      testIgnore: /ui\/exclusive\//,
      dependencies: ["setup"],
      use: { storageState: storageStatePath("operator") },
    },
    {
      // Two more `next start` instances on one real redis-server and the same simulator.
      name: "shared-redis",
      testMatch: /shared-redis\/.*\.spec\.ts$/,
      // A file at a time: the outage case pauses the Redis the webhook spec counts on.
      workers: 1,
      fullyParallel: false,
      dependencies: ["setup"],
      use: { storageState: storageStatePath("operator") },
    },
    {
      // Specs that change what the simulator answers for everyone (faults on showcase lists, the clock,
      // the tenant sunset), count every upstream call, or must see the whole run's log. As setup's
      // teardown they start only after "api" and "ui" are done, whatever their outcome. One worker runs
      // them a file at a time in path order (api/, ui/, then whole-run/ last), which holds because all
      // of them take `test` from e2e/support/api-fixtures: Playwright groups files by fixture set first.
      name: "exclusive",
      testMatch: /(api\/exclusive|ui\/exclusive|whole-run)\/.*\.spec\.ts$/,
      workers: 1,
      fullyParallel: false,
      use: { storageState: storageStatePath("operator") },
    },
  ],
  webServer: [
    {
      // Speed 60: a simulated minute per second, so the UI tests can watch exports advance.
      name: "simulator",
      command: `npx tsx lib/simulator/cli.ts --port ${env.simPort} --control --speed 60 ${log("simulator")}`,
      url: `${env.simUrl}/__simulator/fixtures`,
      env: { ...atlasEnv, NODE_ENV: "test" },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      name: "oidc-idp",
      command: `npx tsx e2e/support/oidc-idp.mts ${log("oidc-idp")}`,
      url: `${env.idpUrl}/.well-known/openid-configuration`,
      env: {
        E2E_IDP_PORT: String(env.idpPort),
        E2E_APP_URL: env.appUrl,
        E2E_OIDC_CLIENT_ID: env.oidc.clientId,
        E2E_OIDC_CLIENT_SECRET: env.oidc.clientSecret,
      },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The production build (scripts/test.sh builds first); its log is scanned for secrets.
      name: "app",
      command: `npx next start -H 127.0.0.1 -p ${env.appPort} ${log("server")}`,
      url: `${env.appUrl}/api/health`,
      env: appEnv,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // Debian's redis-server (scripts/ensure-redis.sh installs it), in memory only, stopped after the run.
      name: "redis",
      command: `redis-server --port ${env.redisPort} --bind 127.0.0.1 --save "" --appendonly no ${log("redis")}`,
      port: env.redisPort,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    ...env.sharedAppUrls.map((url, i) => ({
      name: `app-redis-${i + 1}`,
      command: `npx next start -H 127.0.0.1 -p ${new URL(url).port} ${log(`server-redis-${i + 1}`)}`,
      url: `${url}/api/health`,
      // Windows of a minute, so "one read for many viewers" is one read, not one per 2 s window.
      env: {
        ...appEnv,
        NEXTAUTH_URL: url,
        REDIS_URL: env.redisUrl,
        BACKWATCH_REDIS_PREFIX: "{e2e}",
        BACKWATCH_FRESH_BUSY_SECONDS: "60",
        BACKWATCH_FRESH_IDLE_SECONDS: "60",
        // Metrics off here: e2e/api/metrics.spec.ts checks the 404.
        BACKWATCH_METRICS_TOKEN: "",
        // Webhooks from here only: transitions must be sent once by two instances on one Redis.
        BACKWATCH_WEBHOOK_URLS: `generic=${env.webhookUrl}`,
        BACKWATCH_WEBHOOK_SECRET: env.webhookSecret,
      },
      reuseExistingServer: false,
      timeout: 60_000,
    })),
  ],
});
