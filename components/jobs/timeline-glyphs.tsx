import type { EventGroup } from "@/lib/jobs/events";
import { STATUS_TONE } from "@/components/ui/badge";
import type { JobStatus } from "@/lib/jobs/dto";

/** A job bar's fill by its status tone (the badges' colours). */
export const BAR_FILL: Record<(typeof STATUS_TONE)[JobStatus], string> = {
  neutral: "fill-zinc-500 dark:fill-zinc-400",
  blue: "fill-blue-600 dark:fill-blue-400",
  green: "fill-green-600 dark:fill-green-400",
  red: "fill-red-600 dark:fill-red-400",
  amber: "fill-amber-500 dark:fill-amber-300",
  violet: "fill-violet-600 dark:fill-violet-400",
};

/** Each event group's colour; its shape (below) tells it apart without the colour. */
const EVENT_CLASS: Record<EventGroup, string> = {
  snapshot: "fill-emerald-600 dark:fill-emerald-400",
  "snapshot-failed": "fill-red-600 stroke-red-600 dark:fill-red-400 dark:stroke-red-400",
  requested: "fill-sky-600 dark:fill-sky-400",
  "job-ended": "fill-violet-600 dark:fill-violet-400",
  behind: "fill-amber-500 dark:fill-amber-300",
};

/** A marker centred on (x, y), `r` px from the centre: circle, cross, down-triangle, square, diamond. */
export function EventGlyph({ group, x, y, r = 5 }: { group: EventGroup; x: number; y: number; r?: number }) {
  const cls = `${EVENT_CLASS[group]} stroke-white dark:stroke-zinc-950`;
  switch (group) {
    case "snapshot":
      return <circle cx={x} cy={y} r={r} className={cls} strokeWidth={1} />;
    case "snapshot-failed":
      return (
        <path
          d={`M${x - r} ${y - r}L${x + r} ${y + r}M${x + r} ${y - r}L${x - r} ${y + r}`}
          className={EVENT_CLASS[group]}
          strokeWidth={2.5}
          strokeLinecap="round"
        />
      );
    case "requested":
      return <path d={`M${x - r} ${y - r}L${x + r} ${y - r}L${x} ${y + r}Z`} className={cls} strokeWidth={1} />;
    case "job-ended":
      return <rect x={x - r + 1} y={y - r + 1} width={2 * r - 2} height={2 * r - 2} className={cls} strokeWidth={1} />;
    case "behind":
      return <path d={`M${x} ${y - r}L${x + r} ${y}L${x} ${y + r}L${x - r} ${y}Z`} className={cls} strokeWidth={1} />;
  }
}
