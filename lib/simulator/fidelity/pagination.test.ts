import { beforeAll, describe, expect, it } from "vitest";
import { harnessPerFile, media } from "./harness";
import { createFidelitySpec } from "./spec";

// List arithmetic and envelopes (spec: components.parameters; Atlas docs, atlas/api/atlas-admin-api-ref:
// Lists, Envelopes): totalCount, page sizes, links self/next/previous, includeCount, envelope, pretty;
// every id appears on exactly one page.

const spec = createFidelitySpec();
const V1 = media("2023-01-01");
const h = harnessPerFile();
let path: string;
let total: number;

interface Page {
  results: Array<{ id: string }>;
  totalCount?: number;
  links: Array<{ rel: string; href: string }>;
  status?: number;
}

beforeAll(() => {
  const s = h.fixtures.showcase;
  path = `/groups/${s.groupId}/clusters/${s.bigRestoreCluster}/backup/restoreJobs`;
  total = s.restoreJobCount;
});

async function page(query: string): Promise<{ body: Page; text: string }> {
  const res = await h.atlas("GET", `${path}?${query}`, { accept: V1 });
  expect(res.status, res.text.slice(0, 200)).toBe(200);
  expect(
    spec.validateResponse("listGroupClusterBackupRestoreJobs", 200, res.headers.get("content-type"), res.json),
  ).toEqual([]);
  return { body: res.json as Page, text: res.text };
}

const rels = (p: Page) => p.links.map((l) => l.rel).sort();
const link = (p: Page, rel: string) => new URL(p.links.find((l) => l.rel === rel)!.href);

describe("pagination", () => {
  it("the showcase cluster has exactly restoreJobCount (1,200) jobs, 100 per page by default", async () => {
    expect(total).toBe(1200);
    const { body } = await page("");
    expect(body.totalCount).toBe(total);
    expect(body.results).toHaveLength(100);
  });

  it("pages of 500: 500, 500, 200 with self/next/previous links, and every id exactly once", async () => {
    const pages = [
      await page("itemsPerPage=500&pageNum=1"),
      await page("itemsPerPage=500&pageNum=2"),
      await page("itemsPerPage=500&pageNum=3"),
    ].map((p) => p.body);
    expect(pages.map((p) => p.results.length)).toEqual([500, 500, 200]);
    expect(pages.map((p) => p.totalCount)).toEqual([total, total, total]);
    expect(rels(pages[0]!)).toEqual(["next", "self"]);
    expect(rels(pages[1]!)).toEqual(["next", "previous", "self"]);
    expect(rels(pages[2]!)).toEqual(["previous", "self"]);

    expect(link(pages[0]!, "self").pathname).toBe(`/api/atlas/v2${path}`);
    expect(link(pages[0]!, "next").searchParams.get("pageNum")).toBe("2");
    expect(link(pages[1]!, "previous").searchParams.get("pageNum")).toBe("1");
    expect(link(pages[1]!, "next").searchParams.get("pageNum")).toBe("3");
    expect(link(pages[1]!, "next").searchParams.get("itemsPerPage")).toBe("500");
    expect(link(pages[2]!, "self").searchParams.get("pageNum")).toBe("3");

    const ids = pages.flatMap((p) => p.results.map((r) => r.id));
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  it("uneven pages: 7 per page ends with a partial page of 1200 mod 7 = 3", async () => {
    const last = Math.ceil(total / 7);
    const { body } = await page(`itemsPerPage=7&pageNum=${last}`);
    expect(body.results).toHaveLength(total % 7);
    expect(rels(body)).toEqual(["previous", "self"]);
    const beyond = await page(`itemsPerPage=7&pageNum=${last + 1}`);
    expect(beyond.body.results).toEqual([]);
  });

  it("a single page holding everything has only self", async () => {
    const s = h.fixtures.showcase;
    const res = await h.atlas(
      "GET",
      `/groups/${s.groupId}/clusters/${s.exportCluster}/backup/exports?itemsPerPage=500`,
      { accept: V1 },
    );
    const body = res.json as Page;
    expect(body.results.length).toBe(body.totalCount);
    expect(rels(body)).toEqual(["self"]);
  });

  it("includeCount=false omits totalCount", async () => {
    const { body } = await page("includeCount=false&itemsPerPage=5");
    expect(body).not.toHaveProperty("totalCount");
    expect(body.results).toHaveLength(5);
    expect((await page("includeCount=true&itemsPerPage=5")).body.totalCount).toBe(total);
  });

  it("envelope=true adds status to a list and wraps a single entity", async () => {
    const { body } = await page("envelope=true&itemsPerPage=2");
    expect(body.status).toBe(200);
    expect(body.results).toHaveLength(2);

    const id = body.results[0]!.id;
    const one = await h.atlas("GET", `${path}/${id}?envelope=true`, { accept: V1 });
    expect(one.status).toBe(200);
    const wrapped = one.json as { status: number; content: { id: string } };
    expect(wrapped.status).toBe(200);
    expect(wrapped.content.id).toBe(id);
    expect(
      spec.validateResponse("getGroupClusterBackupRestoreJob", 200, one.headers.get("content-type"), wrapped.content),
    ).toEqual([]);
  });

  it("pretty=true pretty-prints the same document; the default is compact", async () => {
    const compact = await page("itemsPerPage=2");
    const pretty = await page("itemsPerPage=2&pretty=true");
    expect(compact.text).not.toContain("\n");
    expect(pretty.text).toMatch(/\n\s+"/);
    expect(pretty.body.results).toEqual(compact.body.results);
    expect(pretty.body.totalCount).toBe(compact.body.totalCount);
  });
});
