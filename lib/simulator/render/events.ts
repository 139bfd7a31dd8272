// Backup events as DefaultEventViewForNdsGroup ("Any Other Events"), or NDSAuditViewForNdsGroup for
// the two tenant failures; both carry no cluster name, job id or snapshot id (spec). `raw` only with
// includeRaw=true.
import { iso } from "../clock";
import { NDS_AUDIT_TYPES, eventId, type EventRec } from "../data/events-gen";
import type { Project } from "../data/types";
import { createRng, objectId } from "../prng";
import { groupPath, selfLink, type RenderContext } from "./context";

/** The person behind the *_REQUESTED_AUDIT events (documentation address ranges, no real user). */
function requester(p: Project) {
  return {
    userId: objectId(p.created, createRng("event-user", p.id)),
    username: "dba@acme.example",
    remoteAddress: "203.0.113.24",
  };
}

export function renderEvent(
  seed: number,
  ev: EventRec,
  p: Project,
  ctx: RenderContext,
  includeRaw: boolean,
): Record<string, unknown> {
  const id = eventId(seed, ev);
  const out: Record<string, unknown> = {
    created: iso(ev.t),
    eventTypeName: ev.type,
    groupId: p.id,
    id,
    isGlobalAdmin: false,
    links: selfLink(ctx, `${groupPath(p)}/events/${id}`),
    orgId: p.orgId,
  };
  if (ev.byUser) Object.assign(out, requester(p));
  if (includeRaw) {
    // [UNCERTAIN] `_t` values and `clusterName` in raw are the simulator's: the spec declares raw as
    // open ("don't rely on raw values") and gives backup events no cluster field, so this is where the
    // cluster a marker belongs to can be read.
    out.raw = {
      _t: NDS_AUDIT_TYPES.has(ev.type) ? "NDS_AUDIT" : ev.type.startsWith("TENANT_") ? "TENANT_BACKUP" : "CPS_BACKUP",
      cid: p.id,
      clusterName: ev.clusterName,
      cre: iso(ev.t),
      description: ev.description,
      gn: p.name,
      id,
      orgId: p.orgId,
      orgName: ctx.org.name,
      severity: ev.severity,
    };
  }
  return out;
}
