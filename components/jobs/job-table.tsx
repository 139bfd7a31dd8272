"use client";

import { flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useMemo } from "react";
import { focusRing } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import type { Job, JobKind } from "@/lib/jobs/dto";
import { columnsFor } from "./job-columns";

type SortField = "startedAt" | "finishedAt";

/** Server-side paging and sorting: the table renders one API page; sortable headers drive the URL. */
export function JobTable({
  kind,
  jobs,
  caption,
  sort,
  dir,
  busy,
  etas,
  onOpen,
  onSort,
}: {
  kind: JobKind;
  jobs: Job[];
  caption: string;
  sort: SortField;
  dir: "asc" | "desc";
  busy: boolean;
  etas: Map<string, number | null>;
  onOpen: (id: string) => void;
  onSort: (field: SortField, dir: "asc" | "desc") => void;
}) {
  const columns = useMemo(() => columnsFor(kind, { onOpen, etas }), [kind, onOpen, etas]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table returns fresh functions by design.
  const table = useReactTable({ data: jobs, columns, getRowId: (job) => job.id, getCoreRowModel: getCoreRowModel(), manualPagination: true, manualSorting: true });
  return (
    <div aria-busy={busy} className={busy ? "min-w-0 opacity-70 transition-opacity" : "min-w-0"}>
      <Table caption={caption}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const id = header.column.id;
                const sortable = id === "startedAt" || id === "finishedAt";
                const active = sortable && sort === id;
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <Th key={header.id} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                    {sortable ? (
                      <button
                        type="button"
                        onClick={() => onSort(id, active && dir === "desc" ? "asc" : "desc")}
                        className={`inline-flex items-center gap-1 rounded ${focusRing}`}
                      >
                        {label}
                        <span aria-hidden="true">{active ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
                        <span className="sr-only">{active ? `, sorted ${dir === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
                      </button>
                    ) : (
                      label
                    )}
                  </Th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-900">
              {row.getVisibleCells().map((cell) => (
                <Td key={cell.id} className={cell.column.id === "startedAt" || cell.column.id === "finishedAt" || cell.column.id === "expiresAt" ? "whitespace-nowrap" : undefined}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </Td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
