import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ErrorEnvelopeSchema, JobListQuerySchema } from "@/lib/jobs/dto";
import { AtlasError } from "@/lib/atlas/errors";
import type { Session } from "@/lib/server/auth/roles";

const state = vi.hoisted(() => ({ session: null as Session | null, lines: [] as unknown[] }));
vi.mock("@/lib/server/auth/session", () => ({ getSession: async () => state.session }));
vi.mock("@/lib/server/logger", () => ({
  logger: () => ({ info: (o: unknown) => state.lines.push(o), error: () => undefined }),
}));

const { route } = await import("@/lib/server/route");
const { ClusterParams } = await import("@/lib/server/route-params");

const call = (handler: ReturnType<typeof route>, url: string, params: Record<string, string> = {}) =>
  handler(new Request(`http://localhost${url}`), { params: Promise.resolve(params) });
const operator: Session = { user: { name: "ann", role: "operator" } };
const viewer: Session = { user: { name: "bob", role: "viewer" } };
const good = { groupId: "a".repeat(24), clusterName: "payments-prod" };

describe("route", () => {
  beforeEach(() => {
    state.session = operator;
    state.lines = [];
  });

  it("answers 401 in the envelope without a session, before calling the handler", async () => {
    state.session = null;
    const handler = vi.fn();
    const res = await call(route({}, handler), "/api/projects");
    expect(res.status).toBe(401);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe("UNAUTHENTICATED");
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 403 to a viewer on an operator route", async () => {
    state.session = viewer;
    const res = await call(
      route({ role: "operator" }, () => ({})),
      "/api/x",
    );
    expect(res.status).toBe(403);
  });

  it("parses awaited params and a repeated status into the handler's input", async () => {
    const handler = vi.fn(({ params, query }) => ({ params, query }));
    const res = await call(
      route({ params: ClusterParams, query: JobListQuerySchema }, handler),
      "/x?status=failed&status=running,queued&page=2",
      good,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toMatchObject({
      params: good,
      query: { status: ["failed", "running", "queued"], page: 2, pageSize: 50 },
    });
  });

  it.each([
    [{ ...good, groupId: "nothex" }, "", "params.groupId"],
    [{ ...good, clusterName: "-bad" }, "", "params.clusterName"],
    [good, "?status=broken", "query.status.0"],
    [good, "?pageSize=0", "query.pageSize"],
    [good, "?pageSize=501", "query.pageSize"],
    [good, "?page=abc", "query.page"],
  ])("rejects %j%s with 400 naming %s, without calling upstream", async (params, qs, path) => {
    const handler = vi.fn();
    const res = await call(route({ params: ClusterParams, query: JobListQuerySchema }, handler), `/x${qs}`, params);
    expect(res.status).toBe(400);
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.issues?.map((i) => i.path)).toContain(path);
    expect(handler).not.toHaveBeenCalled();
  });

  it("maps an Atlas 429 to 503 with Retry-After", async () => {
    const res = await call(
      route({}, () => {
        throw new AtlasError({
          kind: "http",
          status: 429,
          errorCode: "RATE_LIMITED",
          method: "GET",
          url: "http://h/x",
          retryAfterSeconds: 9,
        });
      }),
      "/x",
    );
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("9");
  });

  it("serves health without a session", async () => {
    state.session = null;
    const res = await call(
      route({ auth: false }, () => ({ status: "ok" })),
      "/api/health",
    );
    expect(res.status).toBe(200);
  });

  it("logs one line per request with status, duration and user, never the query's secrets", async () => {
    await call(
      route({ query: z.object({}) }, () => ({})),
      "/api/session?token=abc",
    );
    expect(state.lines).toHaveLength(1);
    expect(state.lines[0]).toMatchObject({ method: "GET", path: "/api/session", status: 200, user: "ann" });
    expect(JSON.stringify(state.lines)).not.toContain("abc");
  });

  describe("a bearer route (metrics)", () => {
    const TOKEN = "t".repeat(24);
    const text = () => new Response("up 1\n", { headers: { "Content-Type": "text/plain" } });
    const send = (handler: ReturnType<typeof route>, authorization?: string) =>
      handler(new Request("http://localhost/api/metrics", authorization ? { headers: { authorization } } : {}), {
        params: Promise.resolve({}),
      });

    it("answers its own response with the right token, needing no session", async () => {
      state.session = null;
      const res = await send(route({ bearer: () => TOKEN }, text), `Bearer ${TOKEN}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/plain");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.text()).toBe("up 1\n");
    });

    it.each([
      ["no header", undefined],
      ["another scheme", `Basic ${TOKEN}`],
      ["a wrong token of the same length", `Bearer ${"u".repeat(24)}`],
      ["a prefix of the token", `Bearer ${TOKEN.slice(0, 12)}`],
      ["the token and more", `Bearer ${TOKEN}x`],
      ["an empty token", "Bearer "],
    ])("answers 401 in the envelope with a challenge to %s, before the handler runs", async (_, header) => {
      const handler = vi.fn(text);
      const res = await send(route({ bearer: () => TOKEN }, handler), header);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe("UNAUTHENTICATED");
      expect(handler).not.toHaveBeenCalled();
      expect(JSON.stringify(state.lines)).not.toContain(TOKEN);
    });

    it("does not exist (404) while no token is configured, whatever is sent", async () => {
      const handler = vi.fn(text);
      const res = await send(route({ bearer: () => undefined }, handler), `Bearer ${TOKEN}`);
      expect(res.status).toBe(404);
      expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe("NOT_FOUND");
      expect(handler).not.toHaveBeenCalled();
    });
  });

  describe("a JSON body", () => {
    const Body = z.object({ jobId: z.string().regex(/^[a-f0-9]{24}$/) }).strict();
    const put = (handler: ReturnType<typeof route>, body: string, type = "application/json") =>
      handler(new Request("http://localhost/api/watches", { method: "PUT", body, headers: { "content-type": type } }), {
        params: Promise.resolve({}),
      });

    it("reaches the handler parsed", async () => {
      const handler = vi.fn(({ body }: { body: unknown }) => body);
      const res = await put(route({ body: Body }, handler), JSON.stringify({ jobId: "a".repeat(24) }));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ jobId: "a".repeat(24) });
    });

    it.each([
      [
        "a form (no CORS preflight, so a cross-site page could send it)",
        "jobId=x",
        "application/x-www-form-urlencoded",
      ],
      ["text that is not JSON", "{jobId:", "application/json"],
      ["a field that fails its schema", JSON.stringify({ jobId: "nope" }), "application/json"],
      ["a stray field", JSON.stringify({ jobId: "a".repeat(24), url: "x" }), "application/json"],
      ["a huge body", JSON.stringify({ jobId: "a".repeat(20_000) }), "application/json"],
    ])("answers 400 to %s, before the handler runs", async (_, body, type) => {
      const handler = vi.fn();
      const res = await put(route({ body: Body }, handler), body, type);
      expect(res.status).toBe(400);
      const envelope = ErrorEnvelopeSchema.parse(await res.json());
      expect(envelope.error.code).toBe("BAD_REQUEST");
      expect(envelope.error.issues?.[0]?.path).toMatch(/^body/);
      expect(handler).not.toHaveBeenCalled();
    });
  });
});
