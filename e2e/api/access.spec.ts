import type { APIRequestContext } from "@playwright/test";
import {
  ClusterListSchema,
  DownloadLinksSchema,
  ErrorEnvelopeSchema,
  JobListSchema,
  type JobKind,
} from "../../lib/jobs/dto";
import { expect, test } from "../support/api-fixtures";
import type { Fixtures, Simulator } from "../support/simulator-control";
import { atlasListPath, everyRoute, hasDownload, listPath, showcaseClusters } from "../support/routes";

type Raw = Record<string, unknown>;

/** Every URL string in a JSON value, keyed by where it sits (array indices dropped); Atlas's own `links` left out. */
function urlsIn(value: unknown, at = "", out = new Map<string, string>()): Map<string, string> {
  if (typeof value === "string" && /^https?:\/\//i.test(value)) out.set(value, at);
  else if (Array.isArray(value)) value.forEach((v) => urlsIn(v, at, out));
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) if (key !== "links") urlsIn(v, at ? `${at}.${key}` : key, out);
  }
  return out;
}

// Presigned (S3, GCS, Azure SAS, CloudFront) or credential-bearing URLs, whatever field carries them;
// `&` may reach a body as &amp; (HTML) or \u0026 (the RSC payload).
const AMP = String.raw`(?:[?&]|&amp;|\\u0026)`;
const SIGNED_URL = new RegExp(
  String.raw`https?://[^\s"'<>\\]+${AMP}(?:X-Amz-Signature|X-Amz-Credential|X-Goog-Signature|Signature|sig|sv|se|sp|Key-Pair-Id|token)=`,
  "i",
);
const URL_WITH_CREDENTIALS = /https?:\/\/[^\s"'<>\\/@:]+:[^\s"'<>\\/@]+@/i;

/** The download URLs Atlas holds, read straight from the simulator, and what a body must not contain. */
interface Truth {
  urls: Set<string>;
  hosts: Set<string>;
}

function leaksIn(body: string, truth: Truth): string[] {
  const found = [...truth.urls].filter((u) => body.includes(u));
  found.push(...[...truth.hosts].filter((h) => body.includes(h)));
  for (const re of [SIGNED_URL, URL_WITH_CREDENTIALS]) {
    const m = re.exec(body);
    if (m) found.push(m[0]);
  }
  return found;
}

interface ShowcaseList {
  kind: JobKind;
  cluster: string;
  path: string;
  atlasPath: string;
  /** Atlas's jobs of this list, by id. */
  raw: Map<string, Raw>;
}

/** Every job list of every cluster of the showcase project, with Atlas's own jobs beside it. */
async function showcaseLists(operator: APIRequestContext, sim: Simulator, fx: Fixtures): Promise<ShowcaseList[]> {
  const g = fx.showcase.groupId;
  const clusters = ClusterListSchema.parse(await (await operator.get(`/api/projects/${g}/clusters`)).json()).items;
  const lists: ShowcaseList[] = [];
  for (const c of clusters) {
    for (const kind of c.jobKinds) {
      // A migrated M5 is listed twice (shared and Flex) with the same job kinds.
      if (lists.some((l) => l.kind === kind && l.cluster === c.name)) continue;
      const atlasPath = atlasListPath(kind, g, c.name);
      const raw = new Map((await sim.atlasAll(atlasPath)).map((j) => [String(j.id), j]));
      lists.push({ kind, cluster: c.name, path: listPath(kind, g, c.name), atlasPath, raw });
    }
  }
  return lists;
}

function truthOf(lists: ShowcaseList[]): Truth {
  const urls = new Set(lists.flatMap((l) => [...l.raw.values()].flatMap((j) => [...urlsIn(j).keys()])));
  return { urls, hosts: new Set([...urls].map((u) => new URL(u).host)) };
}

/** Jobs with download URLs: one of each shape (which fields carry URLs), then the first few. */
function jobsWithUrls(list: ShowcaseList, extra = 3): string[] {
  const byShape = new Map<string, string>();
  const all: string[] = [];
  for (const [id, job] of list.raw) {
    const where = [...new Set(urlsIn(job).values())].sort().join(",");
    if (!where) continue;
    all.push(id);
    if (!byShape.has(where)) byShape.set(where, id);
  }
  return [...new Set([...byShape.values(), ...all.slice(0, extra)])];
}

/** The raw body of every page of a list, 500 jobs a page. */
async function everyPage(api: APIRequestContext, path: string): Promise<string[]> {
  const bodies: string[] = [];
  for (let page = 1, seen = 0; ; page++) {
    const res = await api.get(`${path}?pageSize=500&page=${page}`);
    expect(res.status(), path).toBe(200);
    const text = await res.text();
    bodies.push(text);
    const list = JobListSchema.parse(JSON.parse(text));
    seen += list.items.length;
    if (seen >= list.totalCount || list.items.length === 0) return bodies;
  }
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
    extraHTTPHeaders: {
      Cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged.forged.forged.forged",
    },
  });
  expect((await ctx.get("/api/projects")).status()).toBe(401);
  await ctx.dispose();
});

