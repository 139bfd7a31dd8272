// Browser fetch of our own /api. Every response is checked with the dto.ts schemas; every
// failure becomes an ApiError carrying the envelope so the UI can show Atlas's errorCode and detail.
import type { z } from "zod";
import type { CollectionListQuery, ErrorEnvelope, JobKind, JobListQuery } from "@/lib/jobs/dto";
import type { EventWindow } from "@/lib/jobs/events";
import type { NotifiedBody, WatchTarget } from "@/lib/watches/dto";
import { nowSearch, type NowScope } from "@/lib/view-state/now-parsers";

// The schemas (and zod, ~33 kB gzipped) are not part of the page's first load: server-prefetched
// data is already in the page. They load after the load event, when the browser is idle
// (preloadSchemas), so the first filter or page click does not wait to fetch and instantiate them.
const schemas = () =>
  Promise.all([import("@/lib/jobs/dto"), import("@/lib/now/dto"), import("@/lib/watches/dto")]).then(
    ([jobs, now, watches]) => ({ ...jobs, ...now, ...watches }),
  );

/** Loads the response schemas once the page has loaded and the browser is idle; returns a cancel. */
export function preloadSchemas(): () => void {
  let idle: number | undefined;
  const run = () => void schemas();
  const whenIdle = () => {
    idle =
      typeof requestIdleCallback === "function"
        ? requestIdleCallback(run, { timeout: 3000 })
        : window.setTimeout(run, 500);
  };
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
  return () => {
    window.removeEventListener("load", whenIdle);
    if (idle === undefined) return;
    if (typeof cancelIdleCallback === "function") cancelIdleCallback(idle);
    else window.clearTimeout(idle);
  };
}
type Schemas = Awaited<ReturnType<typeof schemas>>;
type SchemaName =
  | "ProjectListSchema"
  | "ClusterListSchema"
  | "JobListSchema"
  | "JobDetailSchema"
  | "DownloadLinksSchema"
  | "CollectionListSchema"
  | "NowResponseSchema"
  | "FindResponseSchema"
  | "ClusterEventsSchema"
  | "WatchListSchema";

export class ApiError extends Error {
  readonly status: number;
  readonly envelope: ErrorEnvelope["error"];

  constructor(envelope: ErrorEnvelope["error"]) {
    super(envelope.message);
    this.name = "ApiError";
    this.status = envelope.status;
    this.envelope = envelope;
  }
}

export interface JobScope {
  kind: JobKind;
  groupId: string;
  clusterName: string;
}

const enc = encodeURIComponent;

/** The /api collection path of one job kind on one cluster. */
export function jobsPath({ kind, groupId, clusterName }: JobScope): string {
  const cluster = `/api/projects/${enc(groupId)}/clusters/${enc(clusterName)}`;
  switch (kind) {
    case "restore":
      return `${cluster}/restore-jobs`;
    case "export":
      return `${cluster}/exports`;
    case "tenant-restore":
      return `${cluster}/tenant-restores`;
    case "flex-restore":
      return `/api/projects/${enc(groupId)}/flex-clusters/${enc(clusterName)}/restore-jobs`;
    case "collection-restore":
      return `${cluster}/collection-restores`;
  }
}

export function jobListSearch(query: JobListQuery): string {
  const params = new URLSearchParams();
  for (const status of query.status) params.append("status", status);
  params.set("page", String(query.page));
  params.set("pageSize", String(query.pageSize));
  params.set("sort", query.sort);
  params.set("dir", query.dir);
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  return params.toString();
}

function collectionSearch(query: CollectionListQuery): string {
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
  if (query.state) params.set("state", query.state);
  return params.toString();
}

