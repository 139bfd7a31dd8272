"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import { CopyButton } from "@/components/jobs/copy-button";
import { DownloadView } from "@/components/jobs/download-view";
import { ErrorNotice } from "@/components/jobs/error-notice";
import { NowSkeleton } from "@/components/layout/skeletons";
import { Button } from "@/components/ui/button";
import type { NowSection as Section } from "@/lib/now/dto";
import { filterNowRows, sectionItems, type NowRowFilter } from "@/lib/now/filter-rows";
import { nowOptions } from "@/lib/query/now";
import { ranWithin } from "@/lib/jobs/timing";
import type { TimelineUpdate } from "@/components/jobs/timeline";
import {
  NOW_REFRESH_MS,
  NOW_SECTIONS,
  nowQueryFromView,
  nowScope,
  nowViewParsers,
  type NowScope,
} from "@/lib/view-state/now-parsers";
import { CoveragePanel } from "./_components/now/coverage-panel";
import { EstateCounts, SECTION_TITLE } from "./_components/now/estate-counts";
import { FindJob } from "./_components/now/find-job";
import { nowRowsToCsv } from "./_components/now/now-csv";
import { NowSection } from "./_components/now/now-section";
import { NowTimeline } from "./_components/now/now-timeline";
import { NowToolbar, WINDOW_LABEL, type NowViewUpdate } from "./_components/now/now-toolbar";

const EMPTY: Record<Section, string> = {
  running: "Nothing running that matches.",
  attention: "Nothing needs attention that matches.",
  finished: "Nothing finished in this window that matches.",
};

/** Equal by value, same identity: nuqs hands out a new view per URL update, the memoized parts below need stable props. */
function useStable<T>(value: T): T {
  const key = JSON.stringify(value);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by value on purpose.
  return useMemo(() => value, [key]);
}

export function NowView() {
  const [view, setView] = useQueryStates(nowViewParsers);
  const query = nowQueryFromView(view);
  const scope: NowScope = useStable(nowScope(query));
  const filter: NowRowFilter = useStable({
    kind: query.kind,
    status: query.status,
    section: query.section,
    stuck: query.stuck,
  });
  const now = useQuery(nowOptions(scope));
  const { data, refetch } = now;
  const filtered = useMemo(() => (data ? filterNowRows(data.rows, filter) : []), [data, filter]);
  // The timeline's brushed range narrows the lists below, not the picture it was drawn on.
  const brushFrom = view.range?.from;
  const brushTo = view.range?.to;
  const rows = useMemo(
    () =>
      brushFrom !== undefined && brushTo !== undefined
        ? filtered.filter((r) => ranWithin(r.job, brushFrom, brushTo))
        : filtered,
    [filtered, brushFrom, brushTo],
  );
  const sections = NOW_SECTIONS.filter((s) => filter.section.length === 0 || filter.section.includes(s));
  const items = useMemo(
    () =>
      Object.fromEntries(NOW_SECTIONS.map((s) => [s, sectionItems(rows, s, view.group)])) as Record<
        Section,
        ReturnType<typeof sectionItems>
      >,
    [rows, view.group],
  );
  const projectNames = useMemo(
    () => new Map((data?.rows ?? []).map((r) => [r.job.groupId, r.projectName] as const)),
    [data],
  );
  const onChange = useCallback((update: NowViewUpdate) => void setView(update), [setView]);
  const onFilter = useCallback(
    (next: Partial<NowRowFilter>) =>
      void setView(
        Object.fromEntries(Object.entries(next).map(([k, v]) => [k, v === undefined ? null : v])) as NowViewUpdate,
      ),
    [setView],
  );
  const onRefresh = useCallback(() => void refetch(), [refetch]);
  const onTimeline = useCallback((update: TimelineUpdate) => void setView(update), [setView]);
  const loadRows = useCallback(() => rows, [rows]);
  const windowLabel = WINDOW_LABEL[view.window];

  return (
    <div className="flex min-w-0 flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Now</h1>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            Every backup job across the estate, {windowLabel.toLowerCase()}. Live: checked every {NOW_REFRESH_MS / 1000}{" "}
            s.
          </p>
        </div>
        <div className="w-full md:max-w-md">
          <FindJob />
        </div>
      </div>

      {now.isError ? <ErrorNotice error={now.error} stale={Boolean(data)} onRetry={onRefresh} /> : null}

      {data ? (
        <>
          <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
            <section aria-labelledby="estate-heading" className="flex min-w-0 flex-col gap-2">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id="estate-heading" className="text-lg font-semibold">
                  Estate{" "}
                  <span className="font-normal text-zinc-700 dark:text-zinc-300">· {windowLabel.toLowerCase()}</span>
                </h2>
                <Button size="sm" onClick={onRefresh} disabled={now.isFetching}>
                  {now.isFetching ? "Refreshing…" : "Refresh now"}
                </Button>
              </div>
              <EstateCounts counts={data.counts} filter={filter} onFilter={onFilter} />
            </section>
            <CoveragePanel coverage={data.coverage} refreshFailed={now.isError} />
          </div>

          <NowToolbar view={view} projectNames={projectNames} onChange={onChange} />

          <div className="flex flex-wrap items-center justify-between gap-2">
            <p role="status" className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300">
              Showing {rows.length} of {data.rows.length} jobs
              {now.isPlaceholderData ? " (loading the new view…)" : ""}
            </p>
            <div className="flex flex-wrap gap-2">
              <CopyButton label="Copy link" doneLabel="Link copied" />
              <DownloadView
                count={rows.length}
                basename={`backwatch-now-${view.window}`}
                load={loadRows}
                toCsv={nowRowsToCsv}
              />
            </div>
          </div>

          <NowTimeline
            rows={filtered}
            from={Date.parse(data.window.from)}
            to={Date.parse(data.generatedAt)}
            window={view.window}
            windowLabel={windowLabel}
            eventGroups={view.events}
            zoom={view.zoom}
            range={view.range}
            onChange={onTimeline}
          />

          <div aria-busy={now.isPlaceholderData} className="flex flex-col gap-6">
            {sections.map((s) => (
              <NowSection
                key={s}
                id={`now-${s}`}
                title={SECTION_TITLE[s]}
                items={items[s]}
                rowCount={items[s].filter((i) => i.type === "row").length}
                generatedAt={data.generatedAt}
                empty={EMPTY[s]}
              />
            ))}
          </div>
        </>
      ) : now.isPending ? (
        <NowSkeleton />
      ) : null}
    </div>
  );
}
