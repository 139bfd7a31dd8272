"use client";

import { buttonClass } from "@/components/ui/button";
import type { Job } from "@/lib/jobs/dto";
import type { WatchTarget } from "@/lib/watches/dto";
import { watchLine } from "@/lib/watches/state";
import { permissionNote, useNotificationPermission } from "./notification-permission";
import { useWatchOf } from "./watches-context";

/**
 * A job row's Watch toggle and what the watch has come to ("Watched — finished 14:02 UTC, you were
 * notified"). The first Watch asks for the browser's notification permission; whatever the answer,
 * the watch is placed and this row (and the page's notice) still tell.
 */
export function WatchControl({ job }: { job: Pick<Job, "groupId" | "clusterName" | "kind" | "id"> }) {
  const target: WatchTarget = { groupId: job.groupId, clusterName: job.clusterName, kind: job.kind, jobId: job.id };
  const { watch, pending, error, toggle } = useWatchOf(target);
  const permission = useNotificationPermission();
  const on = watch !== undefined;
  const note = on ? permissionNote(permission) : null;
  return (
    <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
      <button
        type="button"
        aria-pressed={on}
        aria-label={on ? `Stop watching job ${job.id}` : `Watch job ${job.id}`}
        disabled={pending}
        onClick={() => toggle(!on)}
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
      {error ? (
        <span role="alert" className="text-red-900 dark:text-red-200">
          {error}
        </span>
      ) : null}
    </span>
  );
}
