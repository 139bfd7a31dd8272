import { describe, expect, it } from "vitest";
import { JOB_KINDS, JOB_STATUSES } from "@/lib/jobs/dto";
import * as dto from "@/lib/now/dto";
import { loadNowView, nowQueryFromView, nowSearch, nowScope, serializeNowView, NOW_Q_MAX } from "./now-parsers";
import * as local from "./now-parsers";

const G1 = "5f1e2d3c4b5a697887766554";
const G2 = "0123456789abcdef01234567";

/** What GET /api/now would read from the same query string. */
const routeQuery = (qs: string) => {
  const params = new URLSearchParams(qs);
  const raw: Record<string, string | string[] | undefined> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    raw[key] = all.length > 1 ? all : all[0];
  }
  return dto.NowQuerySchema.parse(raw);
};

describe("zod-free copies of lib/now/dto.ts", () => {
  it("match it exactly", () => {
    expect(local.NOW_WINDOWS).toEqual(dto.NOW_WINDOWS);
    expect(local.NOW_SECTIONS).toEqual(dto.NOW_SECTIONS);
    expect(local.NOW_GROUPINGS).toEqual(dto.NOW_GROUPINGS);
    expect(local.NOW_SORTS).toEqual(dto.NOW_SORTS);
  });
});

describe("Now view URL state", () => {
  it.each([
    "",
    "window=1h",
    `window=7d&kind=restore,export&status=failed&section=attention&stuck=true&project=${G1}&q=pay&sort=longest&group=cluster`,
    "kind=restore&kind=export&status=running,failed",
    `project=${G2}&project=${G1}`,
    "stuck=false&sort=cluster&group=project",
    "kind=%20restore%20,,export",
  ])("reads %j as the route does", (qs) => {
    expect(nowQueryFromView(loadNowView(`?${qs}`))).toEqual(normalised(routeQuery(qs)));
  });

  it("drops a bad value instead of failing the page (the route answers 400)", () => {
    const qs = `window=2h&kind=restore,bogus&stuck=yes&project=xyz,${G1}&q=${"x".repeat(NOW_Q_MAX + 1)}&sort=size&group=org&events=nope&zoom=9-1&range=abc`;
    expect(() => routeQuery(qs)).toThrow();
    expect(loadNowView(`?${qs}`)).toEqual({
      window: "24h",
      kind: ["restore"],
      status: [],
      section: [],
      stuck: null,
      project: [G1],
      q: "",
      sort: "newest",
      group: "none",
      events: [],
      zoom: null,
      range: null,
    });
  });

  it("round-trips through the serializer, leaving defaults out of the link", () => {
    const url = serializeNowView("/", {
      window: "6h",
      kind: ["export"],
      status: ["failed", "running"],
      sort: "newest",
    });
    expect(url).toBe("/?window=6h&kind=export&status=failed,running");
    expect(loadNowView(url.slice(1))).toMatchObject({ window: "6h", kind: ["export"], status: ["failed", "running"] });
  });

  it("sends the route what it parses back to the same scope", () => {
    const query = nowQueryFromView(loadNowView(`?window=6h&project=${G1}&q=%20pay%20&kind=restore&sort=oldest`));
    const scope = nowScope(query);
    expect(scope).toEqual({ window: "6h", project: [G1], q: "pay", sort: "oldest" });
    expect(nowScope(routeQuery(nowSearch(scope)))).toEqual(scope);
    expect(routeQuery(nowSearch(query))).toEqual({ ...query, kind: ["restore"] });
  });
});

/** The route keeps list order and duplicates as sent; the page fixes both. */
function normalised(query: dto.NowQuery): dto.NowQuery {
  const order = <T extends string>(all: readonly T[], picked: T[]) => all.filter((v) => picked.includes(v));
  return {
    ...query,
    kind: order(JOB_KINDS, query.kind),
    status: order(JOB_STATUSES, query.status),
    section: order(dto.NOW_SECTIONS, query.section),
    project: [...new Set(query.project)].sort(),
    ...(query.q !== undefined ? { q: query.q.trim() || undefined } : {}),
  };
}
