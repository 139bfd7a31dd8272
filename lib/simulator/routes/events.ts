// Project events (spec tag Events, version 2023-01-01): the backup events the simulator's own jobs
// imply (data/events-gen.ts), newest first, filtered by eventType, excludedEventType (both repeated
// parameters), clusterNames, minDate and maxDate (both inclusive), with includeRaw and paging.
import { eventId, projectEvents } from "../data/events-gen";
import { objectIdTime } from "../prng";
import { AtlasErrorResponse, invalidQuery } from "../http/error-response";
import { parseBool } from "../pagination";
import { renderEvent } from "../render/events";
import { listResult } from "./list";
import { mustProject, param, type OpContext, type OpResult, type Operation } from "./types";
import { V_2023_01_01 } from "./versions";

const RATE = { set: "events", scope: "group" } as const;
// [DERIVED] The spec warns that the 710 event type names "change frequently", so any well-formed name
// is accepted (and matches nothing when the simulator makes no such event) rather than a fixed list.
const EVENT_TYPE = /^[A-Z][A-Z0-9_]*$/;
const CLUSTER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function names(q: URLSearchParams, name: string, pattern: RegExp): Set<string> | undefined {
  const all = q.getAll(name);
  if (all.length === 0) return undefined;
  if (all.some((v) => !pattern.test(v))) throw invalidQuery(name);
  return new Set(all);
}

function date(q: URLSearchParams, name: string): number | undefined {
  const raw = q.get(name);
  if (raw === null) return undefined;
  const ms = Date.parse(raw);
  if (!DATE_TIME.test(raw) || !Number.isFinite(ms)) throw invalidQuery(name);
  return ms / 1000;
}

function listEvents(ctx: OpContext): OpResult {
  const p = mustProject(ctx);
  const q = ctx.query;
  const types = names(q, "eventType", EVENT_TYPE);
  const excluded = names(q, "excludedEventType", EVENT_TYPE);
  const clusters = names(q, "clusterNames", CLUSTER_NAME);
  const min = date(q, "minDate");
  const max = date(q, "maxDate");
  const includeRaw = parseBool(q, "includeRaw", false);
  const items = projectEvents(ctx.store, p, ctx.render.now, clusters).filter(
    (e) =>
      (!types || types.has(e.type)) &&
      !excluded?.has(e.type) &&
      (min === undefined || e.t >= min) &&
      (max === undefined || e.t <= max),
  );
  return listResult(ctx, items, (e) => renderEvent(ctx.store.seed, e, p, ctx.render, includeRaw));
}

function getEvent(ctx: OpContext): OpResult {
  const p = mustProject(ctx);
  const id = param(ctx, "eventId");
  const includeRaw = parseBool(ctx.query, "includeRaw", false);
  const at = objectIdTime(id);
  const found = projectEvents(ctx.store, p, ctx.render.now).find(
    (e) => e.t === at && eventId(ctx.store.seed, e) === id,
  );
  // [UNCERTAIN] The spec declares the 404 without a code.
  if (!found)
    throw new AtlasErrorResponse(404, "EVENT_NOT_FOUND", `No event with ID ${id} exists in group ${p.id}.`, [id, p.id]);
  return { kind: "entity", body: renderEvent(ctx.store.seed, found, p, ctx.render, includeRaw) };
}

export const eventOperations: Operation[] = [
  {
    id: "listGroupEvents",
    method: "GET",
    path: "/groups/:groupId/events",
    versions: V_2023_01_01,
    rate: RATE,
    paginated: true,
    handle: listEvents,
  },
  {
    id: "getGroupEvent",
    method: "GET",
    path: "/groups/:groupId/events/:eventId",
    versions: V_2023_01_01,
    rate: RATE,
    handle: getEvent,
  },
];