// The scans read raw bodies, never a zod-parsed copy: parsing strips unknown keys, and with them a URL
// leaked under a new field name.
for (const role of ["viewer", "operator"] as const) {
  test.describe(`${role}: no download URL outside the download routes`, () => {
    test("in any page of any job list", async ({ operator, viewer, sim, fx }) => {
      const api = role === "viewer" ? viewer : operator;
      const lists = await showcaseLists(operator, sim, fx);
      const truth = truthOf(lists);
      for (const kind of ["restore", "tenant-restore", "flex-restore"] as const) {
        expect(
          lists.some((l) => l.kind === kind && jobsWithUrls(l).length > 0),
          `${kind}: Atlas holds download URLs`,
        ).toBe(true);
      }
      for (const list of lists) {
        const pages = await everyPage(api, list.path);
        expect(
          pages.map((p) => JobListSchema.parse(JSON.parse(p)).items.length).reduce((a, b) => a + b, 0),
          list.path,
        ).toBe(list.raw.size);
        for (const [i, body] of pages.entries()) expect(leaksIn(body, truth), `${list.path} page ${i + 1}`).toEqual([]);
      }
    });

    test("in any kind's job detail", async ({ operator, viewer, sim, fx }) => {
      const api = role === "viewer" ? viewer : operator;
      const lists = await showcaseLists(operator, sim, fx);
      const truth = truthOf(lists);
      let scanned = 0;
      for (const list of lists) {
        const ids = list.kind === "export" ? [...list.raw.keys()].slice(0, 3) : jobsWithUrls(list);
        for (const id of ids) {
          const res = await api.get(`${list.path}/${id}`);
          expect(res.status(), `${list.path}/${id}`).toBe(200);
          expect(leaksIn(await res.text(), truth), `${list.path}/${id}`).toEqual([]);
          scanned += 1;
        }
      }
      expect(scanned).toBeGreaterThan(lists.length);
    });

    test("in the server-rendered page of a job (?job=)", async ({ operator, viewer, sim, fx }) => {
      const api = role === "viewer" ? viewer : operator;
      const lists = await showcaseLists(operator, sim, fx);
      const truth = truthOf(lists);
      const g = fx.showcase.groupId;
      for (const kind of ["restore", "tenant-restore", "flex-restore"] as const) {
        const list = lists.find((l) => l.kind === kind && jobsWithUrls(l).length > 0)!;
        // The job whose URLs sit in the most fields.
        const id = jobsWithUrls(list).sort((a, b) => urlsIn(list.raw.get(b)).size - urlsIn(list.raw.get(a)).size)[0]!;
        const page = `/projects/${g}/clusters/${list.cluster}?tab=${kind}&job=${id}`;
        const res = await api.get(page);
        expect(res.status(), page).toBe(200);
        const html = await res.text();
        // The page carries the job's detail (Atlas's self link of the job is in its raw JSON only).
        const self = (list.raw.get(id)!.links as Array<{ href: string; rel: string }>).find((l) => l.rel === "self")!;
        expect(html, `${page} renders the job's detail`).toContain(new URL(self.href).pathname);
        expect(leaksIn(html, truth), page).toEqual([]);
      }
    });
  });
}

test("viewer gets 403 on every download route; operator gets the URLs Atlas holds", async ({
  operator,
  viewer,
  sim,
  fx,
}) => {
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
    const upstream = new Set(urlsIn(raw).keys());
    expect(links.urls.length).toBeGreaterThan(0);
    for (const { url } of links.urls) expect(upstream.has(url), `${kind}: ${url} is one of Atlas's`).toBe(true);
  }
});
