"use client";

import { useMutation } from "@tanstack/react-query";
import { useViewer } from "@/components/session/role-context";
import { Button } from "@/components/ui/button";
import { api, type JobScope } from "@/lib/api-client";
import { ErrorNotice } from "./error-notice";
import { formatUtc } from "./format";

/**
 * Operator-only: fetches the job's download URLs on demand, so they never sit in a list response
 * or in a viewer's DOM. Renders nothing at all for a viewer.
 */
export function DownloadLinkButton({ scope, jobId }: { scope: JobScope; jobId: string }) {
  const { role } = useViewer();
  const links = useMutation({ mutationFn: () => api.downloadLinks(scope, jobId) });
  if (role !== "operator") return null;
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button variant="primary" onClick={() => links.mutate()} disabled={links.isPending}>
          {links.isPending ? "Getting download link…" : "Get download link"}
        </Button>
      </div>
      {links.error ? <ErrorNotice error={links.error} onRetry={() => links.mutate()} /> : null}
      {links.data ? (
        <div className="text-sm">
          {links.data.urls.length === 0 ? <p>Atlas returned no download URL for this job.</p> : null}
          <ul className="flex flex-col gap-1">
            {links.data.urls.map((link) => (
              <li key={link.url} className="break-all">
                <a href={link.url} className="text-blue-800 underline dark:text-blue-200" rel="noreferrer">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
          {links.data.expiresAt ? (
            <p className="mt-1 text-zinc-700 dark:text-zinc-300">Links expire {formatUtc(links.data.expiresAt)}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
