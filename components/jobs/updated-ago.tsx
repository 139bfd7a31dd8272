"use client";

import { useEffect, useState } from "react";
import { formatAgo } from "./format";

/** Ticks every second from the API's fetchedAt (when the data left Atlas), not from when we rendered. */
export function UpdatedAgo({ fetchedAt, stale }: { fetchedAt: string | undefined; stale: boolean }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, []);
  if (!fetchedAt) return null;
  const seconds = now === null ? 0 : Math.max(0, Math.round((now - Date.parse(fetchedAt)) / 1000));
  return (
    <span className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300">
      <time dateTime={fetchedAt}>Updated {formatAgo(seconds)}</time>
      {stale ? <span className="ml-1 font-semibold text-red-800 dark:text-red-300">(stale)</span> : null}
    </span>
  );
}
