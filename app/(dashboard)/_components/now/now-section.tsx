"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { memo, useRef } from "react";
import type { NowListItem } from "@/lib/now/filter-rows";
import { NowRow } from "./now-row";
import { useDocumentOffset } from "./use-document-offset";

const ROW_ESTIMATE = 76;
const GROUP_ESTIMATE = 40;
// The server renders the first screenful as if on a common laptop; the browser then measures.
const INITIAL_RECT = { width: 1280, height: 900 };

/**
 * One group of the Now page (Running, Needs attention, Finished): a heading and a list of its rows,
 * virtualised against the window's scroll, so thousands of rows cost only the few on screen.
 * Rows keep their list semantics (aria-setsize, aria-posinset) while most are not in the DOM.
 */
export const NowSection = memo(function NowSection({
  id,
  title,
  items,
  rowCount,
  generatedAt,
  empty,
}: {
  id: string;
  title: string;
  items: NowListItem[];
  rowCount: number;
  generatedAt: string;
  empty: string;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const scrollMargin = useDocumentOffset(listRef);
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: (i) => (items[i]?.type === "group" ? GROUP_ESTIMATE : ROW_ESTIMATE),
    getItemKey: (i) => items[i]?.key ?? i,
    overscan: 6,
    scrollMargin,
    initialRect: INITIAL_RECT,
  });
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h2 id={headingId} className="flex items-baseline gap-2 text-lg font-semibold">
        {title}
        <span className="text-base font-normal text-zinc-700 tabular-nums dark:text-zinc-300">{rowCount}</span>
      </h2>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-4 text-sm text-zinc-700 dark:border-zinc-700 dark:text-zinc-300">
          {empty}
        </p>
      ) : null}
      {/* Always mounted, so its offset is measured from the start; hidden while empty. */}
      <ul
        ref={listRef}
        hidden={items.length === 0}
        aria-labelledby={headingId}
        className="relative rounded-lg border border-zinc-200 dark:border-zinc-800"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index];
          if (!item) return null;
          return (
            <li
              key={v.key}
              data-index={v.index}
              ref={virtualizer.measureElement}
              className="absolute top-0 left-0 w-full"
              style={{ transform: `translateY(${v.start - scrollMargin}px)` }}
              {...(item.type === "row" ? { "aria-setsize": rowCount, "aria-posinset": item.position } : {})}
            >
              {item.type === "group" ? (
                <h3 className="border-b border-zinc-200 bg-zinc-50 px-2 py-2 text-sm font-semibold dark:border-zinc-800 dark:bg-zinc-900">
                  {item.label}{" "}
                  <span className="font-normal text-zinc-700 tabular-nums dark:text-zinc-300">
                    · {item.count} job{item.count === 1 ? "" : "s"}
                  </span>
                </h3>
              ) : (
                <NowRow row={item.row} generatedAt={generatedAt} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
});
