"use client";

import { memo } from "react";
import { Button } from "@/components/ui/button";
import { focusRing } from "@/components/ui/button";
import { PAGE_SIZES } from "@/lib/view-state/parsers";

export const Pagination = memo(function Pagination({
  page,
  pageSize,
  totalCount,
  loading,
  onPage,
  onPageSize,
}: {
  page: number;
  pageSize: number;
  totalCount: number;
  loading: boolean;
  onPage: (page: number) => void;
  onPageSize: (size: (typeof PAGE_SIZES)[number]) => void;
}) {
  const pages = Math.max(1, Math.ceil(totalCount / pageSize));
  const from = totalCount === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(totalCount, page * pageSize);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p aria-live="polite" className="text-zinc-700 dark:text-zinc-300">
        {from}–{to} of {totalCount} · page {page} of {pages}
        {loading ? " · loading…" : ""}
      </p>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-1">
          Rows
          <select
            value={pageSize}
            onChange={(e) => onPageSize(Number(e.target.value) as (typeof PAGE_SIZES)[number])}
            className={`rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900 ${focusRing}`}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <Button size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous page
        </Button>
        <Button size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next page
        </Button>
      </div>
    </nav>
  );
});
