"use client";

import { useQueryStates } from "nuqs";
import { focusRing } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { searchParsers } from "@/lib/view-state/parsers";

/** A filter box whose text lives in the URL (?q=), so a filtered list is a shareable link. */
export function SearchBox({ label, placeholder }: { label: string; placeholder: string }) {
  const [{ q }, setSearch] = useQueryStates(searchParsers, { history: "replace" });
  return (
    <label className="flex max-w-md flex-col gap-1 text-sm font-medium">
      {label}
      <input
        type="search"
        value={q}
        placeholder={placeholder}
        onChange={(event) => void setSearch({ q: event.target.value || null })}
        className={cn(
          "rounded-md border border-zinc-300 bg-white px-3 py-1.5 font-normal text-zinc-900 placeholder:text-zinc-600 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400",
          focusRing,
        )}
      />
    </label>
  );
}

export function useSearchText(): string {
  const [{ q }] = useQueryStates(searchParsers);
  return q.trim().toLowerCase();
}
