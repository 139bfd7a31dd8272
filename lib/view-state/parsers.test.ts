import { describe, expect, it } from "vitest";
import { loadClusterView, serializeClusterView } from "./parsers";

describe("cluster view URL state", () => {
  it("parses every field of a shared link", () => {
    const view = loadClusterView(
      "?tab=export&status=failed,running&sort=finishedAt&dir=asc&page=3&pageSize=100&job=5f1e2d3c4b5a697887766554&refresh=30&window=24h&collState=NOT_FOUND&collPage=2",
    );
    expect(view).toEqual({
      tab: "export",
      status: ["failed", "running"],
      sort: "finishedAt",
      dir: "asc",
      page: 3,
      pageSize: 100,
      job: "5f1e2d3c4b5a697887766554",
      refresh: 30,
      window: "24h",
      collState: "NOT_FOUND",
      collPage: 2,
    });
  });

  it("falls back to defaults on junk instead of failing the page", () => {
    const view = loadClusterView(
      "?tab=nope&page=0&pageSize=7&job=xyz&refresh=5&window=1y&sort=id&collState=not_found&collPage=-1",
    );
    expect(view).toMatchObject({
      tab: null,
      page: 1,
      pageSize: 50,
      job: null,
      refresh: 0,
      window: "7d",
      sort: "startedAt",
      collState: null,
      collPage: 1,
    });
  });

  it("drops unknown statuses but keeps known ones", () => {
    expect(loadClusterView("?status=failed,bogus").status).toEqual(["failed"]);
  });

  it("round-trips through the serializer and leaves defaults out of the link", () => {
    const url = serializeClusterView("/x", { tab: "restore", status: ["failed"], page: 2, refresh: 0 });
    expect(url).toBe("/x?tab=restore&status=failed&page=2");
    expect(loadClusterView(url.slice(2))).toMatchObject({ tab: "restore", status: ["failed"], page: 2 });
  });
});
