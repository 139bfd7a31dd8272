import { beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "../index";
import type { Counters } from "../testing/simulator-client";
import { harnessPerFile, media, mediaTypeOf } from "./harness";
import { createFidelitySpec } from "./spec";

// The /__simulator control interface (lib/simulator/README.md): injected faults answer with Atlas's
// own error shapes, counters count them, drop closes the connection, and without `control` the
// paths are plain Atlas 404s.

const spec = createFidelitySpec();
const V = media("2024-08-05");
const h = harnessPerFile();
let path: string;

beforeAll(() => {
  path = `/groups/${h.fixtures.showcase.groupId}/clusters`;
});

describe("faults and counters", () => {
  it("an injected 503 answers with the Atlas body once (times: 1) and is counted", async () => {
    await h.control("DELETE", "faults");
    await h.control("DELETE", "counters");
    const fault = await h.control("POST", "faults", { method: "GET", path: "/clusters$", status: 503, times: 1 });
    expect(fault.status).toBe(200);
    expect(typeof (fault.json as { id: unknown }).id).not.toBe("undefined");

    const failed = await h.atlas("GET", path, { accept: V });
    expect(failed.status).toBe(503);
    expect(mediaTypeOf(failed)).toBe("application/json");
    expect(spec.validateApiError(failed.json)).toEqual([]);
    expect(failed.json).toMatchObject({ error: 503, errorCode: "SERVICE_UNAVAILABLE" });
    expect((await h.atlas("GET", path, { accept: V })).status).toBe(200);

    const counters = (await h.control("GET", "counters")).json as Counters;
    expect(counters.byRoute[`GET /api/atlas/v2${path}`]).toEqual({ "503": 1, "200": 1 });
    expect(counters.total).toBe(2);
  });

  it("an injected 429 carries Retry-After and RateLimit-* headers, until cleared", async () => {
    await h.control("POST", "faults", { path: "/clusters$", status: 429, retryAfterSeconds: 7 });
    for (let i = 0; i < 2; i++) {
      const res = await h.atlas("GET", path, { accept: V });
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("7");
      expect(res.headers.get("ratelimit-limit")).not.toBeNull();
      expect(res.headers.get("ratelimit-remaining")).toBe("0");
      expect(spec.validateResponse("listGroupClusters", 429, res.headers.get("content-type"), res.json)).toEqual([]);
    }
    await h.control("DELETE", "faults");
    expect((await h.atlas("GET", path, { accept: V })).status).toBe(200);
  });

  it("a fault's errorCode overrides the default, and method filters apply", async () => {
    await h.control("POST", "faults", {
      method: "POST",
      path: "/clusters$",
      status: 500,
      errorCode: "UNEXPECTED_ERROR",
    });
    expect((await h.atlas("GET", path, { accept: V })).status).toBe(200);
    await h.control("DELETE", "faults");
    await h.control("POST", "faults", { path: "/clusters$", status: 500, errorCode: "CUSTOM_CODE", times: 1 });
    const res = await h.atlas("GET", path, { accept: V });
    expect(res.json).toMatchObject({ error: 500, errorCode: "CUSTOM_CODE" });
  });

  it("drop destroys the socket, so the client sees a network error", async () => {
    await h.control("POST", "faults", { path: "/clusters$", drop: true, times: 1 });
    await expect(h.atlas("GET", path, { accept: V })).rejects.toThrow();
    expect((await h.atlas("GET", path, { accept: V })).status).toBe(200);
  });

  it("a fault is removed by its id, leaving the others in place", async () => {
    await h.control("DELETE", "faults");
    const mine = (await h.control("POST", "faults", { path: "/clusters$", status: 503 })).json as { id: string };
    const theirs = (await h.control("POST", "faults", { path: "/flexClusters$", status: 500 })).json as { id: string };
    expect(mine.id).not.toBe(theirs.id);
    expect((await h.atlas("GET", path, { accept: V })).status).toBe(503);

    const removed = await h.control("DELETE", `faults/${mine.id}`);
    expect(removed).toMatchObject({ status: 200, json: { id: mine.id, removed: true } });
    expect((await h.atlas("GET", path, { accept: V })).status).toBe(200);
    const flex = `/groups/${h.fixtures.showcase.groupId}/flexClusters`;
    expect((await h.atlas("GET", flex, { accept: media("2024-11-13") })).status).toBe(500);

    // Removing it again, or a fault used up by its `times`, says so without failing the caller's cleanup.
    expect((await h.control("DELETE", `faults/${mine.id}`)).json).toEqual({ id: mine.id, removed: false });
    expect(await h.client.removeFault(theirs.id)).toBe(true);
    expect((await h.atlas("GET", flex, { accept: media("2024-11-13") })).status).toBe(200);
  });

  it("a body fault answers raw text that is not Atlas's, with the status given (default 200)", async () => {
    await h.control("POST", "faults", { path: "/clusters$", body: '{"results": [', times: 1 });
    await h.control("POST", "faults", { path: "/clusters$", status: 502, body: "<html>Bad gateway</html>", times: 1 });
    const truncated = await h.atlas("GET", path, { accept: V });
    expect(truncated).toMatchObject({ status: 200, text: '{"results": [', json: undefined });
    const html = await h.atlas("GET", path, { accept: V });
    expect(html).toMatchObject({ status: 502, text: "<html>Bad gateway</html>" });
    expect((await h.atlas("GET", path, { accept: V })).status).toBe(200);
  });

  it("the clock endpoint reports and advances simulated time", async () => {
    const before = Date.parse(((await h.control("GET", "clock")).json as { now: string }).now);
    await h.control("POST", "clock", { advanceSeconds: 3600 });
    const after = Date.parse(((await h.control("GET", "clock")).json as { now: string }).now);
    expect(after - before).toBeGreaterThanOrEqual(3_600_000);
    expect(after - before).toBeLessThan(3_600_000 + 60_000);
  });
});

describe("without control", () => {
  it("the control paths are plain Atlas 404s", async () => {
    const sim = await startSimulator({ port: 0, quiet: true });
    try {
      const res = await fetch(`${sim.url}/__simulator/fixtures`);
      expect(res.status).toBe(404);
      const body: unknown = await res.json();
      expect(spec.validateApiError(body)).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});
