import { describe, expect, it } from "vitest";
import { pageWindow, paginate, parseListQuery } from "./pagination";

const q = (s: string) => new URLSearchParams(s);

describe("pagination", () => {
  it("defaults to page 1 of 100 with a count", () => {
    expect(parseListQuery(q(""))).toEqual({ itemsPerPage: 100, pageNum: 1, includeCount: true });
  });

  it.each([
    "itemsPerPage=0",
    "itemsPerPage=501",
    "itemsPerPage=abc",
    "itemsPerPage=1.5",
    "pageNum=0",
    "pageNum=-1",
    "includeCount=yes",
  ])("rejects %s with INVALID_QUERY_PARAMETER", (s) => {
    expect(() => parseListQuery(q(s))).toThrow(
      expect.objectContaining({ status: 400, errorCode: "INVALID_QUERY_PARAMETER", parameters: [s.split("=")[0]] }),
    );
  });

  it("computes windows, including past the last page", () => {
    expect(pageWindow(1200, { itemsPerPage: 500, pageNum: 3 })).toEqual({
      start: 1000,
      end: 1200,
      hasNext: false,
      hasPrevious: true,
    });
    expect(pageWindow(1200, { itemsPerPage: 500, pageNum: 1 })).toEqual({
      start: 0,
      end: 500,
      hasNext: true,
      hasPrevious: false,
    });
    expect(pageWindow(10, { itemsPerPage: 5, pageNum: 9 })).toEqual({
      start: 10,
      end: 10,
      hasNext: false,
      hasPrevious: true,
    });
  });

  it("builds absolute self/next/previous links and omits totalCount when asked", () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    const page = paginate(items, { itemsPerPage: 3, pageNum: 2, includeCount: false }, (i) => i * 10, {
      baseUrl: "http://h:1",
      pathname: "/api/atlas/v2/x",
      query: q("pretty=true"),
    });
    expect(page.results).toEqual([30, 40, 50]);
    expect(page.totalCount).toBeUndefined();
    expect(page.links.map((l) => l.rel)).toEqual(["previous", "self", "next"]);
    expect(page.links[2]?.href).toBe("http://h:1/api/atlas/v2/x?pretty=true&pageNum=3&itemsPerPage=3");
  });
});
