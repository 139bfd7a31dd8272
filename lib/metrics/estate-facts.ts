import "server-only";
import { readDigests, walkEstate } from "@/lib/backups/estate";
import { stuckFlags } from "@/lib/backups/now";
import type { BackupsDeps } from "@/lib/backups/service";
import { currentFailure, type Entry } from "@/lib/store/entry";
import type { EstateFacts, EstateListFacts } from "./estate-metrics";

function stateOf(entry: Entry<unknown> | null): EstateListFacts["state"] {
  const f = entry ? currentFailure(entry) : undefined;
  if (f?.kind === "retired") return "retired";
  if (!entry || (entry.value === undefined && !f)) return "unread";
  return f ? "stale" : "fresh";
}

/** Every job list of the estate as the store holds it now: the store only, never Atlas, never a wait. */
export async function readEstateFacts(deps: BackupsDeps, now: number = Date.now()): Promise<EstateFacts> {
  const walk = await walkEstate(deps);
  const digests = await readDigests(deps, walk);
  const lists = walk.lists.map((list, i): EstateListFacts => {
    const entry = digests[i] ?? null;
    const digest = entry?.value;
    const flags = digest ? stuckFlags(digest.jobs, digest, now, deps.stuck) : new Map();
    return {
      projectId: list.project.id,
      projectName: list.project.name,
      cluster: list.cluster.name,
      kind: list.kind,
      state: stateOf(entry),
      fetchedAt: digest ? (entry?.fetchedAt ?? null) : null,
      jobs: digest?.jobs ?? [],
      stuck: new Map([...flags].map(([id, s]) => [id, s.reason])),
    };
  });
  return { now, lists };
}
