"use client";

import { flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { memo, useMemo } from "react";
import { focusRing } from "@/components/ui/button";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import type { Job, JobKind, Stuck } from "@/lib/jobs/dto";
import { columnsFor } from "./job-columns";

type SortField = "startedAt" | "finishedAt";

interface JobTableProps {
  kind: JobKind;
  jobs: Job[];
  caption: string;
  sort: SortField;
  dir: "asc" | "desc";
  etas: Map<string, number | null>;
  stuck: Record<string, Stuck> | undefined;
  onOpen: (id: string) => void;
  onSort: (field: SortField, dir: "asc" | "desc") => void;
}

/**
 * Server-side paging and sorting: the table renders one API page; sortable headers drive the URL.
 * `busy` only dims the wrapper, so a click that shows the previous page as a placeholder does not
 * re-render its rows (the memoized body sees the same jobs, columns and ETAs).
 */
export function JobTable({ busy, ...props }: JobTableProps & { busy: boolean }) {
  return (
    <div aria-busy={busy} className={busy ? "min-w-0 opacity-70" : "min-w-0"}>
      <JobTableBody {...props} />
    </div>
  );
}

const JobTableBody = memo(function JobTableBody({
  kind,
  jobs,
  caption,
  sort,
  dir,
  etas,
  stuck,
  onOpen,
  onSort,
}: JobTableProps) {
  const columns = useMemo(() => columnsFor(kind, { onOpen, etas, stuck }), [kind, onOpen, etas, stuck]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table returns fresh functions by design.
  const table = useReactTable({
    data: jobs,
    columns,
    getRowId: (job) => job.id,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
  });
  const tracks = useMemo(() => columns.map((c) => c.meta?.track ?? { min: 8 }), [columns]);
  return (
    <Table caption={caption} tracks={tracks}>
      <THead>
        {table.getHeaderGroups().map((group) => (
          <Tr key={group.id}>
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
                      className={`rounded text-left ${focusRing}`}
                    >
                      {label}
                      <span aria-hidden="true" className="ml-1">
                        {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
                      </span>
                      <span className="sr-only">
                        {active ? `, sorted ${dir === "asc" ? "ascending" : "descending"}` : ", sort"}
                      </span>
                    </button>
                  ) : (
                    label
                  )}
                </Th>
              );
            })}
          </Tr>
        ))}
      </THead>
      <TBody>
        {table.getRowModel().rows.map((row) => (
          // Keyed by position, not job id: the next page reuses this page's rows and cells and only
          // their text and classes change, instead of 50 rows torn down and 50 built (a page
          // change is the common case; rows hold no state of their own to carry with a job).
          <Tr key={row.index} body>
            {row.getVisibleCells().map((cell) => (
              <Td key={cell.column.id} className={cell.column.columnDef.meta?.cellClass}>
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </Td>
            ))}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
});
