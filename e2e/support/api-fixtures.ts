import { test as base, expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { runEnv, storageStatePath, type RunEnv } from "./run-env";
import { Simulator, type Fixtures } from "./simulator-control";

type TestFixtures = { operator: APIRequestContext; viewer: APIRequestContext; anon: APIRequestContext };
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
  anon: async ({ env }, provide) => {
    const ctx = await context(env);
    await provide(ctx);
    await ctx.dispose();
  },
});

export { expect };
