import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { request } from "urllib";
import { beforeAll, describe, expect, it } from "vitest";
import { harnessPerFile, media } from "./harness";
import { createFidelitySpec } from "./spec";

// HTTP Digest (API keys; spec: components.securitySchemes.DigestAuth; Atlas docs:
// atlas/api/api-authentication) exercised by two independent, widely used implementations: curl's
// --digest and urllib's digestAuth. If either can authenticate, real clients can too.

const run = promisify(execFile);
const spec = createFidelitySpec();
const V1 = media("2023-01-01");
const h = harnessPerFile();
let url: string;

beforeAll(() => {
  url = `${h.sim.url}/api/atlas/v2/groups/${h.fixtures.showcase.groupId}/clusters/${h.fixtures.showcase.bigRestoreCluster}/backup/restoreJobs?itemsPerPage=3`;
});

async function curl(user: string, target: string): Promise<{ status: number; contentType: string; body: string }> {
  // -w appends the status and content type after the body, separated by a line no JSON contains.
  const { stdout } = await run("/usr/bin/curl", [
    "-s",
    "--digest",
    "--user",
    user,
    "-H",
    `Accept: ${V1}`,
    "-w",
    "\n--CURL--%{http_code} %{content_type}",
    target,
  ]);
  const [body, meta] = stdout.split("\n--CURL--") as [string, string];
  const [status, contentType] = meta.split(" ");
  return { status: Number(status), contentType: contentType ?? "", body };
}

describe("digest auth with independent clients", () => {
  it("curl --digest with the API key gets a spec-valid list", async () => {
    const { publicKey, privateKey } = h.sim.credentials;
    const res = await curl(`${publicKey}:${privateKey}`, url);
    expect(res.status).toBe(200);
    expect(res.contentType.split(";")[0]).toBe(V1);
    const body = JSON.parse(res.body) as { results: unknown[] };
    expect(body.results).toHaveLength(3);
    expect(spec.validateResponse("listGroupClusterBackupRestoreJobs", 200, res.contentType, body)).toEqual([]);
  });

  it("curl --digest with a wrong password gets 401 USER_UNAUTHORIZED", async () => {
    const res = await curl(`${h.sim.credentials.publicKey}:wrong-password`, url);
    expect(res.status).toBe(401);
    expect(spec.validateApiError(JSON.parse(res.body))).toEqual([]);
    expect(JSON.parse(res.body)).toMatchObject({ error: 401, errorCode: "USER_UNAUTHORIZED" });
  });

  it("urllib digestAuth works for GET and POST, and fails with a wrong password", async () => {
    const { publicKey, privateKey } = h.sim.credentials;
    const ok = await request(url, {
      digestAuth: `${publicKey}:${privateKey}`,
      headers: { accept: V1 },
      dataType: "json",
    });
    expect(ok.status).toBe(200);
    expect(
      spec.validateResponse("listGroupClusterBackupRestoreJobs", 200, String(ok.headers["content-type"]), ok.data),
    ).toEqual([]);

    const bad = await request(url, { digestAuth: `${publicKey}:nope`, headers: { accept: V1 }, dataType: "json" });
    expect(bad.status).toBe(401);
    expect(bad.data).toMatchObject({ error: 401, errorCode: "USER_UNAUTHORIZED" });

    const unknownUser = await request(url, {
      digestAuth: `someone-else:${privateKey}`,
      headers: { accept: V1 },
      dataType: "json",
    });
    expect(unknownUser.status).toBe(401);
  });

  it("the bare challenge names the Digest scheme with a realm and nonce, and is counted", async () => {
    await h.control("DELETE", "counters");
    const res = await fetch(url, { headers: { accept: V1 } });
    expect(res.status).toBe(401);
    const challenge = res.headers.get("www-authenticate") ?? "";
    expect(challenge).toMatch(/^Digest /);
    expect(challenge).toMatch(/realm="[^"]+"/);
    expect(challenge).toMatch(/nonce="[^"]+"/);
    const counters = (await h.control("GET", "counters")).json as {
      total: number;
      byRoute: Record<string, Record<string, number>>;
    };
    expect(counters.total).toBe(1);
    expect(counters.byRoute[`GET ${new URL(url).pathname}`]).toEqual({ "401": 1 });
  });
});
