"use client";

import { memo } from "react";
import { Button, focusRing } from "@/components/ui/button";
import { REFRESH_INTERVALS, type RefreshInterval } from "@/lib/view-state/parsers";
import { UpdatedAgo } from "./updated-ago";

export const RefreshControls = memo(function RefreshControls({
  interval,
  onInterval,
  onRefresh,
  fetching,
  fetchedAt,
  stale,
}: {
  interval: RefreshInterval;
  onInterval: (value: RefreshInterval) => void;
  onRefresh: () => void;
  fetching: boolean;
  fetchedAt: string | undefined;
  stale: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <UpdatedAgo fetchedAt={fetchedAt} stale={stale} />
      <label className="flex items-center gap-1 text-sm">
        Auto-refresh
        <select
          value={interval}
          onChange={(e) => onInterval(Number(e.target.value) as RefreshInterval)}
          className={`rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900 ${focusRing}`}
        >
          {REFRESH_INTERVALS.map((s) => (
            <option key={s} value={s}>
              {s === 0 ? "Off" : `${s} s`}
            </option>
          ))}
        </select>
      </label>
      <Button size="sm" onClick={onRefresh} disabled={fetching}>
        {fetching ? "Refreshing…" : "Refresh now"}
      </Button>
    </div>
  );
});
