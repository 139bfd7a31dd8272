import type { Org, Project } from "../data/types";

export interface RenderContext {
  baseUrl: string;
  now: number; // simulated Unix seconds
  org: Org;
}

export interface Link {
  href: string;
  rel: string;
}

export const API = "/api/atlas/v2";

export function selfLink(ctx: RenderContext, path: string): Link[] {
  return [{ href: `${ctx.baseUrl}${API}${path}`, rel: "self" }];
}

export const groupPath = (p: Project) => `/groups/${p.id}`;
