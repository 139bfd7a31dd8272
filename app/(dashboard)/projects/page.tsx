import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { listProjects } from "@/lib/server/atlas-services";
import { makeQueryClient } from "@/lib/query/query-client";
import { projectListOptions } from "@/lib/query/projects";
import { requireSession } from "../_lib/require-session";
import { ProjectList } from "./_components/project-list";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireSession("/projects", await searchParams);
  const queryClient = makeQueryClient();
  // Prefetch calls the service directly (never our own /api over HTTP); a failure is left to the client query.
  await queryClient.prefetchQuery({ ...projectListOptions(), queryFn: () => listProjects() });
  return (
    <>
      <Breadcrumbs items={[{ label: "Projects" }]} />
      <h1 className="mb-4 text-2xl font-semibold">Projects</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ProjectList />
      </HydrationBoundary>
    </>
  );
}
