import "server-only";
import type { ClusterEvent } from "@/lib/jobs/dto";
import { BACKUP_EVENT_TYPES } from "@/lib/jobs/events";
import { toIso } from "@/lib/jobs/timing";
import type { ServiceDeps } from "./service-deps";
import { fetchAllPages, pagesFor } from "./fetch-all";
import { operations } from "./operations";

/**
 * One cluster's backup events since `since`, newest first: one call (a page of 500, Atlas's maximum)
 * for any window a timeline shows, filtered upstream by cluster and by the backup event types only,
 * so the project's other events (and other clusters') never cross the wire. Backup events carry no
 * cluster name (spec: DefaultEventViewForNdsGroup), so the cluster filter is what ties them to one.
 */
export async function loadClusterEvents(
  deps: ServiceDeps,
  groupId: string,
  clusterName: string,
  since: Date,
): Promise<{ events: ClusterEvent[]; receivedAt: Date; calls: number }> {
  const { results, receivedAt } = await deps.coalesce(`events:${groupId}:${clusterName}:${since.getTime()}`, () =>
    fetchAllPages(deps.client, operations.listGroupEvents, { groupId }, deps.pageConcurrency, {
      eventType: BACKUP_EVENT_TYPES,
      clusterNames: [clusterName],
      minDate: since.toISOString(),
    }),
  );
  const events = results.flatMap((e) => {
    const at = toIso(e.created);
    return at ? [{ id: e.id, type: e.eventTypeName, at }] : [];
  });
  return { events, receivedAt, calls: pagesFor(results.length) };
}
