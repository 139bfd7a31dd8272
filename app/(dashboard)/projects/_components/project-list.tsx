"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { SearchBox, useSearchText } from "@/components/layout/search-box";
import { ErrorNotice } from "@/components/jobs/error-notice";
import { focusRing } from "@/components/ui/button";
import { projectListOptions } from "@/lib/query/projects";

export function ProjectList() {
  const { data, error, refetch } = useQuery(projectListOptions());
  const q = useSearchText();
  const projects = (data?.items ?? []).filter((p) => !q || p.name.toLowerCase().includes(q) || p.id.includes(q));
  return (
    <div className="flex flex-col gap-4">
      <SearchBox label="Search projects" placeholder="Project name or id" />
      {error || data?.stale ? (
        <ErrorNotice error={error ?? data?.stale} stale={Boolean(data)} onRetry={() => void refetch()} />
      ) : null}
      {data && projects.length === 0 ? (
        <p className="text-zinc-700 dark:text-zinc-300">No project matches “{q}”.</p>
      ) : null}
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" aria-label="Projects">
        {projects.map((project) => (
          <li key={project.id}>
            <Link
              href={`/projects/${project.id}`}
              className={`block rounded-lg border border-zinc-200 p-3 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-900 ${focusRing}`}
            >
              <span className="font-medium">{project.name}</span>
              <span className="block text-xs text-zinc-700 dark:text-zinc-300">
                {project.clusterCount} cluster{project.clusterCount === 1 ? "" : "s"} ·{" "}
                <span className="font-mono">{project.id}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
