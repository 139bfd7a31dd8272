import { paginate } from "../pagination";
import type { OpContext, OpResult } from "./types";

export function listResult<S>(ctx: OpContext, items: readonly S[], render: (item: S) => unknown): OpResult {
  return {
    kind: "list",
    body: paginate(items, ctx.list, render, { baseUrl: ctx.render.baseUrl, pathname: ctx.pathname, query: ctx.query }),
  };
}

/** Tenant lists take no pagination parameters: everything, with a count. */
export function unpagedResult<S>(ctx: OpContext, items: readonly S[], render: (item: S) => unknown): OpResult {
  const results = items.map(render);
  return {
    kind: "list",
    body: {
      links: [{ href: `${ctx.render.baseUrl}${ctx.pathname}`, rel: "self" }],
      results,
      totalCount: results.length,
    },
  };
}