/** A GET, or with `send` a write whose JSON body is `send.body`; the answer checked with `schemaName`. */
async function getJson<N extends SchemaName>(
  path: string,
  schemaName: N,
  signal?: AbortSignal,
  send?: { method: "PUT" | "DELETE"; body?: unknown },
): Promise<z.infer<Schemas[N]>> {
  let response: Response;
  const headers: Record<string, string> = { accept: "application/json" };
  if (send?.body !== undefined) headers["content-type"] = "application/json";
  try {
    response = await fetch(path, {
      signal,
      headers,
      cache: "no-store",
      ...(send && { method: send.method }),
      ...(send?.body !== undefined && { body: JSON.stringify(send.body) }),
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError({ status: 0, code: "UPSTREAM_ERROR", message: "Backwatch is unreachable (network error)." });
  }
  const body: unknown = await response.json().catch(() => undefined);
  const dto = await schemas();
  if (!response.ok) {
    const envelope = dto.ErrorEnvelopeSchema.safeParse(body);
    if (envelope.success) throw new ApiError(envelope.data.error);
    throw new ApiError({
      status: response.status,
      code: "INTERNAL",
      message: `Unexpected ${response.status} from ${path}`,
    });
  }
  const schema: z.ZodType = dto[schemaName];
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: "UPSTREAM_BAD_RESPONSE",
      message: `Unexpected response shape from ${path}`,
    });
  }
  // The schema picked by name is exactly Schemas[N]; TypeScript cannot follow the indexed access.
  return parsed.data as z.infer<Schemas[N]>;
}

export const api = {
  projects: (signal?: AbortSignal) => getJson("/api/projects", "ProjectListSchema", signal),
  clusters: (groupId: string, signal?: AbortSignal) =>
    getJson(`/api/projects/${enc(groupId)}/clusters`, "ClusterListSchema", signal),
  jobs: (scope: JobScope, query: JobListQuery, signal?: AbortSignal) =>
    getJson(`${jobsPath(scope)}?${jobListSearch(query)}`, "JobListSchema", signal),
  job: (scope: JobScope, id: string, signal?: AbortSignal) =>
    getJson(`${jobsPath(scope)}/${enc(id)}`, "JobDetailSchema", signal),
  /** One page of a collection restore's collections (scope.kind is "collection-restore"). */
  collections: (scope: JobScope, id: string, query: CollectionListQuery, signal?: AbortSignal) =>
    getJson(`${jobsPath(scope)}/${enc(id)}/collections?${collectionSearch(query)}`, "CollectionListSchema", signal),
  downloadLinks: (scope: JobScope, id: string) =>
    getJson(`${jobsPath(scope)}/${enc(id)}/download`, "DownloadLinksSchema"),
  events: (groupId: string, clusterName: string, window: EventWindow, signal?: AbortSignal) =>
    getJson(
      `/api/projects/${enc(groupId)}/clusters/${enc(clusterName)}/events?window=${window}`,
      "ClusterEventsSchema",
      signal,
    ),
  now: (scope: NowScope, signal?: AbortSignal) => getJson(`/api/now?${nowSearch(scope)}`, "NowResponseSchema", signal),
  /** Where in the estate a job id is; a 404 ApiError when no cluster has it. */
  findJob: (id: string, signal?: AbortSignal) =>
    getJson(`/api/now/find?${new URLSearchParams({ id })}`, "FindResponseSchema", signal),
  /** The signed-in user's watches (kept server-side, never in the URL), each with its job's state. */
  watches: (signal?: AbortSignal) => getJson("/api/watches", "WatchListSchema", signal),
  watch: (target: WatchTarget) =>
    getJson("/api/watches", "WatchListSchema", undefined, { method: "PUT", body: target }),
  unwatch: (t: WatchTarget) =>
    getJson(
      `/api/watches/${enc(t.groupId)}/${enc(t.clusterName)}/${t.kind}/${enc(t.jobId)}`,
      "WatchListSchema",
      undefined,
      {
        method: "DELETE",
      },
    ),
  /** This outcome was shown: no tab or reload shows it again. */
  notified: (body: NotifiedBody) =>
    getJson("/api/watches/notified", "WatchListSchema", undefined, { method: "PUT", body }),
};
