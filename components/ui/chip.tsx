import type { ButtonHTMLAttributes } from "react";
import { focusRing } from "./button";
import { cn } from "./cn";

/** A toggle chip: aria-pressed carries the state for assistive tech, the fill carries it visually. */
export function Chip({ pressed, className, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { pressed: boolean }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm",
        pressed
          ? "border-blue-700 bg-blue-700 text-white dark:border-blue-300 dark:bg-blue-300 dark:text-zinc-950"
          : "border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-100 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800",
        focusRing,
        className,
      )}
      {...props}
    />
  );
}
