import { DownloadLinksSchema, ErrorEnvelopeSchema, JobListSchema } from "../../lib/jobs/dto";
import { expect, test } from "../support/api-fixtures";
import { atlasListPath, everyRoute, hasDownload, listPath, showcaseClusters } from "../support/routes";

const URL_KEYS = ["deliveryUrl", "snapshotUrl", "downloadUrl"];

/** Every string value under a download-URL key, anywhere in a JSON value. */
function urlValues(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => urlValues(v, out));
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (URL_KEYS.includes(key)) out.push(...JSON.stringify(v).match(/https?:\/\/[^"]+/g) ?? []);
      urlValues(v, out);
    }
  }
  return out;
}

test("every route answers 401 in the envelope without a session", async ({ anon, fx }) => {
  for (const path of everyRoute(fx)) {
    const res = await anon.get(path);
    expect(res.status(), path).toBe(401);
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.code).toBe("UNAUTHENTICATED");
  }
});

test("a forged session cookie is still 401", async ({ env, playwright }) => {
  const ctx = await playwright.request.newContext({
    baseURL: env.appUrl,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { Cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged.forged.forged.forged" },
  });
  expect((await ctx.get("/api/projects")).status()).toBe(401);
  await ctx.dispose();
});

for (const role of ["viewer", "operator"] as const) {
  test(`${role}: no download URL in any list or detail`, async ({ operator, viewer, sim, fx }) => {
    const api = role === "viewer" ? viewer : operator;
    for (const { kind, cluster } of showcaseClusters(fx)) {
      if (!hasDownload(kind)) continue;
      const raw = await sim.atlasAll(atlasListPath(kind, fx.showcase.groupId, cluster));
      const hosts = [...new Set(urlValues(raw).map((u) => new URL(u).host))];
      expect(hosts.length, `${kind} upstream has delivery URLs`).toBeGreaterThan(0);

      const path = listPath(kind, fx.showcase.groupId, cluster);
      const list = JobListSchema.parse(await (await api.get(`${path}?pageSize=500`)).json());
      const withUrl = list.items.filter((job) => job.hasDownloadUrl).slice(0, 3);
      expect(withUrl.length).toBeGreaterThan(0);
      const bodies = [JSON.stringify(list)];
      for (const job of withUrl) bodies.push(await (await api.get(`${path}/${job.id}`)).text());
      for (const body of bodies) {
        for (const host of hosts) expect(body, `${kind} ${role}`).not.toContain(host);
        expect(urlValues(JSON.parse(body))).toEqual([]);
      }
    }
  });
}

test("viewer gets 403 on every download route; operator gets the URLs Atlas holds", async ({ operator, viewer, sim, fx }) => {
  for (const { kind, cluster } of showcaseClusters(fx)) {
    if (!hasDownload(kind)) continue;
    const path = listPath(kind, fx.showcase.groupId, cluster);
    const list = JobListSchema.parse(await (await operator.get(`${path}?pageSize=500`)).json());
    const job = list.items.find((j) => j.hasDownloadUrl);
    expect(job).toBeDefined();

    const denied = await viewer.get(`${path}/${job!.id}/download`);
    expect(denied.status(), kind).toBe(403);
    expect(ErrorEnvelopeSchema.parse(await denied.json()).error.code).toBe("FORBIDDEN");

    const links = DownloadLinksSchema.parse(await (await operator.get(`${path}/${job!.id}/download`)).json());
    const raw = await sim.atlas(`${atlasListPath(kind, fx.showcase.groupId, cluster)}/${job!.id}`);
    const upstream = new Set(urlValues(raw));
    expect(links.urls.length).toBeGreaterThan(0);
    for (const { url } of links.urls) expect(upstream.has(url), `${kind}: ${url} is one of Atlas's`).toBe(true);
  }
});
