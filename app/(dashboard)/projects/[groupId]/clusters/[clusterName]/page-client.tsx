"use client";

import { useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import { JOB_KIND_LABEL } from "@/components/jobs/labels";
import { TabPanel, Tabs } from "@/components/ui/tabs";
import type { Cluster, JobKind } from "@/lib/jobs/dto";
import { clusterViewParsers } from "@/lib/view-state/parsers";
import { ClusterHeader } from "./_components/cluster-header";
import { JobsPanel } from "./_components/jobs-panel";

export function ClusterView({
  groupId,
  clusterName,
  clusters,
  kinds,
  atlasUiBaseUrl,
}: {
  groupId: string;
  clusterName: string;
  clusters: Cluster[];
  kinds: JobKind[];
  atlasUiBaseUrl: string;
}) {
  const [view, setView] = useQueryStates(clusterViewParsers);
  const tab = view.tab && kinds.includes(view.tab) ? view.tab : kinds[0];
  // Stable identities, so the memoized header, tabs and panel parts skip renders a filter click does not touch.
  const scope = useMemo(() => (tab ? { kind: tab, groupId, clusterName } : null), [tab, groupId, clusterName]);
  const tabItems = useMemo(() => kinds.map((k) => ({ value: k, label: JOB_KIND_LABEL[k] })), [kinds]);
  // A new kind has other statuses and ids: start from a clean filter.
  const onTab = useCallback(
    (next: JobKind) =>
      void setView({ tab: next, status: null, page: null, job: null, collState: null, collPage: null }),
    [setView],
  );
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <ClusterHeader clusterName={clusterName} clusters={clusters} groupId={groupId} atlasUiBaseUrl={atlasUiBaseUrl} />
      {tab && scope ? (
        <>
          <Tabs label="Job kinds" idPrefix="jobs" value={tab} items={tabItems} onChange={onTab} />
          <TabPanel idPrefix="jobs" value={tab}>
            <JobsPanel
              key={tab}
              scope={scope}
              view={view}
              setView={setView}
              atlasUiBaseUrl={atlasUiBaseUrl}
              hasFlex={kinds.includes("flex-restore")}
            />
          </TabPanel>
        </>
      ) : (
        <p className="text-zinc-700 dark:text-zinc-300">
          No backup job kinds apply to this cluster (backups may be off).
        </p>
      )}
    </div>
  );
}
