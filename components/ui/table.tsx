import type { CSSProperties, HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { focusRing } from "./button";
import { cn } from "./cn";

/**
 * A data table whose rows are CSS grids on one set of column tracks (each `min` rem wide, growing
 * by `grow` shares of any spare width), so each body row can be `content-visibility: auto`: rows
 * below the fold skip style, layout and paint until they scroll into view, yet stay in the DOM
 * (find in page, copy, screen readers). Native table layout cannot do this: containment does not
 * apply to table rows. A table laid out as a grid may lose its table semantics in some browsers,
 * so every part states its ARIA role.
 *
 * A wide table scrolls inside its own region, never the page. The region is `relative` so sr-only
 * (absolutely positioned) text cannot widen the document, and it is focusable with a name so
 * keyboard users can scroll it (axe: scrollable-region-focusable).
 */
export function Table({
  className,
  caption,
  tracks,
  children,
  ...props
}: HTMLAttributes<HTMLTableElement> & { caption: string; tracks: Array<{ min: number; grow?: number }> }) {
  // As wide as the region, never narrower than the tracks' minimums (then the region scrolls).
  const style = {
    "--table-columns": tracks.map((t) => (t.grow ? `minmax(${t.min}rem, ${t.grow}fr)` : `${t.min}rem`)).join(" "),
    minWidth: `${tracks.reduce((sum, t) => sum + t.min, 0)}rem`,
  } as CSSProperties;
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className={cn(
        "relative max-w-full overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800",
        focusRing,
      )}
    >
      <table role="table" style={style} className={cn("block w-full text-left text-sm", className)} {...props}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead(props: HTMLAttributes<HTMLTableSectionElement>) {
  return (
    <thead
      role="rowgroup"
      className="block border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
      {...props}
    />
  );
}

export function TBody(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody role="rowgroup" className="block" {...props} />;
}

/** A header row, or (`body`) a body row that is skipped while off screen (never in print); 3.5rem is its height until first shown. */
export function Tr({ body = false, className, ...props }: HTMLAttributes<HTMLTableRowElement> & { body?: boolean }) {
  return (
    <tr
      role="row"
      className={cn(
        "grid grid-cols-(--table-columns)",
        body &&
          "border-b border-zinc-100 [contain-intrinsic-size:auto_3.5rem] [content-visibility:auto] last:border-b-0 print:[content-visibility:visible] hover:bg-zinc-50 dark:border-zinc-800/70 dark:hover:bg-zinc-900",
        className,
      )}
      {...props}
    />
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      role="columnheader"
      scope="col"
      className={cn("px-3 py-2 font-semibold text-zinc-700 dark:text-zinc-200", className)}
      {...props}
    />
  );
}

/** Fixed tracks: a long unbroken value (an id, a prefix) wraps inside its cell instead of running into the next. */
export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td role="cell" className={cn("min-w-0 px-3 py-2 wrap-anywhere", className)} {...props} />;
}
