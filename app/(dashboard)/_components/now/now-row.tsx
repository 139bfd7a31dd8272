import Link from "next/link";
import { memo } from "react";
import { JobProgress } from "@/components/jobs/job-progress";
import { formatDuration, formatUtc } from "@/components/jobs/format";
import { namespacesInBrief, restoreTarget } from "@/components/jobs/job-fields";
import { JOB_KIND_ONE } from "@/components/jobs/labels";
import { StuckFlag } from "@/components/jobs/stuck-flag";
import { StatusBadge } from "@/components/ui/badge";
import { WatchControl } from "@/components/watches/watch-control";
import { focusRing } from "@/components/ui/button";
import type { Job } from "@/lib/jobs/dto";
import type { NowRow as Row } from "@/lib/now/dto";
import { clusterHref } from "@/lib/view-state/parsers";

const live = (job: Job) => job.status === "running" || job.status === "queued";

function When({ job }: { job: Job }) {
  if (live(job))
    return job.startedAt ? (
      <>
        <span className="block">Started {formatUtc(job.startedAt)}</span>
        <span className="block text-zinc-700 dark:text-zinc-300">running for {formatDuration(job.durationMs)}</span>
      </>
    ) : (
      <span className="text-zinc-700 dark:text-zinc-300">Not started yet</span>
    );
  return (
    <>
      <span className="block">{job.finishedAt ? `Finished ${formatUtc(job.finishedAt)}` : "No finish time"}</span>
      <span className="block text-zinc-700 dark:text-zinc-300">
        {job.startedAt ? `started ${formatUtc(job.startedAt)}` : "never started"}
        {job.durationMs !== null ? ` · took ${formatDuration(job.durationMs)}` : ""}
      </span>
    </>
  );
}

/** Atlas's own reason for a job that needs attention, in its words. */
function atlasReason(job: Job): string | null {
  if (job.kind === "export" && job.stateReason)
    return [job.stateReason.errorCode, job.stateReason.message].filter(Boolean).join(": ");
  if (job.kind === "collection-restore" && job.errorMessage) return job.errorMessage;
  if (job.status === "expired") return job.expiresAt ? `Expired ${formatUtc(job.expiresAt)}` : "Expired";
  if (job.status === "failed" || job.status === "cancelled") return `Atlas state: ${job.rawState}`;
  return null;
}

function Detail({ row, etaMs }: { row: Row; etaMs: number | null }) {
  const { job } = row;
  const reason = atlasReason(job);
  const target = restoreTarget(job);
  return (
    <>
      {job.kind === "export" || job.kind === "collection-restore" ? (
        <>
          {live(job) || job.progress ? <JobProgress job={job} etaMs={etaMs} /> : null}
          {job.kind === "collection-restore" ? (
            <span className="block">
              {namespacesInBrief(job)}
              {target === "—" ? null : (
                <>
                  <span className="text-zinc-700 dark:text-zinc-300"> to </span>
                  {target}
                </>
              )}
            </span>
          ) : null}
        </>
      ) : (
        <span className="block">
          <span className="text-zinc-700 dark:text-zinc-300">Delivery </span>
          {job.deliveryType ?? "—"}
          {target === "—" ? null : (
            <>
              <span className="text-zinc-700 dark:text-zinc-300"> to </span>
              {target}
            </>
          )}
        </span>
      )}
      {reason ? <span className="block text-red-900 dark:text-red-200">{reason}</span> : null}
      {row.stuck ? <StuckFlag stuck={row.stuck} /> : null}
      <WatchControl key={job.id} job={job} />
    </>
  );
}

/**
 * One job on the Now page, linking to it on its cluster page. Few elements on purpose: a scroll
 * through thousands of rows builds and measures each one as it comes into view.
 */
export const NowRow = memo(function NowRow({ row, generatedAt }: { row: Row; generatedAt: string }) {
  const { job } = row;
  const etaMs = row.eta ? Math.max(0, Date.parse(row.eta) - Date.parse(generatedAt)) : null;
  return (
    <div className="grid gap-x-4 gap-y-1 border-b border-zinc-200 px-2 py-2 text-sm md:grid-cols-[8.5rem_minmax(0,1.1fr)_minmax(0,1fr)_minmax(0,1.4fr)] dark:border-zinc-800">
      <div className="flex items-baseline gap-2 md:block">
        <StatusBadge status={job.status} stacked />
        <span className="text-xs text-zinc-700 dark:text-zinc-300">{JOB_KIND_ONE[job.kind]}</span>
      </div>
      <div className="min-w-0">
        <Link
          href={clusterHref(job.groupId, job.clusterName, { tab: job.kind, job: job.id })}
          className={`rounded font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950 dark:text-blue-200 dark:hover:text-white ${focusRing}`}
        >
          {job.clusterName}
          <span className="sr-only">{`, ${JOB_KIND_ONE[job.kind].toLowerCase()} job `}</span>
          <span className="block font-mono text-xs break-all">{job.id}</span>
        </Link>
        <span className="block text-xs text-zinc-700 dark:text-zinc-300">{row.projectName}</span>
      </div>
      <div className="text-xs tabular-nums">
        <When job={job} />
      </div>
      <div className="min-w-0 text-xs">
        <Detail row={row} etaMs={etaMs} />
      </div>
    </div>
  );
});
