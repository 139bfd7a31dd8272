import { cn } from "./cn";

/** A determinate progress bar; with `value` null it renders as indeterminate (no aria-valuenow). */
export function Progress({
  value,
  max,
  label,
  valueText,
  tone = "blue",
}: {
  value: number | null;
  max: number;
  label: string;
  valueText?: string;
  tone?: "blue" | "green" | "red" | "neutral";
}) {
  const percent = value === null || max <= 0 ? 0 : Math.min(100, (value / max) * 100);
  const fill = {
    blue: "bg-blue-600 dark:bg-blue-400",
    green: "bg-green-600 dark:bg-green-400",
    red: "bg-red-600 dark:bg-red-400",
    neutral: "bg-zinc-500 dark:bg-zinc-400",
  }[tone];
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value ?? undefined}
      aria-valuetext={valueText}
      className="h-2 w-full min-w-24 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700"
    >
      <div
        className={cn("h-full rounded-full transition-[width] duration-500", fill)}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
