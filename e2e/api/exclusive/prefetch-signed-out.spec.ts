import { expect, test } from "../../support/api-fixtures";

// A router prefetch once skipped the proxy: a signed-out client sending `Purpose: prefetch` got the
// page's metadata rendered (Atlas read for it) with no CSP. In the exclusive project (one worker,
// after everything else) the simulator's total call count belongs to this file alone.
const PREFETCH_HEADERS: Array<Record<string, string>> = [
  { purpose: "prefetch" },
  { "next-router-prefetch": "1" },
  { "next-router-prefetch": "1", rsc: "1" },
  { "sec-purpose": "prefetch" },
  {},
];

test.describe("signed out, no page renders data, whatever the request says it is", () => {
  test.beforeAll(async ({ sim }) => {
    await sim.quiet();
  });

  for (const headers of PREFETCH_HEADERS) {
    test(`headers ${JSON.stringify(headers)}`, async ({ anon, sim, fx }) => {
      const paths = [
        "/",
        "/?window=1h&section=attention&stuck=true",
        "/projects",
        `/projects/${fx.showcase.groupId}`,
        `/projects/${fx.showcase.groupId}/clusters/${fx.showcase.bigRestoreCluster}`,
        `/projects/${fx.showcase.groupId}/clusters/${fx.showcase.bigRestoreCluster}?tab=restore&job=000000000000000000000000`,
      ];
      const before = (await sim.counters()).total;
      for (const path of paths) {
        const res = await anon.get(path, { headers, maxRedirects: 0 });
        const body = await res.text();
        expect(res.status(), path).toBe(307);
        expect(res.headers()["location"], path).toContain("/signin?callbackUrl=");
        expect(res.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
        expect(body).not.toContain(fx.showcase.projectName);
        expect(body).not.toContain("<title>");
      }
      expect((await sim.counters()).total).toBe(before);
    });
  }

  test("signed in, a prefetch carries the CSP like any page", async ({ operator, fx }) => {
    const res = await operator.get(`/projects/${fx.showcase.groupId}`, {
      headers: { "next-router-prefetch": "1", rsc: "1" },
    });
    expect(res.status()).toBe(200);
    expect(res.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  });
});
