import { decode } from "next-auth/jwt";
import { expect, test } from "../support/api-fixtures";

// SSO end to end against a real OpenID Connect provider (oidc-provider on loopback, started by the
// Playwright config). Its dev login accepts any password for the accounts it knows.
test.use({ storageState: { cookies: [], origins: [] } });

for (const [login, role] of [
  ["sso-operator", "operator"],
  ["sso-viewer", "viewer"],
] as const) {
  test(`SSO as ${login}: lands on the callbackUrl with role ${role} from the groups claim`, async ({
    page,
    fx,
    env,
  }) => {
    const target = `/projects/${fx.showcase.groupId}?via=sso`;
    await page.goto(target);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await page.getByRole("button", { name: "Sign in with Test SSO" }).click();

    await expect(page).toHaveURL(new RegExp(`^${env.idpUrl}/interaction/`));
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("any");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();

    await expect(page).toHaveURL(
      (url) =>
        url.origin === env.appUrl &&
        url.pathname.startsWith(`/projects/${fx.showcase.groupId}`) &&
        url.searchParams.get("via") === "sso",
    );
    const session = await page.request.get("/api/session");
    expect(await session.json()).toEqual({ name: login === "sso-operator" ? "Sso Operator" : "Sso Viewer", role });

    // The session cookie is a JWT holding name and role only: no IdP token rides along.
    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(cookie).toBeDefined();
    const token = await decode({ token: cookie!.value, secret: env.nextAuthSecret });
    expect(Object.keys(token ?? {}).sort()).toEqual([
      "exp",
      "iat",
      "jti",
      "name",
      "provider",
      "role",
      "signedInAt",
      "uid",
    ]);
  });
}
