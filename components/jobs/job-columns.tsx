import { createColumnHelper, type CellContext, type ColumnDef, type RowData } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/ui/badge";
import type { CollectionRestoreJob, ExportJob, Job, JobKind, Stuck } from "@/lib/jobs/dto";
import { JobProgress } from "./job-progress";
import { formatDuration, formatUtcShort } from "./format";
import { targetCell, unbrokenDate } from "./job-cells";
import { namespacesInBrief, restorePoint, restoreTarget } from "./job-fields";
import { StuckFlag } from "./stuck-flag";
import { WatchControl } from "@/components/watches/watch-control";

declare module "@tanstack/react-table" {
  // TanStack's documented way to type column meta; the type parameters are part of its signature.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Classes for this column's cells, beyond the table's own. */
    cellClass?: string;
    /** The column's track: `min` rem wide, and with `grow` a share of the spare width (fr). */
    track?: { min: number; grow?: number };
  }
}

export interface ColumnContext {
  onOpen: (id: string) => void;
  etas: Map<string, number | null>;
  /** Running jobs of the page that are stuck, by id (JobList.stuck). */
  stuck?: Record<string, Stuck>;
}

// TanStack's documented escape hatch: columns of different value types in one array.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JobColumn = ColumnDef<Job, any>;

const col = createColumnHelper<Job>();

function idColumn(ctx: ColumnContext) {
  return col.accessor("id", {
    header: "Job id",
    cell: (info) => (
      <>
        <button
          type="button"
          onClick={() => ctx.onOpen(info.getValue())}
          className="rounded font-mono text-xs text-blue-800 underline hover:text-blue-950 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-200 dark:hover:text-white"
        >
          {info.getValue()}
        </button>
        {/* Keyed by job: rows are reused across pages, and a failed toggle belongs to its own job. */}
        <WatchControl key={info.getValue()} job={info.row.original} />
      </>
    ),
    // 24 hex digits of monospace text-xs, plus the cell's padding.
    meta: { track: { min: 12.5 } },
  });
}

function statusColumn(ctx: ColumnContext) {
  return col.accessor("status", {
    header: "Status",
    // The badge, then Atlas's own state word beneath it, in the cell's small muted text, then the stuck flag.
    cell: (info) => {
      const stuck = ctx.stuck?.[info.row.original.id];
      return (
        <>
          <StatusBadge status={info.getValue()} stacked />
          {info.row.original.rawState}
          {stuck ? (
            <span className="mt-1 block">
              <StuckFlag stuck={stuck} />
            </span>
          ) : null}
        </>
      );
    },
    meta: { cellClass: "text-xs text-zinc-700 dark:text-zinc-300", track: { min: 7 } },
  });
}
// Times are "2026-11-23 03:42:13": the track fits the date, so the time wraps beneath it.
const TIME = { track: { min: 7.5 } };
const delivery = col.accessor((j) => j.deliveryType ?? "—", {
  id: "deliveryType",
  header: "Delivery",
  meta: { track: { min: 7 } },
});
const point = col.accessor((j) => restorePoint(j), {
  id: "point",
  header: "Snapshot / point in time",
  cell: (i) => unbrokenDate(i.getValue()),
  meta: { track: { min: 13.5, grow: 2 } },
});
const target = col.accessor((j) => restoreTarget(j), {
  id: "target",
  header: "Target",
  cell: (i) => targetCell(i.row.original),
  meta: { track: { min: 8.5, grow: 1 } },
});
const started = col.accessor("startedAt", {
  id: "startedAt",
  header: "Started (UTC)",
  cell: (i) => formatUtcShort(i.getValue()),
  meta: TIME,
});
const finished = col.accessor("finishedAt", {
  id: "finishedAt",
  header: "Finished (UTC)",
  cell: (i) => formatUtcShort(i.getValue()),
  meta: TIME,
});
const duration = col.accessor("durationMs", {
  header: "Duration",
  cell: (i) => formatDuration(i.getValue()),
  meta: { cellClass: "whitespace-nowrap", track: { min: 6.5 } },
});
const expires = col.accessor("expiresAt", {
  header: "Expires (UTC)",
  cell: (i) => formatUtcShort(i.getValue()),
  meta: TIME,
});

/** A cell only an export fills (the export table shows nothing else); any other job shows a dash. */
const exportCell =
  (render: (job: ExportJob) => ReactNode) =>
  ({ row }: CellContext<Job, unknown>): ReactNode =>
    row.original.kind === "export" ? render(row.original) : "—";

