import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "../../support/api-fixtures";
import { secretValues } from "../../support/run-env";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

// Runs after every other API and UI spec, so the server log holds the whole run.
test("no credential of this run is in the built static assets", async ({ env }) => {
  const files = filesUnder(path.resolve(env.distDir, "static"));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const text = readFileSync(file, "latin1");
    for (const [name, value] of secretValues(env)) expect(text.includes(value), `${name} in ${file}`).toBe(false);
  }
});

test("no credential of this run is in the server log", async ({ env, operator }) => {
  // One more logged request, so the log is known to be the live one.
  expect((await operator.get("/api/projects")).status()).toBe(200);
  await expect.poll(() => readFileSync(env.serverLog, "utf8")).toContain('"path":"/api/projects"');
  const log = readFileSync(env.serverLog, "utf8");
  for (const [name, value] of secretValues(env)) expect(log.includes(value), name).toBe(false);
  // The Atlas client id is not a secret, but the log should not need it either.
  expect(log).not.toContain("Authorization");
});
