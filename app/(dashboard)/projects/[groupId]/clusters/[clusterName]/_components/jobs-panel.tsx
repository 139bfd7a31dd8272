"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import { CopyButton } from "@/components/jobs/copy-button";
import { DeprecationNotice } from "@/components/jobs/deprecation-notice";
import { DownloadView } from "@/components/jobs/download-view";
import { ErrorNotice } from "@/components/jobs/error-notice";
import { JobDetailPanel } from "@/components/jobs/job-detail-panel";
import { jobsToCsv } from "@/components/jobs/job-fields";
import { JobTable } from "@/components/jobs/job-table";
import { JOB_KIND_LABEL } from "@/components/jobs/labels";
import { Pagination } from "@/components/jobs/pagination";
import { RefreshControls } from "@/components/jobs/refresh-controls";
import { StatusChips } from "@/components/jobs/status-chips";
import { useProgressEtas } from "@/components/jobs/use-progress-eta";
import { Skeleton } from "@/components/ui/skeleton";
import type { JobScope } from "@/lib/api-client";
import type { JobStatus } from "@/lib/jobs/dto";
import { fetchWholeList, jobListOptions } from "@/lib/query/jobs";
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
  // Memoized by value: nuqs hands out a new `view` per URL update, and the children below are
  // memoized, so a click re-renders only what its new state touches.
  const statusKey = view.status.join(",");
  const { page, pageSize, sort, dir } = view;
  const query = useMemo(
    () =>
      listQueryFromView({ status: statusKey ? (statusKey.split(",") as JobStatus[]) : [], page, pageSize, sort, dir }),
    [statusKey, page, pageSize, sort, dir],
  );
  const list = useQuery(jobListOptions(scope, query, view.refresh));
  const data = list.data;
  const { refetch } = list;
  const etas = useProgressEtas(data?.items, data?.fetchedAt);
  const openJob = useCallback(
    (id: string) => void setView({ job: id, collState: null, collPage: null }, { history: "push" }),
    [setView],
  );
  const onInterval = useCallback((refresh: ViewState[0]["refresh"]) => void setView({ refresh }), [setView]);
  const onRefresh = useCallback(() => void refetch(), [refetch]);
  const onStatus = useCallback((status: ViewState[0]["status"]) => void setView({ status, page: null }), [setView]);
  const onSort = useCallback(
    (sort: ViewState[0]["sort"], dir: ViewState[0]["dir"]) => void setView({ sort, dir, page: null }),
    [setView],
  );
  const onPage = useCallback((page: number) => void setView({ page }), [setView]);
  const onPageSize = useCallback(
    (pageSize: ViewState[0]["pageSize"]) => void setView({ pageSize, page: null }),
    [setView],
  );
  const onWindow = useCallback((window: ViewState[0]["window"]) => void setView({ window }), [setView]);
  const onClose = useCallback(() => void setView({ job: null, collState: null, collPage: null }), [setView]);
  const onCollections = useCallback(
    (next: { collState?: ViewState[0]["collState"]; collPage?: number | null }) => void setView(next),
    [setView],
  );
  const { collState, collPage } = view;
  const collections = useMemo(() => ({ state: collState, page: collPage }), [collState, collPage]);
  const queryClient = useQueryClient();
  const loadWholeList = useCallback(() => fetchWholeList(queryClient, scope, query), [queryClient, scope, query]);
  const kindLabel = JOB_KIND_LABEL[scope.kind].toLowerCase();
  const searched = `${kindLabel} of ${scope.clusterName}${query.status.length ? ` with status ${query.status.join(" or ")}` : ""}`;
  const flexHref = hasFlex ? `?tab=flex-restore` : null;

  return (
    <div className="flex min-w-0 flex-col gap-4">
      {scope.kind === "tenant-restore" ? (
        <DeprecationNotice deprecation={data?.deprecation} flexHref={flexHref} />
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <RefreshControls
          interval={view.refresh}
          onInterval={onInterval}
          onRefresh={onRefresh}
          fetching={list.isFetching}
          fetchedAt={data?.fetchedAt}
          stale={(list.isError && Boolean(data)) || Boolean(data?.stale)}
        />
        <div className="flex flex-wrap gap-2">
          <CopyButton label="Copy link" doneLabel="Link copied" />
          <DownloadView
            count={data?.totalCount ?? 0}
            basename={`${scope.clusterName}-${scope.kind}${query.status.length ? `-${query.status.join("-")}` : ""}`}
            load={loadWholeList}
            toCsv={jobsToCsv}
          />
        </div>
      </div>
      {list.isError ? (
        <ErrorNotice error={list.error} stale={Boolean(data)} onRetry={onRefresh} />
      ) : data?.stale ? (
        <ErrorNotice error={data.stale} stale onRetry={onRefresh} />
      ) : null}
      {data ? <StatusChips counts={data.counts} selected={query.status} onChange={onStatus} /> : null}
      {data?.deprecation?.retired ? (
        <p role="status" className="rounded-lg border border-zinc-300 p-4 dark:border-zinc-700">
          Atlas no longer serves tenant restores for this cluster (retired on 2026-01-22), so there is no history to
          show here.
          {hasFlex ? " Its Flex restore jobs are in the Flex restore jobs tab." : ""}
        </p>
      ) : data && data.items.length === 0 ? (
        <p
          role="status"
          className="rounded-lg border border-dashed border-zinc-300 p-6 text-center dark:border-zinc-700"
        >
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
          stuck={data.stuck}
          onOpen={openJob}
          onSort={onSort}
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
          onPage={onPage}
          onPageSize={onPageSize}
        />
      ) : null}
      <TimelineSection scope={scope} window={view.window} onWindow={onWindow} refreshSeconds={view.refresh} />
      <JobDetailPanel
        scope={scope}
        jobId={view.job}
        refreshSeconds={view.refresh}
        atlasUiBaseUrl={atlasUiBaseUrl}
        collections={collections}
        onCollections={onCollections}
        onClose={onClose}
      />
    </div>
  );
}