function exportColumns(ctx: ColumnContext): JobColumn[] {
  return [
    col.display({
      id: "progress",
      header: "Progress",
      cell: exportCell((j) => <JobProgress job={j} etaMs={ctx.etas.get(j.id)} />),
      meta: { track: { min: 10, grow: 1.2 } },
    }),
    col.display({
      id: "reason",
      header: "Failure reason",
      cell: exportCell((j) =>
        j.stateReason ? [j.stateReason.errorCode, j.stateReason.message].filter(Boolean).join(": ") : "—",
      ),
      meta: { track: { min: 8, grow: 1 } },
    }),
    col.display({
      id: "destination",
      header: "Bucket / prefix",
      cell: exportCell((j) => (
        <>
          {j.exportBucketId ?? "—"}
          <br />
          {j.prefix ?? ""}
        </>
      )),
      meta: { cellClass: "font-mono text-xs break-all", track: { min: 11 } },
    }),
    col.display({
      id: "customData",
      header: "Custom data",
      cell: exportCell((j) =>
        j.customData.length === 0 ? "—" : j.customData.map((c) => `${c.key}=${c.value}`).join("\n"),
      ),
      // One key=value a line (pre-line keeps the newlines), not broken at any letter mid-pair.
      meta: { cellClass: "text-xs whitespace-pre-line", track: { min: 6.5, grow: 1 } },
    }),
  ] as JobColumn[];
}

/** A cell only a collection restore fills; any other job shows a dash. */
const collectionCell =
  (render: (job: CollectionRestoreJob) => ReactNode) =>
  ({ row }: CellContext<Job, unknown>): ReactNode =>
    row.original.kind === "collection-restore" ? render(row.original) : "—";

/** Atlas's index build state, and on how many collections it failed. */
function IndexBuild({ build }: { build: NonNullable<CollectionRestoreJob["indexBuild"]> }) {
  const failed = build.failedCollectionCount ?? 0;
  return (
    <span className="mt-1 block text-xs">
      {`Indexes: ${build.state ?? "—"}`}
      {failed > 0 ? (
        <span className="block text-red-900 dark:text-red-200">
          {`failed on ${failed} collection${failed === 1 ? "" : "s"}`}
        </span>
      ) : null}
    </span>
  );
}

function collectionRestoreColumns(ctx: ColumnContext): JobColumn[] {
  return [
    col.display({
      id: "namespaces",
      header: "Namespaces → target",
      cell: collectionCell((j) => (
        <>
          <span className="block font-mono text-xs break-words">{namespacesInBrief(j)}</span>
          {targetCell(j)}
        </>
      )),
      meta: { track: { min: 10.5, grow: 2 } },
    }),
    col.display({
      id: "strategies",
      header: "Write / index strategy",
      cell: collectionCell((j) => (
        <>
          <span className="block whitespace-nowrap">{j.writeStrategy ?? "—"}</span>
          <span className="block whitespace-nowrap">{j.indexStrategy ?? "—"}</span>
        </>
      )),
      // OVERWRITE_EXISTING on one line: Atlas's words are not broken mid-word.
      meta: { cellClass: "text-xs", track: { min: 10 } },
    }),
    col.display({
      id: "progress",
      header: "Documents / index build",
      cell: collectionCell((j) => (
        <>
          <JobProgress job={j} etaMs={ctx.etas.get(j.id)} />
          {j.indexBuild ? <IndexBuild build={j.indexBuild} /> : null}
        </>
      )),
      meta: { track: { min: 10.5, grow: 1.2 } },
    }),
    col.display({
      id: "errorMessage",
      header: "Error",
      cell: collectionCell((j) => j.errorMessage ?? "—"),
      meta: { cellClass: "text-xs", track: { min: 7, grow: 1.5 } },
    }),
  ] as JobColumn[];
}

export function columnsFor(kind: JobKind, ctx: ColumnContext): JobColumn[] {
  const common = [idColumn(ctx), statusColumn(ctx)] as JobColumn[];
  const times = [started, finished, duration] as JobColumn[];
  if (kind === "export") return [...common, ...exportColumns(ctx), ...times];
  if (kind === "collection-restore") return [...common, ...collectionRestoreColumns(ctx), ...times];
  return [...common, delivery, point, target, ...times, expires] as JobColumn[];
}
