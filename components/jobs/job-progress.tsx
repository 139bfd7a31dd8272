import { Progress } from "@/components/ui/progress";
import type { ExportJob } from "@/lib/jobs/dto";
import { formatDuration } from "./format";

export function ExportProgress({ job, etaMs }: { job: ExportJob; etaMs: number | null | undefined }) {
  const progress = job.progress;
  if (!progress) return <span className="text-zinc-700 dark:text-zinc-300">No progress reported</span>;
  const percent = progress.percent ?? (progress.total > 0 ? (progress.exported / progress.total) * 100 : null);
  const percentText = percent === null ? "—" : `${percent.toFixed(1)}%`;
  const text = `${progress.exported} of ${progress.total} collections (${percentText})`;
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
        label={`Export ${job.id} progress`}
        value={progress.exported}
        max={Math.max(progress.total, 1)}
        valueText={text}
        tone={tone}
      />
      <span className="text-xs text-zinc-700 tabular-nums dark:text-zinc-300">
        {text}
        {job.status === "running"
          ? etaMs
            ? ` · about ${formatDuration(etaMs)} left`
            : " · estimating time left…"
          : ""}
      </span>
    </div>
  );
}
