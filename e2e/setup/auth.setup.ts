import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test as setup } from "@playwright/test";
import { AUTH_DIR, runEnv, storageStatePath } from "../support/run-env";

const env = runEnv();

setup.beforeAll(() => {
  mkdirSync(path.dirname(storageStatePath("operator")), { recursive: true });
  // Storage states hold live session cookies: keep them out of git whatever the root .gitignore says.
  writeFileSync(`${AUTH_DIR}/.gitignore`, "*\n");
});

for (const role of ["operator", "viewer"] as const) {
  setup(`sign in as ${role} through the sign-in page`, async ({ page }) => {
    const user = env.users[role];
    await page.goto("/signin");
    await page.getByLabel("Username").fill(user.name);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
    const session = await page.request.get("/api/session");
    expect(await session.json()).toEqual({ name: user.name, role });
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
