import { Progress } from "@/components/ui/progress";
import type { Job } from "@/lib/jobs/dto";
import { progressFigure, progressMoving } from "@/lib/jobs/progress";
import { formatDuration } from "./format";

const count = new Intl.NumberFormat("en-US");
const BAR_NAME = { collections: "Export", documents: "Collection restore" } as const;

/**
 * A job's progress bar in its own unit (an export's collections, a collection restore's documents),
 * with the time left while the figure moves. A collection restore's total may be Atlas's estimate
 * until each collection's copy starts, so it says "about" until the job is done.
 */
export function JobProgress({ job, etaMs }: { job: Job; etaMs: number | null | undefined }) {
  const figure = progressFigure(job);
  if (!figure) return <span className="text-zinc-700 dark:text-zinc-300">No progress reported</span>;
  const { done, total, unit } = figure;
  const percent = figure.percent ?? (total > 0 ? Math.min(100, (done / total) * 100) : null);
  const percentText = percent === null ? "—" : `${percent.toFixed(1)}%`;
  const estimate = unit === "documents" && job.status !== "completed" ? "about " : "";
  const text = `${count.format(done)} of ${estimate}${count.format(total)} ${unit} (${percentText})`;
  const tone =
    job.status === "failed"
      ? "red"
      : job.status === "completed"
        ? "green"
        : job.status === "running"
          ? "blue"
          : "neutral";
  return (
    <div className="flex flex-col gap-1">
      <Progress
        label={`${BAR_NAME[unit]} ${job.id} progress`}
        value={Math.min(done, Math.max(total, 1))}
        max={Math.max(total, 1)}
        valueText={text}
        tone={tone}
      />
      <span className="text-xs text-zinc-700 tabular-nums dark:text-zinc-300">
        {text}
        {progressMoving(job)
          ? etaMs
            ? ` · about ${formatDuration(etaMs)} left`
            : " · estimating time left…"
          : job.status === "running"
            ? " · building indexes"
            : ""}
      </span>
    </div>
  );
}
