// What an operation handler sees, and what it returns. The server does auth, versioning, rate limits,
// path validation and project access before a handler runs.
import type { Principal } from "../auth/principals";
import type { Store } from "../data/store";
import type { Project } from "../data/types";
import type { ListQuery } from "../pagination";
import type { EndpointSet, RateLimiter } from "../rate-limit/limiter";
import type { RenderContext } from "../render/context";
import type { ResourceVersion } from "../versioning";

export interface OpContext {
  method: string;
  pathname: string;
  query: URLSearchParams;
  params: Record<string, string>;
  principal: Principal;
  version: string;
  store: Store;
  render: RenderContext;
  /** Set when the path has a groupId (already checked for existence and access). */
  project: Project | undefined;
  list: ListQuery;
  body: unknown;
  /** The token buckets (for GET /rateLimits). */
  limiter: RateLimiter;
  /** Projects the caller may see (for GET /groups). */
  visibleProjects: Project[];
}

/** `status` 201 for the creates the spec answers with 201 (collection restore jobs); default 200. */
export type OpResult =
  { kind: "entity"; body: unknown; status?: 201 } | { kind: "list"; body: unknown } | { kind: "none" };

export interface Operation {
  id: string;
  method: "GET" | "POST" | "DELETE";
  /** find-my-way pattern relative to /api/atlas/v2. */
  path: string;
  versions: ResourceVersion[];
  /** Legacy shared-tier operation: deprecated, sunset 2026-01-22, gated by the tenantSunset switch. */
  tenant?: boolean;
  rate?: { set: EndpointSet; scope: "group" | "user" };
  paginated?: boolean;
  handle(ctx: OpContext): OpResult;
}

export function mustProject(ctx: OpContext): Project {
  if (!ctx.project) throw new Error(`operation needs a project: ${ctx.pathname}`);
  return ctx.project;
}

export const param = (ctx: OpContext, name: string): string => {
  const v = ctx.params[name];
  if (v === undefined) throw new Error(`missing path parameter ${name}`);
  return v;
};
