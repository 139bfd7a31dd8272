import { test as base, expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { runEnv, storageStatePath, type RunEnv } from "./run-env";
import { signInAttempt } from "./signin";
import { clearWatches } from "./watches";
import { Simulator, type Fixtures } from "./simulator-control";

type TestFixtures = {
  operator: APIRequestContext;
  viewer: APIRequestContext;
  anon: APIRequestContext;
  /** Signed in as the watch specs' own viewer, with no watches left from an earlier test. */
  watcher: APIRequestContext;
};
type WorkerFixtures = { env: RunEnv; sim: Simulator; fx: Fixtures };

// Inside a test, request.newContext() inherits the project's `use` (its operator storage state),
// so the signed-out context must say "no cookies" explicitly.
const SIGNED_OUT = { cookies: [], origins: [] };
const context = (env: RunEnv, storageState?: string) =>
  playwrightRequest.newContext({ baseURL: env.appUrl, storageState: storageState ?? SIGNED_OUT });

export const test = base.extend<TestFixtures, WorkerFixtures>({
  env: [async ({}, provide) => provide(runEnv()), { scope: "worker" }],
  sim: [async ({ env }, provide) => provide(new Simulator(env)), { scope: "worker" }],
  fx: [async ({ sim }, provide) => provide(await sim.fixtures()), { scope: "worker" }],
  operator: async ({ env }, provide) => {
    const ctx = await context(env, storageStatePath("operator"));
    await provide(ctx);
    await ctx.dispose();
  },
  viewer: async ({ env }, provide) => {
    const ctx = await context(env, storageStatePath("viewer"));
    await provide(ctx);
    await ctx.dispose();
  },
  watcher: async ({ env }, provide) => {
    const ctx = await context(env);
    const { name: username, password } = env.users.watcher;
    const { error } = await signInAttempt(ctx, { username, password });
    if (error) throw new Error(`the watcher could not sign in: ${error}`);
    await clearWatches(ctx);
    await provide(ctx);
    await clearWatches(ctx);
    await ctx.dispose();
  },
  anon: async ({ env }, provide) => {
    const ctx = await context(env);
    await provide(ctx);
    await ctx.dispose();
  },
});

export { expect };
