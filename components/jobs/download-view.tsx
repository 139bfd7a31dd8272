"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

function save(content: string, type: string, filename: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

interface DownloadViewProps<T> {
  /** How many items the download holds (the whole filtered view), for the buttons' names. */
  count: number;
  basename: string;
  /** The items, read when a button is pressed: the whole view may need more than the page on screen. */
  load: () => T[] | Promise<T[]>;
  toCsv: (items: T[]) => string;
}

/**
 * CSV and JSON of the whole filtered view, built in the browser from our own DTOs (which never hold
 * a download URL, only whether one exists).
 */
export function DownloadView<T>({ count, basename, load, toCsv }: DownloadViewProps<T>) {
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  const run = async (format: "csv" | "json") => {
    setState("busy");
    try {
      const items = await load();
      if (format === "csv") save(toCsv(items), "text/csv", `${basename}.csv`);
      else save(JSON.stringify(items, null, 2), "application/json", `${basename}.json`);
      setState("idle");
    } catch {
      setState("failed");
    }
  };
  const what = `${count} job${count === 1 ? "" : "s"}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        size="sm"
        disabled={count === 0 || state === "busy"}
        aria-label={`Download CSV of ${what}`}
        onClick={() => void run("csv")}
      >
        Download CSV
      </Button>
      <Button
        size="sm"
        disabled={count === 0 || state === "busy"}
        aria-label={`Download JSON of ${what}`}
        onClick={() => void run("json")}
      >
        Download JSON
      </Button>
      <span role="status" className="text-xs text-zinc-700 dark:text-zinc-300">
        {state === "busy" ? "Preparing…" : state === "failed" ? "Download failed: try again" : ""}
      </span>
    </div>
  );
}
