import type { ReactNode } from "react";
import type { JobStatus } from "@/lib/jobs/dto";
import { cn } from "./cn";

export type Tone = "neutral" | "blue" | "green" | "red" | "amber" | "violet";

// -100/-900 pairs keep text contrast above 7:1 in both colour schemes.
const TONES: Record<Tone, string> = {
  neutral: "bg-zinc-100 text-zinc-800 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-100 dark:ring-zinc-600",
  blue: "bg-blue-100 text-blue-900 ring-blue-300 dark:bg-blue-950 dark:text-blue-100 dark:ring-blue-700",
  green: "bg-green-100 text-green-900 ring-green-300 dark:bg-green-950 dark:text-green-100 dark:ring-green-700",
  red: "bg-red-100 text-red-900 ring-red-300 dark:bg-red-950 dark:text-red-100 dark:ring-red-700",
  amber: "bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-700",
  violet: "bg-violet-100 text-violet-900 ring-violet-300 dark:bg-violet-950 dark:text-violet-100 dark:ring-violet-700",
};

export const STATUS_TONE: Record<JobStatus, Tone> = {
  queued: "neutral",
  running: "blue",
  completed: "green",
  failed: "red",
  cancelled: "amber",
  expired: "violet",
  unknown: "neutral",
};

/** `stacked` makes the badge its own line (a block as wide as its text), for a cell with a line beneath. */
export function Badge({
  tone = "neutral",
  stacked = false,
  children,
}: {
  tone?: Tone;
  stacked?: boolean;
  children: ReactNode;
}) {
  return (
    <span
      className={cn(
        stacked ? "mb-0.5 block w-fit" : "inline-block",
        "rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset",
        TONES[tone],
      )}
    >
      {children}
    </span>
  );
}

export function StatusBadge({ status, stacked }: { status: JobStatus; stacked?: boolean }) {
  return (
    <Badge tone={STATUS_TONE[status]} stacked={stacked}>
      {status}
    </Badge>
  );
}
