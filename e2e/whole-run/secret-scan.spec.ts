import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "../support/api-fixtures";
import { randomId } from "../support/routes";
import { secretValues } from "../support/run-env";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

// Last of the exclusive project (whole-run/ sorts after api/ and ui/), so the server log holds the whole run.
test("no credential of this run is in the built static assets", async ({ env }) => {
  const files = filesUnder(path.resolve(env.distDir, "static"));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const text = readFileSync(file, "latin1");
    for (const [name, value] of secretValues(env)) expect(text.includes(value), `${name} in ${file}`).toBe(false);
  }
});

test("no credential of this run is in the server log", async ({ env, operator }) => {
  // One more request, to a project id made up here (it goes to Atlas and comes back 404): until its line
  // is in the file, the log may not hold everything the server has done, and is not read.
  const path = `/api/projects/${randomId()}/clusters`;
  expect((await operator.get(path)).status()).toBe(404);
  await expect.poll(() => readFileSync(env.serverLog, "utf8")).toContain(`"path":"${path}"`);
  const log = readFileSync(env.serverLog, "utf8");
  for (const [name, value] of secretValues(env)) expect(log.includes(value), name).toBe(false);
  // The Atlas client id is not a secret, but the log should not need it either.
  expect(log).not.toContain("Authorization");
});
