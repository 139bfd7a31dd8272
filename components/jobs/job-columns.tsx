import { createColumnHelper, type ColumnDef, type RowData } from "@tanstack/react-table";
import { StatusBadge } from "@/components/ui/badge";
import type { Job, JobKind } from "@/lib/jobs/dto";
import { ExportProgress } from "./export-progress";
import { formatDuration, formatUtcShort } from "./format";
import { targetCell } from "./job-cells";
import { restorePoint, restoreTarget } from "./job-fields";

declare module "@tanstack/react-table" {
  // TanStack's documented way to type column meta; the type parameters are part of its signature.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Classes for this column's cells, beyond the table-wide cell rule. */
    cellClass?: string;
  }
}

export interface ColumnContext {
  onOpen: (id: string) => void;
  etas: Map<string, number | null>;
}

// TanStack's documented escape hatch: columns of different value types in one array.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JobColumn = ColumnDef<Job, any>;

const col = createColumnHelper<Job>();

function idColumn(ctx: ColumnContext) {
  return col.accessor("id", {
    header: "Job id",
    cell: (info) => (
      <button
        type="button"
        onClick={() => ctx.onOpen(info.getValue())}
        className="rounded font-mono text-xs text-blue-800 underline hover:text-blue-950 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-200 dark:hover:text-white"
      >
        {info.getValue()}
      </button>
    ),
  });
}

const status = col.accessor("status", {
  header: "Status",
  // The badge, then Atlas's own state word beneath it, in the cell's small muted text.
  cell: (info) => (
    <>
      <StatusBadge status={info.getValue()} stacked />
      {info.row.original.rawState}
    </>
  ),
  meta: { cellClass: "text-xs text-zinc-700 dark:text-zinc-300" },
});
const delivery = col.accessor((j) => j.deliveryType ?? "—", { id: "deliveryType", header: "Delivery" });
const point = col.accessor((j) => restorePoint(j), { id: "point", header: "Snapshot / point in time" });
const target = col.accessor((j) => restoreTarget(j), { id: "target", header: "Target", cell: (i) => targetCell(i.row.original), meta: { cellClass: "whitespace-nowrap" } });
const started = col.accessor("startedAt", { id: "startedAt", header: "Started (UTC)", cell: (i) => formatUtcShort(i.getValue()) });
const finished = col.accessor("finishedAt", { id: "finishedAt", header: "Finished (UTC)", cell: (i) => formatUtcShort(i.getValue()) });
const duration = col.accessor("durationMs", { header: "Duration", cell: (i) => formatDuration(i.getValue()), meta: { cellClass: "whitespace-nowrap" } });
const expires = col.accessor("expiresAt", { header: "Expires (UTC)", cell: (i) => formatUtcShort(i.getValue()) });

function exportColumns(ctx: ColumnContext): JobColumn[] {
  return [
    col.display({
      id: "progress",
      header: "Progress",
      cell: ({ row }) => (row.original.kind === "export" ? <ExportProgress job={row.original} etaMs={ctx.etas.get(row.original.id)} /> : null),
    }),
    col.display({
      id: "reason",
      header: "Failure reason",
      cell: ({ row }) => {
        const j = row.original;
        if (j.kind !== "export" || !j.stateReason) return "—";
        return [j.stateReason.errorCode, j.stateReason.message].filter(Boolean).join(": ");
      },
      meta: { cellClass: "min-w-36 wrap-anywhere" },
    }),
    col.display({
      id: "destination",
      header: "Bucket / prefix",
      cell: ({ row }) => {
        const j = row.original;
        if (j.kind !== "export") return null;
        return (
          <>
            {j.exportBucketId ?? "—"}
            <br />
            {j.prefix ?? ""}
          </>
        );
      },
      meta: { cellClass: "max-w-56 min-w-44 font-mono text-xs break-all" },
    }),
    col.display({
      id: "customData",
      header: "Custom data",
      cell: ({ row }) => {
        const j = row.original;
        if (j.kind !== "export" || j.customData.length === 0) return "—";
        return j.customData.map((c) => `${c.key}=${c.value}`).join(", ");
      },
      meta: { cellClass: "min-w-28 text-xs wrap-anywhere" },
    }),
  ] as JobColumn[];
}

export function columnsFor(kind: JobKind, ctx: ColumnContext): JobColumn[] {
  const common = [idColumn(ctx), status] as JobColumn[];
  const times = [started, finished, duration] as JobColumn[];
  if (kind === "export") return [...common, ...exportColumns(ctx), ...times];
  return [...common, delivery, point, target, ...times, expires] as JobColumn[];
}
