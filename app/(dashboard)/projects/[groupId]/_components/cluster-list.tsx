"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorNotice } from "@/components/jobs/error-notice";
import { JOB_KIND_LABEL, TIER_LABEL } from "@/components/jobs/labels";
import { SearchBox, useSearchText } from "@/components/layout/search-box";
import { Badge } from "@/components/ui/badge";
import { focusRing } from "@/components/ui/button";
import type { Cluster } from "@/lib/jobs/dto";
import { clusterListOptions } from "@/lib/query/projects";

function clusterHref(cluster: Cluster): string {
  const base = `/projects/${cluster.groupId}/clusters/${encodeURIComponent(cluster.name)}`;
  // A Flex cluster may share its name with the shared-tier cluster it replaced; open its own tab.
  return cluster.tier === "flex" ? `${base}?tab=flex-restore` : base;
}

export function ClusterList({ groupId }: { groupId: string }) {
  const { data, error, refetch } = useQuery(clusterListOptions(groupId));
  const q = useSearchText();
  const clusters = (data?.items ?? []).filter((c) => !q || c.name.toLowerCase().includes(q) || c.tier.includes(q));
  return (
    <div className="flex flex-col gap-4">
      <SearchBox label="Search clusters" placeholder="Cluster name or tier" />
      {error || data?.stale ? (
        <ErrorNotice error={error ?? data?.stale} stale={Boolean(data)} onRetry={() => void refetch()} />
      ) : null}
      {data && clusters.length === 0 ? (
        <p className="text-zinc-700 dark:text-zinc-300">
          {q ? `No cluster matches “${q}”.` : "This project has no clusters."}
        </p>
      ) : null}
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" aria-label="Clusters">
        {clusters.map((cluster) => (
          <li key={`${cluster.tier}-${cluster.name}`}>
            <Link
              href={clusterHref(cluster)}
              className={`flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-900 ${focusRing}`}
            >
              <span className="flex items-center justify-between gap-2">
                <span className="font-medium">{cluster.name}</span>
                <Badge tone={cluster.tier === "dedicated" ? "blue" : cluster.tier === "flex" ? "green" : "amber"}>
                  {TIER_LABEL[cluster.tier]}
                  {cluster.instanceSize && cluster.instanceSize !== "FLEX" ? ` · ${cluster.instanceSize}` : ""}
                </Badge>
              </span>
              <span className="text-xs text-zinc-700 dark:text-zinc-300">
                {cluster.jobKinds.length > 0
                  ? cluster.jobKinds.map((k) => JOB_KIND_LABEL[k]).join(" · ")
                  : "No backup jobs apply"}
                {cluster.paused ? " · paused" : ""}
                {!cluster.backupEnabled && cluster.tier === "dedicated" ? " · backups off" : ""}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
