import { createColumnHelper, type ColumnDef } from "@tanstack/react-table";
import { StatusBadge } from "@/components/ui/badge";
import type { Job, JobKind } from "@/lib/jobs/dto";
import { ExportProgress } from "./export-progress";
import { formatDuration } from "./format";
import { TargetCell, UtcCell } from "./job-cells";
import { restorePoint, restoreTarget } from "./job-fields";

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
  cell: (info) => (
    <span className="flex flex-col items-start gap-0.5">
      <StatusBadge status={info.getValue()} />
      <span className="text-xs text-zinc-700 dark:text-zinc-300">{info.row.original.rawState}</span>
    </span>
  ),
});
const delivery = col.accessor((j) => j.deliveryType ?? "—", { id: "deliveryType", header: "Delivery" });
const point = col.accessor((j) => restorePoint(j), { id: "point", header: "Snapshot / point in time" });
const target = col.accessor((j) => restoreTarget(j), { id: "target", header: "Target", cell: (i) => <TargetCell job={i.row.original} /> });
const started = col.accessor("startedAt", { id: "startedAt", header: "Started (UTC)", cell: (i) => <UtcCell value={i.getValue()} /> });
const finished = col.accessor("finishedAt", { id: "finishedAt", header: "Finished (UTC)", cell: (i) => <UtcCell value={i.getValue()} /> });
const duration = col.accessor("durationMs", { header: "Duration", cell: (i) => formatDuration(i.getValue()) });
const expires = col.accessor("expiresAt", { header: "Expires (UTC)", cell: (i) => <UtcCell value={i.getValue()} /> });

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
        return <span className="block min-w-36 wrap-anywhere">{[j.stateReason.errorCode, j.stateReason.message].filter(Boolean).join(": ")}</span>;
      },
    }),
    col.display({
      id: "destination",
      header: "Bucket / prefix",
      cell: ({ row }) => {
        const j = row.original;
        if (j.kind !== "export") return null;
        return (
          <span className="block max-w-56 min-w-44 font-mono text-xs break-all">
            {j.exportBucketId ?? "—"}
            <br />
            {j.prefix ?? ""}
          </span>
        );
      },
    }),
    col.display({
      id: "customData",
      header: "Custom data",
      cell: ({ row }) => {
        const j = row.original;
        if (j.kind !== "export" || j.customData.length === 0) return "—";
        return <span className="block min-w-28 text-xs wrap-anywhere">{j.customData.map((c) => `${c.key}=${c.value}`).join(", ")}</span>;
      },
    }),
  ] as JobColumn[];
}

export function columnsFor(kind: JobKind, ctx: ColumnContext): JobColumn[] {
  const common = [idColumn(ctx), status] as JobColumn[];
  const times = [started, finished, duration] as JobColumn[];
  if (kind === "export") return [...common, ...exportColumns(ctx), ...times];
  return [...common, delivery, point, target, ...times, expires] as JobColumn[];
}
