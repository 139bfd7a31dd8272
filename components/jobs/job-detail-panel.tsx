"use client";

import { memo } from "react";
import { useQuery } from "@tanstack/react-query";
import { SidePanel } from "@/components/ui/dialog";
import { StatusBadge } from "@/components/ui/badge";
import type { JobScope } from "@/lib/api-client";
import type { CollectionState } from "@/lib/jobs/dto";
import { jobDetailOptions } from "@/lib/query/jobs";
import { AtlasBackupsLink } from "./atlas-backups-link";
import { CopyButton } from "./copy-button";
import { DownloadLinkButton } from "./download-link-button";
import { ErrorNotice } from "./error-notice";
import { flattenJob, unrestoredWarning } from "./job-fields";
import { RestoredCollections } from "./restored-collections";

export const JobDetailPanel = memo(function JobDetailPanel({
  scope,
  jobId,
  refreshSeconds,
  atlasUiBaseUrl,
  collections,
  onCollections,
  onClose,
}: {
  scope: JobScope;
  jobId: string | null;
  refreshSeconds: number;
  atlasUiBaseUrl: string;
  /** A collection restore's per-collection table: its state filter and page (from the URL). */
  collections: { state: CollectionState | null; page: number };
  onCollections: (next: { collState?: CollectionState | null; collPage?: number | null }) => void;
  onClose: () => void;
}) {
  const detail = useQuery({ ...jobDetailOptions(scope, jobId ?? "", refreshSeconds), enabled: jobId !== null });
  const job = detail.data?.job;
  const downloadable = job && job.kind !== "export" && job.kind !== "collection-restore" && job.hasDownloadUrl;
  const warning = job ? unrestoredWarning(job) : null;
  return (
    <SidePanel open={jobId !== null} onClose={onClose} title={`Job ${jobId ?? ""}`}>
      <div className="flex flex-wrap items-center gap-2">
        {job ? <StatusBadge status={job.status} /> : null}
        <CopyButton text={jobId ?? ""} label="Copy job id" />
        <AtlasBackupsLink baseUrl={atlasUiBaseUrl} groupId={scope.groupId} clusterName={scope.clusterName} />
      </div>
      {detail.error || detail.data?.stale ? (
        <ErrorNotice
          error={detail.error ?? detail.data?.stale}
          onRetry={() => void detail.refetch()}
          stale={Boolean(detail.data)}
        />
      ) : null}
      {detail.isPending ? <p>Loading job…</p> : null}
      {downloadable ? <DownloadLinkButton scope={scope} jobId={job.id} /> : null}
      {warning ? (
        <p
          role="alert"
          className="rounded-lg border border-amber-600 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100"
        >
          {warning}
        </p>
      ) : null}
      {jobId !== null && scope.kind === "collection-restore" ? (
        <RestoredCollections
          scope={scope}
          jobId={jobId}
          state={collections.state}
          page={collections.page}
          refreshSeconds={refreshSeconds}
          onChange={onCollections}
        />
      ) : null}
      {job ? (
        <section aria-labelledby="job-fields-title">
          <h3 id="job-fields-title" className="mb-2 font-semibold">
            Fields
          </h3>
          <dl className="grid grid-cols-[minmax(8rem,max-content)_1fr] gap-x-4 gap-y-1 text-sm">
            {Object.entries(flattenJob(job)).map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="text-zinc-700 dark:text-zinc-300">{key}</dt>
                <dd className="font-mono text-xs break-all">{value || "—"}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {detail.data ? (
        <section aria-labelledby="job-raw-title">
          <h3 id="job-raw-title" className="mb-2 font-semibold">
            Raw Atlas JSON (download URLs redacted)
          </h3>
          <pre
            tabIndex={0}
            aria-labelledby="job-raw-title"
            className="max-h-96 overflow-auto rounded-md bg-zinc-100 p-3 font-mono text-xs text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100"
          >
            {JSON.stringify(detail.data.raw, null, 2)}
          </pre>
        </section>
      ) : null}
    </SidePanel>
  );
});
