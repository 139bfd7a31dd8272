import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "../support/api-fixtures";
import { randomName } from "../support/routes";
import { sessionCookie, signInAttempt } from "../support/signin";

// Callback URLs that a browser resolves to another host: dot segments, percent-encoded dots,
// backslashes, tabs and newlines (which URL parsing strips), mixed-case schemes.
const OFF_SITE = [
  "/.//evil.example/y",
  "/./\\evil.example/y",
  "/a/..//evil.example/y",
  "/%2e//evil.example/y",
  "/%2E%2e//evil.example/y",
  "/\t/evil.example/y",
  "/\n/evil.example/y",
  "/%09/evil.example/y",
  "/\\/evil.example/y",
  "//evil.example/y",
  "\\\\evil.example/y",
  "HTTPS://evil.example/y",
  "hTtP://evil.example/y",
  "https:evil.example/y",
];

const stays = (location: string, appUrl: string) => new URL(location, appUrl).origin === new URL(appUrl).origin;

test.describe("open redirects after sign-in", () => {
  for (const callbackUrl of OFF_SITE) {
    test(`a signed-in visit to /signin with callbackUrl ${JSON.stringify(callbackUrl)} stays on Backwatch`, async ({
      operator,
      env,
    }) => {
      const res = await operator.get(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
      expect(res.status()).toBe(307);
      const location = res.headers()["location"] ?? "";
      expect(stays(location, env.appUrl), location).toBe(true);
      expect(location).not.toMatch(/^\/\/|^\/\\/);
    });
  }

  test("next-auth's own answer to a sign-in never points off-site", async ({ env }) => {
    for (const callbackUrl of OFF_SITE) {
      const ctx = await playwrightRequest.newContext({
        baseURL: env.appUrl,
        storageState: { cookies: [], origins: [] },
      });
      const result = await signInAttempt(ctx, {
        username: env.users.viewer.name,
        password: env.users.viewer.password,
        callbackUrl,
      });
      expect(result.error).toBeNull();
      expect(stays(result.url, env.appUrl), `${JSON.stringify(callbackUrl)} -> ${result.url}`).toBe(true);
      expect(new URL(result.url).pathname.startsWith("//")).toBe(false);
      await ctx.dispose();
    }
  });

  for (const callbackUrl of ["/.//evil.example/x", "/%2e//evil.example/x"]) {
    test(`the browser lands on Backwatch after signing in with callbackUrl ${callbackUrl}`, async ({
      browser,
      env,
    }) => {
      const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      const page = await context.newPage();
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel("Username").fill(env.users.viewer.name);
      await page.getByLabel("Password").fill(env.users.viewer.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
      expect(new URL(page.url()).origin).toBe(env.appUrl);
      await context.close();
    });
  }
});

test.describe("failed sign-ins are limited", () => {
  test("a user name is locked after its failures, from any address, and then even the right password is refused", async ({
    anon,
    env,
  }) => {
    const { name, password } = env.users.lockable;
    // BACKWATCH_SIGNIN_MAX_FAILURES is 3 in this run; each attempt comes from another address.
    for (const [i, address] of ["198.51.100.1", "198.51.100.2"].entries()) {
      expect((await signInAttempt(anon, { username: name, password: `wrong-${i}` }, address)).error).toBe(
        "CredentialsSignin",
      );
    }
    const third = await signInAttempt(anon, { username: name, password: "wrong-3" }, "198.51.100.3");
    expect(third.error).toMatch(/^TooManyAttempts:\d+$/);
    const right = await signInAttempt(anon, { username: name, password }, "198.51.100.4");
    expect(right.status).toBe(401);
    expect(Number(right.error?.split(":")[1])).toBeGreaterThan(0);
    expect((await anon.get("/api/session")).status()).toBe(401);
  });

  test("the sign-in form says how long to wait", async ({ browser }) => {
    const context = await browser.newContext({
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: { "x-forwarded-for": "198.51.100.77" },
    });
    const page = await context.newPage();
    const name = randomName("nobody");
    await page.goto("/signin");
    for (let i = 0; i < 3; i++) {
      await page.getByLabel("Username").fill(name);
      await page.getByLabel("Password").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(
        page.getByRole("alert").filter({ hasText: /Wrong username or password|Too many failed attempts/ }),
      ).toBeVisible();
    }
    await expect(
      page.getByRole("alert").filter({ hasText: /^Too many failed attempts\. Try again in \d+ s\.$/ }),
    ).toBeVisible();
    expect((await page.request.get("/api/session")).status()).toBe(401);
    await context.close();
  });

  test("one address spraying many names is locked", async ({ anon }) => {
    const address = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
    const codes: Array<string | null> = [];
    // BACKWATCH_SIGNIN_MAX_FAILURES_PER_ADDRESS is 12 in this run.
    for (let i = 0; i < 13; i++)
      codes.push((await signInAttempt(anon, { username: randomName(`spray${i}`), password: "x" }, address)).error);
    expect(codes.slice(0, 11).every((c) => c === "CredentialsSignin")).toBe(true);
    expect(codes.at(-1)).toMatch(/^TooManyAttempts:/);
    // Another address is not affected.
    expect((await signInAttempt(anon, { username: randomName("other"), password: "x" }, "203.0.113.250")).error).toBe(
      "CredentialsSignin",
    );
  });
});

test.describe("sessions end and are re-checked", () => {
  const now = () => Math.floor(Date.now() / 1000);

  async function sessionStatus(env: { appUrl: string; nextAuthSecret: string }, claims: Record<string, unknown>) {
    const ctx = await playwrightRequest.newContext({ baseURL: env.appUrl, storageState: { cookies: [], origins: [] } });
    const cookie = await sessionCookie(env.appUrl, env.nextAuthSecret, claims);
    const res = await ctx.get("/api/session", { headers: { cookie: `${cookie.name}=${cookie.value}` } });
    const page = await ctx.get("/projects", { headers: { cookie: `${cookie.name}=${cookie.value}` }, maxRedirects: 0 });
    const result = {
      api: res.status(),
      body: res.ok() ? await res.json() : null,
      page: page.status(),
      location: page.headers()["location"] ?? "",
    };
    await ctx.dispose();
    return result;
  }

  test("the control case: an OIDC-shaped token within its lifetime is accepted", async ({ env }) => {
    const result = await sessionStatus(env, {
      name: "sso-person",
      role: "viewer",
      provider: "oidc",
      signedInAt: now() - 60,
    });
    expect(result.api).toBe(200);
    expect(result.body).toMatchObject({ name: "sso-person", role: "viewer" });
  });

  test("a session older than its absolute lifetime is refused, by the API and by pages", async ({ env }) => {
    const result = await sessionStatus(env, {
      name: "sso-person",
      role: "operator",
      provider: "oidc",
      signedInAt: now() - 13 * 3600,
    });
    expect(result.api).toBe(401);
    expect(result.page).toBe(307);
    expect(result.location).toContain("/signin");
  });

  test("a local user no longer in BACKWATCH_USERS loses access", async ({ env }) => {
    const result = await sessionStatus(env, {
      name: "removed-operator",
      role: "operator",
      provider: "local",
      signedInAt: now() - 60,
      cv: "x",
    });
    expect(result.api).toBe(401);
  });

  test("a token claiming another role or a stale password for a real user is refused", async ({ env }) => {
    const result = await sessionStatus(env, {
      name: env.users.viewer.name,
      role: "operator",
      provider: "local",
      signedInAt: now() - 60,
      cv: "forged",
    });
    expect(result.api).toBe(401);
  });

  test("a token of the older shape (name and role only) is refused", async ({ env }) => {
    const result = await sessionStatus(env, { name: env.users.operator.name, role: "operator" });
    expect(result.api).toBe(401);
  });
});
