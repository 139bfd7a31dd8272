import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { focusRing } from "./button";
import { cn } from "./cn";

/**
 * A wide table scrolls inside its own region, never the page. The region is `relative` so sr-only
 * (absolutely positioned) text in off-screen columns cannot widen the document, and it is
 * focusable with a name so keyboard users can scroll it (axe: scrollable-region-focusable).
 */
export function Table({ className, caption, children, ...props }: HTMLAttributes<HTMLTableElement> & { caption?: string }) {
  return (
    <div
      role={caption ? "region" : undefined}
      aria-label={caption}
      tabIndex={0}
      className={cn("relative max-w-full overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800", focusRing)}
    >
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn(
        "border-b border-zinc-200 bg-zinc-50 px-3 py-2 font-semibold whitespace-nowrap text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("border-b border-zinc-100 px-3 py-2 align-top dark:border-zinc-800/70", className)} {...props} />;
}
