import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { getJob, listJobs } from "@/lib/server/atlas-services";
import { isAtlasError } from "@/lib/atlas/errors";
import { ClusterNameSchema, GroupIdSchema, JOB_KINDS } from "@/lib/jobs/dto";
import { jobDetailOptions, jobListOptions } from "@/lib/query/jobs";
import { makeQueryClient } from "@/lib/query/query-client";
import { serverEnv } from "@/lib/server/env";
import { loadClusterView } from "@/lib/view-state/parsers";
import { findClusters, findProject } from "../../../../_lib/lookups";
import { requireSession, titleWithSession } from "../../../../_lib/require-session";
import { ClusterView } from "./page-client";
import { listQueryFromView } from "./_components/list-query";

type Props = {
  params: Promise<{ groupId: string; clusterName: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return titleWithSession(async () => (await params).clusterName);
}

export default async function ClusterPage({ params, searchParams }: Props) {
  const { groupId, clusterName } = await params;
  const rawSearch = await searchParams;
  await requireSession(`/projects/${groupId}/clusters/${encodeURIComponent(clusterName)}`, rawSearch);
  if (!GroupIdSchema.safeParse(groupId).success || !ClusterNameSchema.safeParse(clusterName).success) notFound();
  const project = await findProject(groupId);
  if (!project) notFound();
  const clusters = await findClusters(groupId, clusterName);
  if (clusters.length === 0) notFound();

  const kinds = JOB_KINDS.filter((k) => clusters.some((c) => c.jobKinds.includes(k)));
  const view = loadClusterView(rawSearch);
  const tab = view.tab && kinds.includes(view.tab) ? view.tab : kinds[0];
  const queryClient = makeQueryClient();
  if (tab) {
    const scope = { kind: tab, groupId, clusterName };
    if (view.job) {
      const detail = await getJob(tab, groupId, clusterName, view.job).catch((error: unknown) => {
        if (isAtlasError(error) && error.status === 404) notFound();
        return null; // other failures: the client shows them with retry
      });
      if (detail) queryClient.setQueryData(jobDetailOptions(scope, view.job).queryKey, detail);
    }
    // Server prefetch calls the service directly; on failure the client query retries and shows the error.
    // The timeline below reads the store from the browser after hydration: the table comes first.
    const query = listQueryFromView(view);
    await queryClient.prefetchQuery({
      ...jobListOptions(scope, query),
      queryFn: () => listJobs(tab, groupId, clusterName, query),
    });
  }

  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Projects", href: "/projects" },
          { label: project.name, href: `/projects/${groupId}` },
          { label: clusterName },
        ]}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ClusterView
          groupId={groupId}
          clusterName={clusterName}
          clusters={clusters}
          kinds={kinds}
          atlasUiBaseUrl={serverEnv().ATLAS_UI_BASE_URL}
        />
      </HydrationBoundary>
    </>
  );
}
