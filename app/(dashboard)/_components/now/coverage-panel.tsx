"use client";

import { memo } from "react";
import { formatUtc } from "@/components/jobs/format";
import { JOB_KIND_LABEL } from "@/components/jobs/labels";
import { UpdatedAgo } from "@/components/jobs/updated-ago";
import type { Coverage, CoverageGap } from "@/lib/now/dto";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function gapCause(gap: Pick<CoverageGap, "status" | "errorCode" | "detail" | "state">): string {
  const code = [gap.status ? `HTTP ${gap.status}` : null, gap.errorCode].filter(Boolean).join(" ");
  return [code || (gap.state === "unread" ? "not read yet" : "no answer"), gap.detail].filter(Boolean).join(": ");
}

/**
 * What the picture covers, honestly: how many clusters and projects, how fresh each list is, why the
 * stale ones are stale (Atlas's errorCode), and every project that cannot be read at all.
 */
export const CoveragePanel = memo(function CoveragePanel({
  coverage,
  refreshFailed,
}: {
  coverage: Coverage;
  refreshFailed: boolean;
}) {
  const { lists } = coverage;
  // A project whose cluster list fails (403 for this credential, 5xx) is never silently missing.
  const failing = coverage.gaps.filter((g) => g.state === "failing" || (!g.clusterName && g.state === "stale"));
  const failingProjects = failing.filter((g) => !g.clusterName).length;
  const others = coverage.gaps.filter((g) => !failing.includes(g));
  const codes = Object.entries(coverage.staleByCode).sort((a, b) => b[1] - a[1]);
  return (
    <section
      aria-labelledby="coverage-heading"
      className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="coverage-heading" className="text-lg font-semibold">
          Coverage
        </h2>
        {coverage.oldestFetchedAt ? (
          <span title="When the oldest data on screen left Atlas">
            <UpdatedAgo fetchedAt={coverage.oldestFetchedAt} stale={refreshFailed || lists.stale > 0} />
          </span>
        ) : (
          <span className="text-zinc-700 dark:text-zinc-300">Nothing read from Atlas yet</span>
        )}
      </div>
      <p>
        {plural(coverage.clusters, "cluster")} in {plural(coverage.projects, "project")}
        {coverage.projectsRead < coverage.projects ? ` (${coverage.projectsRead} of them read)` : ""}.
      </p>
      <dl className="grid grid-cols-3 gap-2 text-center">
        {(
          [
            ["Fresh", lists.fresh, "text-green-800 dark:text-green-300"],
            ["Stale", lists.stale, "text-red-800 dark:text-red-300"],
            ["Not read yet", lists.unread, "text-zinc-800 dark:text-zinc-200"],
          ] as const
        ).map(([label, n, tone]) => (
          <div key={label} className="rounded bg-zinc-50 px-2 py-1 dark:bg-zinc-900">
            <dt className="text-xs text-zinc-700 dark:text-zinc-300">{label}</dt>
            <dd className={`text-lg font-semibold tabular-nums ${tone}`}>{n}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-zinc-700 dark:text-zinc-300">
        of {plural(lists.total, "job list")} (one per cluster and job kind)
        {lists.retired
          ? `; ${plural(lists.retired, "shared-tier list")} retired by Atlas (known empty) not counted`
          : ""}
      </p>
      {codes.length ? (
        <div>
          <h3 className="text-xs font-semibold">Stale because</h3>
          <ul className="flex flex-wrap gap-x-3 text-xs">
            {codes.map(([code, n]) => (
              <li key={code}>
                <span className="font-mono font-semibold">{code}</span> · {plural(n, "list")}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {coverage.catalog ? (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-2 text-xs text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50"
        >
          <span className="font-semibold">
            {coverage.catalog.state === "unread"
              ? "The project list is not read yet"
              : coverage.catalog.state === "stale"
                ? "The project list is stale"
                : "The project list cannot be read"}
          </span>
          {coverage.catalog.state === "unread" ? "" : `: ${gapCause(coverage.catalog)}`}
          {coverage.catalog.since ? ` (since ${formatUtc(coverage.catalog.since)})` : ""}
        </p>
      ) : null}
      {failing.length ? (
        <div
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-2 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50"
        >
          <h3 id="coverage-failing" className="text-xs font-semibold">
            Reads failing
            {failingProjects ? ` · ${plural(failingProjects, "project")} Backwatch cannot read` : ""}
          </h3>
          <ul aria-labelledby="coverage-failing" className="text-xs">
            {failing.map((g) => (
              <li key={`${g.groupId}/${g.clusterName ?? ""}/${g.kind ?? ""}`}>
                <span className="font-semibold">{g.projectName}</span>
                {g.clusterName ? ` · ${g.clusterName}` : " (its cluster list)"}
                {g.kind ? ` · ${JOB_KIND_LABEL[g.kind].toLowerCase()}` : ""}: {gapCause(g)}
                {g.since ? ` (since ${formatUtc(g.since)})` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {others.length ? (
        <details className="text-xs">
          <summary className="cursor-pointer rounded focus-visible:outline-2 focus-visible:outline-blue-600">
            {plural(others.length, "list")} stale or not read yet
            {coverage.gapsTruncated ? " (the first ones)" : ""}
          </summary>
          <ul className="mt-1 flex flex-col gap-0.5">
            {others.map((g) => (
              <li key={`${g.groupId}/${g.clusterName ?? ""}/${g.kind ?? ""}`}>
                {g.projectName} · {g.clusterName}
                {g.kind ? ` · ${JOB_KIND_LABEL[g.kind].toLowerCase()}` : ""}: {gapCause(g)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
});
