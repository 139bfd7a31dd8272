import { expect, test } from "../support/api-fixtures";

// Browser flows of the sign-in page: each test starts signed out.
test.use({ storageState: { cookies: [], origins: [] } });

test("wrong password shows a clear error and no session", async ({ page, env }) => {
  await page.goto("/signin");
  await page.getByLabel("Username").fill(env.users.viewer.name);
  await page.getByLabel("Password").fill(`${env.users.viewer.password}x`);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Next's route announcer is an (empty) alert too, hence the text filter.
  await expect(page.getByRole("alert").filter({ hasText: "Wrong username or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  expect((await page.request.get("/api/session")).status()).toBe(401);
});

test("a shared link survives sign-in: back to the same path and query", async ({ page, env, fx }) => {
  const target = `/projects/${fx.showcase.groupId}?shared=1`;
  await page.goto(target);
  await expect(page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === target);
  await page.getByLabel("Username").fill(env.users.operator.name);
  await page.getByLabel("Password").fill(env.users.operator.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(
    (url) =>
      `${url.pathname}${url.search}`.startsWith(`/projects/${fx.showcase.groupId}`) &&
      url.searchParams.get("shared") === "1",
  );
});

test("an off-site callbackUrl is ignored", async ({ page, env }) => {
  await page.goto("/signin?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal");
  await page.getByLabel("Username").fill(env.users.viewer.name);
  await page.getByLabel("Password").fill(env.users.viewer.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  expect(new URL(page.url()).origin).toBe(env.appUrl);
});

test("pages carry a nonce CSP without unsafe-eval, and the page still runs", async ({ page }) => {
  const res = await page.goto("/signin");
  const csp = res!.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res!.headers()["x-frame-options"]).toBe("DENY");
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await page.reload();
  // Hydrated: the client-side handler shows the error without a page load.
  await page.getByLabel("Username").fill("nobody");
  await page.getByLabel("Password").fill("nothing");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong username or password." })).toBeVisible();
  expect(violations).toEqual([]);
});

test("sign-out through next-auth's page ends the session", async ({ page, env }) => {
  await page.goto("/signin");
  await page.getByLabel("Username").fill(env.users.viewer.name);
  await page.getByLabel("Password").fill(env.users.viewer.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  expect((await page.request.get("/api/session")).status()).toBe(200);

  await page.goto("/api/auth/signout");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname !== "/api/auth/signout");
  expect((await page.request.get("/api/session")).status()).toBe(401);
});
