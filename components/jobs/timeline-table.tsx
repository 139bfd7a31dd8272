"use client";

import { useState } from "react";
import { focusRing } from "@/components/ui/button";
import { eventWords, EVENT_GROUP_LABEL } from "@/lib/jobs/events";
import { formatDuration, formatUtc } from "./format";
import { JOB_KIND_ONE } from "./labels";
import type { TimelineEvent, TimelineLane } from "./timeline-model";

/** A job bar in words: what a hover says and the table alternative lists. */
export function jobWords(bar: TimelineLane["rows"][number][number]): string {
  const { job } = bar;
  const ended = job.finishedAt
    ? `, finished ${formatUtc(job.finishedAt)} after ${formatDuration(bar.end - bar.start)}`
    : job.status === "running" || job.status === "queued"
      ? `, ${job.status} for ${formatDuration(bar.end - bar.start)}`
      : "";
  return `${JOB_KIND_ONE[job.kind]} ${job.id} ${job.status}: started ${formatUtc(bar.start)}${ended}`;
}

export const eventText = (e: TimelineEvent) =>
  `${eventWords(e.type)}${e.where ? ` on ${e.where}` : ""} at ${formatUtc(e.at)}`;

/**
 * The picture for screen readers and keyboards: every event and job of the visible range, in time
 * order, in words. Built when opened: a week of a busy cluster is over a thousand rows.
 */
export function TimelineTable({
  label,
  lanes,
  events,
}: {
  label: string;
  lanes: TimelineLane[];
  events: TimelineEvent[];
}) {
  const [open, setOpen] = useState(false);
  const rows = open
    ? [
        ...events.map((e) => ({
          key: `e:${e.id}`,
          at: e.at,
          what: eventWords(e.type),
          kind: `Event: ${EVENT_GROUP_LABEL[e.group].toLowerCase()}`,
          where: e.where ?? "",
          details: "",
        })),
        ...lanes.flatMap((lane) =>
          lane.rows.flat().map((b) => ({
            key: `j:${b.job.kind}:${b.job.id}`,
            at: b.start,
            what: `${JOB_KIND_ONE[b.job.kind]} ${b.job.status}`,
            kind: lane.label,
            where: b.where ?? "",
            details: jobWords(b),
          })),
        ),
      ].sort((a, b) => a.at - b.at)
    : [];
  const withWhere = rows.some((r) => r.where);
  return (
    <details className="text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer rounded focus-visible:outline-2 focus-visible:outline-blue-600">
        Timeline as a table
      </summary>
      {open ? (
        // Focusable, so a keyboard can scroll it (axe: scrollable-region-focusable).
        <div
          role="region"
          aria-label={`${label}, as a table`}
          tabIndex={0}
          className={`mt-2 max-h-96 overflow-auto ${focusRing}`}
        >
          <table className="w-full text-left text-xs">
            <caption className="sr-only">{label}: events and jobs in the visible range, oldest first</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Time (UTC)
                </th>
                <th scope="col" className="py-1 pr-3">
                  What
                </th>
                <th scope="col" className="py-1 pr-3">
                  Lane
                </th>
                {withWhere ? (
                  <th scope="col" className="py-1 pr-3">
                    Cluster
                  </th>
                ) : null}
                <th scope="col" className="py-1 pr-3">
                  Details
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <td className="py-0.5 pr-3 whitespace-nowrap tabular-nums">{formatUtc(r.at)}</td>
                  <td className="py-0.5 pr-3">{r.what}</td>
                  <td className="py-0.5 pr-3">{r.kind}</td>
                  {withWhere ? <td className="py-0.5 pr-3">{r.where}</td> : null}
                  <td className="py-0.5 pr-3 break-all">{r.details}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 ? <p className="py-1">Nothing in the visible range.</p> : null}
        </div>
      ) : null}
    </details>
  );
}
