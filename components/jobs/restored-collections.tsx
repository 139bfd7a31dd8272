"use client";

import { useQuery } from "@tanstack/react-query";
import { Button, focusRing } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { JobScope } from "@/lib/api-client";
import type { CollectionState, RestoredCollection } from "@/lib/jobs/dto";
import { collectionListOptions } from "@/lib/query/jobs";
import { COLLECTION_STATES, NOT_RESTORED_STATES } from "@/lib/view-state/contract-constants";
import { ErrorNotice } from "./error-notice";

/** Per page of the panel's table: Atlas pages it, and a side panel shows a screenful. */
export const COLLECTIONS_PAGE_SIZE = 25;
// State fits INDEX_BUILD_FAILED on one line; the four fit the side panel's width.
const TRACKS = [{ min: 10.5 }, { min: 11.5, grow: 2 }, { min: 7.5 }, { min: 8, grow: 1 }];
const count = new Intl.NumberFormat("en-US");
const BAD: ReadonlySet<string> = new Set([...NOT_RESTORED_STATES, "INDEX_BUILD_FAILED"]);

function Documents({ c }: { c: RestoredCollection }) {
  if (c.restoredDocuments === null && c.totalDocuments === null) return <>—</>;
  return <>{`${count.format(c.restoredDocuments ?? 0)} of ${count.format(c.totalDocuments ?? 0)}`}</>;
}

function Indexes({ c }: { c: RestoredCollection }) {
  return (
    <>
      <span className="block font-mono">{c.indexState ?? "—"}</span>
      {c.failedIndexes.length ? (
        <span className="block text-red-900 dark:text-red-200">{`Failed: ${c.failedIndexes.join(", ")}`}</span>
      ) : null}
      {c.indexError ? <span className="block text-red-900 dark:text-red-200">{c.indexError}</span> : null}
    </>
  );
}

/**
 * A collection restore's collections, one Atlas page at a time, filtered by Atlas's own state
 * (both in the URL). Empty while the job initializes: Atlas makes no collection states until then.
 */
export function RestoredCollections({
  scope,
  jobId,
  state,
  page,
  refreshSeconds,
  onChange,
}: {
  scope: JobScope;
  jobId: string;
  state: CollectionState | null;
  page: number;
  refreshSeconds: number;
  onChange: (next: { collState?: CollectionState | null; collPage?: number | null }) => void;
}) {
  const query = { page, pageSize: COLLECTIONS_PAGE_SIZE, ...(state && { state }) };
  const list = useQuery(collectionListOptions(scope, jobId, query, refreshSeconds));
  const data = list.data;
  const from = data && data.items.length ? (page - 1) * COLLECTIONS_PAGE_SIZE + 1 : 0;
  const to = data ? from + Math.max(0, data.items.length - 1) : 0;
  return (
    <section aria-labelledby="job-collections-title" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="job-collections-title" className="font-semibold">
          Collections
        </h3>
        <label className="flex items-center gap-2 text-sm">
          Collection state
          <select
            value={state ?? ""}
            onChange={(e) =>
              onChange({ collState: (e.target.value || null) as CollectionState | null, collPage: null })
            }
            className={`rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900 ${focusRing}`}
          >
            <option value="">All states</option>
            {COLLECTION_STATES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list.error || data?.stale ? (
        <ErrorNotice error={list.error ?? data?.stale} stale={Boolean(data)} onRetry={() => void list.refetch()} />
      ) : null}
      {list.isPending ? <p>Loading collections…</p> : null}
      {data && data.items.length === 0 ? (
        <p role="status" className="rounded-lg border border-dashed border-zinc-300 p-4 text-sm dark:border-zinc-700">
          {state
            ? `No collection in state ${state}${page > 1 ? ` on page ${page}` : ""}.`
            : "Atlas lists no collections for this job yet (it has none until the job leaves INITIALIZING)."}
        </p>
      ) : data ? (
        <Table caption={`Collections of restore ${jobId}`} tracks={TRACKS} aria-busy={list.isPlaceholderData}>
          <THead>
            <Tr>
              <Th>State</Th>
              <Th>Source → effective target</Th>
              <Th>Documents</Th>
              <Th>Indexes</Th>
            </Tr>
          </THead>
          <TBody>
            {data.items.map((c) => (
              <Tr body key={c.sourceNamespace}>
                <Td
                  className={`font-mono text-xs ${BAD.has(c.state) ? "font-semibold text-red-900 dark:text-red-200" : ""}`}
                >
                  {c.state}
                </Td>
                <Td className="font-mono text-xs">
                  <span className="block">{c.sourceNamespace}</span>
                  <span className="block">{`→ ${c.effectiveTargetNamespace ?? "—"}`}</span>
                  {c.targetNamespace &&
                  c.effectiveTargetNamespace &&
                  c.targetNamespace !== c.effectiveTargetNamespace ? (
                    <span className="block text-zinc-700 dark:text-zinc-300">{`(asked: ${c.targetNamespace})`}</span>
                  ) : null}
                </Td>
                <Td className="text-xs tabular-nums">
                  <Documents c={c} />
                </Td>
                <Td className="text-xs">
                  <Indexes c={c} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : null}
      {data && (page > 1 || data.hasNext) ? (
        <nav aria-label="Collection pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <p aria-live="polite" className="text-zinc-700 dark:text-zinc-300">
            {`${from}–${to}${data.totalCount !== null ? ` of ${data.totalCount}` : ""} · page ${page}`}
            {list.isPlaceholderData ? " · loading…" : ""}
          </p>
          <div className="flex gap-2">
            <Button size="sm" disabled={page <= 1} onClick={() => onChange({ collPage: page - 1 })}>
              Previous collections
            </Button>
            <Button size="sm" disabled={!data.hasNext} onClick={() => onChange({ collPage: page + 1 })}>
              Next collections
            </Button>
          </div>
        </nav>
      ) : null}
    </section>
  );
}
