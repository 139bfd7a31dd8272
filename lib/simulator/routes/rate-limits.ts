// GET /rateLimits and /rateLimits/{endpointSetId} (spec tag Rate Limiting, version 2025-03-12): the
// token buckets this simulator really applies (rate-limit/limiter.ts), so a client can read its
// budget. `defaultValue` appears only where a flag overrides Atlas's documented figure (spec).
import { canAccessProject } from "../auth/principals";
import { AtlasErrorResponse, defaultError, invalidQuery } from "../http/error-response";
import { ENDPOINT_SETS, type EndpointSetInfo, type RateScope } from "../rate-limit/endpoint-sets";
import { bucketConfigs } from "../rate-limit/limiter";
import { API } from "../render/context";
import { listResult } from "./list";
import { param, type OpContext, type OpResult, type Operation } from "./types";
import { V_2025_03_12 } from "./versions";

const RATE = { set: "rate-limits", scope: "user" } as const;
const OBJECT_ID = /^([a-f0-9]{24})$/;
const IP = /^((25[0-5]|(2[0-4]|1\d|[1-9]|)\d)(\.(?!$)|$)){4}|([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}$/;
const DEFAULTS = bucketConfigs();

type Operations = () => readonly Operation[];

function render(info: EndpointSetInfo, ctx: OpContext, all: Operations): Record<string, unknown> {
  const applied = ctx.limiter.configOf(info.set);
  const base = DEFAULTS[info.set];
  const value = (v: number, d: number) => (v === d ? { value: v } : { value: v, defaultValue: d });
  return {
    capacity: value(applied.capacity, base.capacity),
    endpointSetId: info.id,
    endpointSetName: info.name,
    endpoints: all()
      .filter((op) => op.rate?.set === info.set)
      .map((op) => ({ method: op.method, path: `${API}${op.path.replace(/:(\w+)/g, "{$1}")}` })),
    refillDurationSeconds: value(applied.refillSeconds, base.refillSeconds),
    refillRate: value(applied.refillRate, base.refillRate),
    scope: info.scope,
  };
}

/** The scope parameters: each one narrows the answer to its scope and must name what the caller may see. */
function scopes(ctx: OpContext): Set<RateScope> | undefined {
  const q = ctx.query;
  const wanted = new Set<RateScope>();
  const groupId = q.get("groupId");
  if (groupId !== null) {
    if (!OBJECT_ID.test(groupId)) throw invalidQuery("groupId");
    const p = ctx.store.project(groupId);
    if (!p || !canAccessProject(ctx.principal, p))
      throw new AtlasErrorResponse(404, "GROUP_NOT_FOUND", `No group with ID ${groupId} exists.`, [groupId]);
    wanted.add("GROUP");
  }
  const orgId = q.get("orgId");
  if (orgId !== null) {
    if (!OBJECT_ID.test(orgId)) throw invalidQuery("orgId");
    if (orgId !== ctx.render.org.id)
      throw new AtlasErrorResponse(404, "ORG_NOT_FOUND", `No organization with ID ${orgId} exists.`, [orgId]);
    wanted.add("ORGANIZATION");
  }
  const userId = q.get("userId");
  if (userId !== null) {
    if (userId !== ctx.principal.id) throw defaultError(403);
    wanted.add("USER");
  }
  const ip = q.get("ipAddress");
  if (ip !== null) {
    if (!IP.test(ip)) throw invalidQuery("ipAddress");
    wanted.add("IP");
  }
  return wanted.size ? wanted : undefined;
}

function list(ctx: OpContext, all: Operations): OpResult {
  const wanted = scopes(ctx);
  const names = ctx.query.getAll("name");
  const paths = ctx.query.getAll("endpointPath");
  const items = ENDPOINT_SETS.map((info) => render(info, ctx, all)).filter((s, i) => {
    if (wanted && !wanted.has(ENDPOINT_SETS[i]!.scope)) return false;
    if (names.length && !names.includes(s.endpointSetName as string)) return false;
    const endpoints = s.endpoints as Array<{ path: string }>;
    return !paths.length || endpoints.some((e) => paths.includes(e.path));
  });
  return listResult(ctx, items, (s) => s);
}

function getOne(ctx: OpContext, all: Operations): OpResult {
  scopes(ctx);
  const id = param(ctx, "endpointSetId");
  const info = ENDPOINT_SETS.find((s) => s.id === id);
  // [UNCERTAIN] The spec declares the 404 without a code.
  if (!info)
    throw new AtlasErrorResponse(404, "ENDPOINT_SET_NOT_FOUND", `No rate limit endpoint set ${id} exists.`, [id]);
  return { kind: "entity", body: render(info, ctx, all) };
}

/** `all` is the whole operation table, read at request time (the table includes these two). */
export function rateLimitOperations(all: Operations): Operation[] {
  return [
    {
      id: "listRateLimits",
      method: "GET",
      path: "/rateLimits",
      versions: V_2025_03_12,
      rate: RATE,
      paginated: true,
      handle: (ctx) => list(ctx, all),
    },
    {
      id: "getRateLimit",
      method: "GET",
      path: "/rateLimits/:endpointSetId",
      versions: V_2025_03_12,
      rate: RATE,
      handle: (ctx) => getOne(ctx, all),
    },
  ];
}
