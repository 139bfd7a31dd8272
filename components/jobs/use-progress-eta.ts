"use client";

import { useMemo, useRef } from "react";
import type { Job } from "@/lib/jobs/dto";
import { estimateTimeLeft, progressFigure, progressMoving, type ProgressObservation } from "@/lib/jobs/progress";

const NO_ETAS: Map<string, number | null> = new Map();

/**
 * Remembers, per job whose progress figure moves (a running export, a copying collection restore),
 * the first time this page saw it and how far it was, so the estimate is the rate observed between
 * refreshes (Atlas reports no rate of its own). The map keeps its identity until the data changes:
 * the table's columns depend on it.
 */
export function useProgressEtas(items: Job[] | undefined, fetchedAt: string | undefined): Map<string, number | null> {
  const firstSeen = useRef(new Map<string, ProgressObservation>());
  return useMemo(() => {
    if (!items || !fetchedAt || !items.some((j) => j.kind === "export" || j.kind === "collection-restore"))
      return NO_ETAS;
    const etas = new Map<string, number | null>();
    const at = Date.parse(fetchedAt);
    for (const job of items) {
      const figure = progressMoving(job) ? progressFigure(job) : null;
      if (!figure) continue;
      const latest = { at, done: figure.done };
      // eslint-disable-next-line react-hooks/refs -- a memo of observations across renders, not render output.
      const first = firstSeen.current.get(job.id);
      if (!first || first.done > latest.done) {
        // eslint-disable-next-line react-hooks/refs -- see above.
        firstSeen.current.set(job.id, latest);
        etas.set(job.id, null);
        continue;
      }
      etas.set(job.id, estimateTimeLeft(first, latest, figure.total));
    }
    return etas;
  }, [items, fetchedAt]);
}
