import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { GroupIdSchema } from "@/lib/jobs/dto";
import { listClusters } from "@/lib/server/atlas-services";
import { makeQueryClient } from "@/lib/query/query-client";
import { clusterListOptions } from "@/lib/query/projects";
import { requireSession, titleWithSession } from "../../_lib/require-session";
import { findProject } from "../../_lib/lookups";
import { ClusterList } from "./_components/cluster-list";

type Props = {
  params: Promise<{ groupId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return titleWithSession(async () => {
    const { groupId } = await params;
    const project = GroupIdSchema.safeParse(groupId).success ? await findProject(groupId) : null;
    return project?.name ?? "Project";
  });
}

export default async function ProjectPage({ params, searchParams }: Props) {
  const { groupId } = await params;
  await requireSession(`/projects/${groupId}`, await searchParams);
  if (!GroupIdSchema.safeParse(groupId).success) notFound();
  const project = await findProject(groupId);
  if (!project) notFound();
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...clusterListOptions(groupId), queryFn: () => listClusters(groupId) });
  return (
    <>
      <Breadcrumbs items={[{ label: "Projects", href: "/projects" }, { label: project.name }]} />
      <h1 className="mb-4 text-2xl font-semibold">
        {project.name} <span className="text-base font-normal text-zinc-700 dark:text-zinc-300">clusters</span>
      </h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ClusterList groupId={groupId} />
      </HydrationBoundary>
    </>
  );
}
