"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { buttonClass, focusRing } from "@/components/ui/button";
import { jobKeys } from "@/lib/query/jobs";
import { nowKeys } from "@/lib/query/now";
import { clusterHref } from "@/lib/view-state/parsers";
import type { Watch } from "@/lib/watches/dto";
import { notificationFor, toAnnounce } from "@/lib/watches/state";
import { useNotificationPermission } from "./notification-permission";
import { useWatches } from "./use-watches";

interface Notice {
  tag: string;
  title: string;
  body: string;
  how: string;
  watch: Watch;
}

/** At most this many notices stay on screen; older ones give way. */
const MAX_NOTICES = 3;

/**
 * Mounted once per tab: polls the watches (while one is open) and, when a watched job ends or is
 * flagged stuck, shows the browser notification (tagged, so several tabs make one), records it on
 * the server (a reload does not show it again), and says it in a live region on the page, for a
 * screen reader and for a browser that may not notify.
 */
export function WatchNotifier() {
  const { query, notified } = useWatches();
  const permission = useNotificationPermission();
  const [notices, setNotices] = useState<Notice[]>([]);
  const announced = useRef(new Set<string>());
  const [openedAt] = useState(() => Date.now());
  const record = notified.mutate;
  const client = useQueryClient();

  useEffect(() => {
    const items = query.data?.items;
    if (!items) return;
    const fresh = toAnnounce(items, announced.current, openedAt);
    if (fresh.length === 0) return;
    // The rows on screen may be older than the watch's answer: read them again, so a row does not say
    // "running" beside "Watched — finished" (the store answers; Atlas is not asked).
    void client.invalidateQueries({ queryKey: jobKeys.all });
    void client.invalidateQueries({ queryKey: nowKeys.all });
    const shown: Notice[] = [];
    for (const { watch, tag, notify } of fresh) {
      announced.current.add(tag);
      const n = notificationFor(watch);
      let how = notify ? "Shown on this page" : "Another tab showed the notification";
      if (notify && permission === "granted") {
        try {
          new Notification(n.title, { body: n.body, tag: n.tag });
          how = "Browser notification shown";
        } catch {
          // Some browsers (Android Chrome) only notify from a service worker: the page still says it.
        }
      }
      if (notify && watch.outcome)
        record({
          groupId: watch.groupId,
          clusterName: watch.clusterName,
          kind: watch.kind,
          jobId: watch.jobId,
          outcome: watch.outcome,
        });
      shown.push({ tag, title: n.title, body: n.body, how, watch });
    }
    setNotices((old) => [...shown.reverse(), ...old].slice(0, MAX_NOTICES));
  }, [query.data, permission, openedAt, record, client]);

  const dismiss = (tag: string) => setNotices((old) => old.filter((n) => n.tag !== tag));
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label="Watched jobs"
      className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2"
    >
      {notices.map((n) => (
        <div
          key={n.tag}
          className="pointer-events-auto rounded-md border border-zinc-300 bg-white p-3 text-sm text-zinc-900 shadow-lg dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <p className="font-semibold">{n.title}</p>
          <p className="font-mono text-xs break-all">{n.body}</p>
          <p className="mt-1 text-xs text-zinc-700 dark:text-zinc-300">{n.how}</p>
          <span className="mt-2 flex gap-3">
            <Link
              href={clusterHref(n.watch.groupId, n.watch.clusterName, { tab: n.watch.kind, job: n.watch.jobId })}
              className={`rounded text-xs text-blue-800 underline dark:text-blue-200 ${focusRing}`}
            >
              Open job {n.watch.jobId}
            </Link>
            <button
              type="button"
              onClick={() => dismiss(n.tag)}
              aria-label={`Dismiss: ${n.title}`}
              className={buttonClass("ghost", "sm")}
            >
              Dismiss
            </button>
          </span>
        </div>
      ))}
    </div>
  );
}
