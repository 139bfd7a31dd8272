"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { buttonClass } from "@/components/ui/button";
import { api } from "@/lib/api-client";
import type { Job } from "@/lib/jobs/dto";
import { watchKeys } from "@/lib/query/watches";
import type { WatchTarget } from "@/lib/watches/dto";
import { watchLine } from "@/lib/watches/state";
import { askNotificationPermission, permissionNote, useNotificationPermission } from "./notification-permission";
import { useWatchOf } from "./use-watches";

/**
 * A job row's Watch toggle and what the watch has come to ("Watched — finished 14:02 UTC, you were
 * notified"). The first Watch asks for the browser's notification permission; whatever the answer,
 * the watch is placed and this row (and the page's notice) still tell.
 */
export function WatchControl({ job }: { job: Pick<Job, "groupId" | "clusterName" | "kind" | "id"> }) {
  const target: WatchTarget = { groupId: job.groupId, clusterName: job.clusterName, kind: job.kind, jobId: job.id };
  const watch = useWatchOf(target);
  const permission = useNotificationPermission();
  const client = useQueryClient();
  const toggle = useMutation({
    mutationFn: async (on: boolean) => {
      if (!on) return api.unwatch(target);
      await askNotificationPermission();
      return api.watch(target);
    },
    onSuccess: (list) => client.setQueryData(watchKeys.list(), list),
  });
  const on = watch !== undefined;
  const note = on ? permissionNote(permission) : null;
  return (
    <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
      <button
        type="button"
        aria-pressed={on}
        aria-label={on ? `Stop watching job ${job.id}` : `Watch job ${job.id}`}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate(!on)}
        className={buttonClass(on ? "primary" : "secondary", "sm")}
      >
        <span aria-hidden="true">{on ? "◉" : "○"}</span>
        {on ? "Watching" : "Watch"}
      </button>
      {watch ? (
        <span className="text-zinc-800 dark:text-zinc-200">
          {watchLine(watch, permission === "granted" ? "notification" : "page")}
        </span>
      ) : null}
      {note ? <span className="text-zinc-700 dark:text-zinc-300">{note}</span> : null}
      {toggle.error ? (
        <span role="alert" className="text-red-900 dark:text-red-200">
          {toggle.error.message}
        </span>
      ) : null}
    </span>
  );
}
