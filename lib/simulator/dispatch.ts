// One Atlas API request through the same gates as Atlas: auth, version, path checks, project access,
// rate limit, query and body validation, then the operation's handler.
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "./auth/authenticate";
import { canAccessProject } from "./auth/principals";
import { iso } from "./clock";
import { AtlasErrorResponse, defaultError, invalidPath } from "./http/error-response";
import { sendNoContent, sendSuccess } from "./http/respond";
import { parseBool, parseListQuery, type ListQuery } from "./pagination";
import type { Project } from "./data/types";
import type { Operation } from "./routes/types";
import { TENANT_DEPRECATED_SINCE } from "./routes/versions";
import type { SimState } from "./state";
import { chooseVersion } from "./versioning";

const OBJECT_ID = /^([a-f0-9]{24})$/;
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/;
const ID_PARAMS = new Set([
  "groupId",
  "restoreJobId",
  "exportId",
  "exportBucketId",
  "snapshotId",
  "restoreId",
  "jobId",
  "eventId",
]);
const DEFAULT_LIST: ListQuery = { itemsPerPage: 100, pageNum: 1, includeCount: true };

function checkPathParams(params: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (ID_PARAMS.has(name) && !OBJECT_ID.test(value)) throw invalidPath(name);
    if ((name === "clusterName" || name === "name") && (!NAME.test(value) || value.length > 64))
      throw invalidPath(name);
  }
}

function resolveGroup(state: SimState, groupId: string, principal: ReturnType<typeof authenticate>): Project {
  const project = state.store.project(groupId);
  if (project && canAccessProject(principal, project)) {
    // --unreadable-projects: listed by GET /groups, yet nothing under it may be read.
    if (project.index >= state.store.world.projects.length - state.options.unreadableProjects) throw defaultError(403);
    return project;
  }
  if (principal.projects === null)
    throw new AtlasErrorResponse(404, "GROUP_NOT_FOUND", `No group with ID ${groupId} exists.`, [groupId]);
  if (!project)
    throw new AtlasErrorResponse(
      401,
      "NOT_IN_GROUP",
      "The current user is not in the group, or the group does not exist.",
      [groupId],
    );
  throw new AtlasErrorResponse(401, "USER_CANNOT_ACCESS_GROUP", `Current user cannot access group ${groupId}.`, [
    groupId,
  ]);
}

function parseJsonBody(raw: string): unknown {
  if (raw.trim() === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new AtlasErrorResponse(400, "MALFORMED_JSON", "Received JSON is malformed.");
  }
}

export function dispatch(
  state: SimState,
  op: Operation,
  params: Record<string, string | undefined>,
  url: URL,
  rawBody: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const principal = authenticate(req, state);
  const nowSec = state.clock.nowMs() / 1000;
  const resourcePath = url.pathname.replace(/^\/+/, "");
  const sunsetOn = op.tenant ? state.config.tenantSunset : true;
  const today = op.tenant && sunsetOn ? "9999-12-31" : iso(nowSec).slice(0, 10);
  const choice = chooseVersion(req.headers.accept, op.versions, {
    today,
    enforceSunset: sunsetOn,
    deprecatedSince: op.tenant ? TENANT_DEPRECATED_SINCE : undefined,
    resourcePath,
  });
  checkPathParams(params);
  const project = params.groupId ? resolveGroup(state, params.groupId, principal) : undefined;
  const headers: Record<string, string> = { ...choice.headers };
  if (op.rate) {
    const scopeKey = op.rate.scope === "group" ? (params.groupId ?? "") : principal.id;
    Object.assign(headers, state.limiter.admit(op.rate.set, scopeKey, resourcePath).headers);
  }
  const flags = {
    pretty: parseBool(url.searchParams, "pretty", false),
    envelope: parseBool(url.searchParams, "envelope", false),
  };
  const list = op.paginated ? parseListQuery(url.searchParams) : DEFAULT_LIST;
  const body = op.method === "POST" ? parseJsonBody(rawBody) : undefined;
  const cleanParams = Object.fromEntries(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const result = op.handle({
    method: op.method,
    pathname: url.pathname,
    query: url.searchParams,
    params: cleanParams,
    principal,
    version: choice.version,
    store: state.store,
    render: { baseUrl: state.baseUrl, now: nowSec, org: state.store.world.org },
    project,
    list,
    body,
    limiter: state.limiter,
    visibleProjects: state.store.world.projects.filter((p) => canAccessProject(principal, p)),
  });
  if (result.kind === "none") return sendNoContent(res, choice.version, headers);
  const status = result.kind === "entity" ? result.status : undefined;
  sendSuccess(res, result.body, choice.version, flags, headers, result.kind === "list", status);
}
