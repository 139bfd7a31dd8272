"use client";

import { useQuery } from "@tanstack/react-query";
import type { useQueryStates } from "nuqs";
import { useCallback } from "react";
import { CopyButton } from "@/components/jobs/copy-button";
import { DeprecationNotice } from "@/components/jobs/deprecation-notice";
import { DownloadView } from "@/components/jobs/download-view";
import { ErrorNotice } from "@/components/jobs/error-notice";
import { JobDetailPanel } from "@/components/jobs/job-detail-panel";
import { JobTable } from "@/components/jobs/job-table";
import { JOB_KIND_LABEL } from "@/components/jobs/labels";
import { Pagination } from "@/components/jobs/pagination";
import { RefreshControls } from "@/components/jobs/refresh-controls";
import { StatusChips } from "@/components/jobs/status-chips";
import { useExportEtas } from "@/components/jobs/use-export-eta";
import { Skeleton } from "@/components/ui/skeleton";
import type { JobScope } from "@/lib/api-client";
import { jobListOptions } from "@/lib/query/jobs";
import type { clusterViewParsers } from "@/lib/view-state/parsers";
import { listQueryFromView } from "./list-query";
import { TimelineSection } from "./timeline-section";

type ViewState = ReturnType<typeof useQueryStates<typeof clusterViewParsers>>;

export function JobsPanel({
  scope,
  view,
  setView,
  atlasUiBaseUrl,
  hasFlex,
}: {
  scope: JobScope;
  view: ViewState[0];
  setView: ViewState[1];
  atlasUiBaseUrl: string;
  hasFlex: boolean;
}) {
  const query = listQueryFromView(view);
  const list = useQuery(jobListOptions(scope, query, view.refresh));
  const data = list.data;
  const etas = useExportEtas(data?.items, data?.fetchedAt);
  const openJob = useCallback((id: string) => void setView({ job: id }, { history: "push" }), [setView]);
  const kindLabel = JOB_KIND_LABEL[scope.kind].toLowerCase();
  const searched = `${kindLabel} of ${scope.clusterName}${query.status.length ? ` with status ${query.status.join(" or ")}` : ""}`;
  const flexHref = hasFlex ? `?tab=flex-restore` : null;

  return (
    <div className="flex min-w-0 flex-col gap-4">
      {scope.kind === "tenant-restore" ? <DeprecationNotice deprecation={data?.deprecation} flexHref={flexHref} /> : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <RefreshControls
          interval={view.refresh}
          onInterval={(refresh) => void setView({ refresh })}
          onRefresh={() => void list.refetch()}
          fetching={list.isFetching}
          fetchedAt={data?.fetchedAt}
          stale={list.isError && Boolean(data)}
        />
        <div className="flex flex-wrap gap-2">
          <CopyButton label="Copy link" doneLabel="Link copied" />
          <DownloadView jobs={data?.items ?? []} basename={`${scope.clusterName}-${scope.kind}-page-${query.page}`} />
        </div>
      </div>
      {list.isError ? <ErrorNotice error={list.error} stale={Boolean(data)} onRetry={() => void list.refetch()} /> : null}
      {data ? (
        <StatusChips counts={data.counts} selected={query.status} onChange={(status) => void setView({ status, page: null })} />
      ) : null}
      {data?.deprecation?.retired ? (
        <p role="status" className="rounded-lg border border-zinc-300 p-4 dark:border-zinc-700">
          Atlas no longer serves tenant restores for this cluster (retired on 2026-01-22), so there is no history to show here.
          {hasFlex ? " Its Flex restore jobs are in the Flex restore jobs tab." : ""}
        </p>
      ) : data && data.items.length === 0 ? (
        <p role="status" className="rounded-lg border border-dashed border-zinc-300 p-6 text-center dark:border-zinc-700">
          No {searched}
          {query.page > 1 ? ` on page ${query.page}` : ""}.
        </p>
      ) : data ? (
        <JobTable
          kind={scope.kind}
          jobs={data.items}
          caption={`${JOB_KIND_LABEL[scope.kind]} of ${scope.clusterName}`}
          sort={query.sort}
          dir={query.dir}
          busy={list.isPlaceholderData}
          etas={etas}
          onOpen={openJob}
          onSort={(sort, dir) => void setView({ sort, dir, page: null })}
        />
      ) : list.isPending ? (
        <Skeleton className="h-64 w-full" />
      ) : null}
      {data && data.totalCount > 0 ? (
        <Pagination
          page={query.page}
          pageSize={query.pageSize}
          totalCount={data.totalCount}
          loading={list.isPlaceholderData}
          onPage={(page) => void setView({ page })}
          onPageSize={(pageSize) => void setView({ pageSize, page: null })}
        />
      ) : null}
      <TimelineSection scope={scope} window={view.window} onWindow={(window) => void setView({ window })} refreshSeconds={view.refresh} />
      <JobDetailPanel scope={scope} jobId={view.job} refreshSeconds={view.refresh} atlasUiBaseUrl={atlasUiBaseUrl} onClose={() => void setView({ job: null })} />
    </div>
  );
}
