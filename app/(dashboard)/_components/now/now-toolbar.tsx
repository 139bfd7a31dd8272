"use client";

import { memo, useEffect, useRef, useState, type ReactNode } from "react";
import { JOB_KIND_LABEL } from "@/components/jobs/labels";
import { focusRing } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { NOW_GROUPINGS, NOW_Q_MAX, NOW_SORTS, NOW_WINDOWS, type NowView } from "@/lib/view-state/now-parsers";
import { SECTION_TITLE } from "./estate-counts";

export const WINDOW_LABEL: Record<NowView["window"], string> = {
  "1h": "Last hour",
  "6h": "Last 6 hours",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
};
const GROUP_LABEL: Record<NowView["group"], string> = { none: "Nothing", project: "Project", cluster: "Cluster" };
const SORT_LABEL: Record<NowView["sort"], string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  longest: "Longest running",
  cluster: "Project and cluster",
};

const control = cn(
  "rounded-md border border-zinc-300 bg-white px-2 py-1 font-normal text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100",
  focusRing,
);

function Select<T extends string>({
  label,
  value,
  options,
  labels,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly T[];
  labels: Record<T, string>;
  onChange: (value: T) => void;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as T)} className={control}>
        {options.map((o) => (
          <option key={o} value={o}>
            {labels[o]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The search box types freely; the URL (and the request it makes) follows once typing pauses. */
function SearchInput({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const [text, setText] = useState(value);
  const [prop, setProp] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Back/forward or a cleared filter changes the URL under the box: show what the URL says.
  if (prop !== value) {
    setProp(value);
    setText(value);
  }
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm font-medium">
      Search clusters and projects
      <input
        type="search"
        value={text}
        maxLength={NOW_Q_MAX}
        placeholder="Cluster or project name"
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => onChange(next), 300);
        }}
        className={cn(control, "px-3 placeholder:text-zinc-600 dark:placeholder:text-zinc-400")}
      />
    </label>
  );
}

function Active({ children, onRemove, what }: { children: ReactNode; onRemove: () => void; what: string }) {
  return (
    <li className="inline-flex items-center gap-1 rounded-full border border-zinc-300 py-0.5 pr-1 pl-2 text-xs dark:border-zinc-600">
      {children}
      <button
        type="button"
        onClick={onRemove}
        className={cn("rounded-full px-1 hover:bg-zinc-200 dark:hover:bg-zinc-700", focusRing)}
      >
        <span aria-hidden="true">×</span>
        <span className="sr-only">Remove filter {what}</span>
      </button>
    </li>
  );
}

export type NowViewUpdate = { [K in keyof NowView]?: NowView[K] | null };

/** Window, grouping, sort and search, and the filters in force, each removable. */
export const NowToolbar = memo(function NowToolbar({
  view,
  projectNames,
  onChange,
}: {
  view: NowView;
  projectNames: Map<string, string>;
  onChange: (update: NowViewUpdate) => void;
}) {
  const active: Array<{ key: string; label: ReactNode; what: string; remove: NowViewUpdate }> = [
    ...view.section.map((s) => ({
      key: `section:${s}`,
      label: SECTION_TITLE[s],
      what: SECTION_TITLE[s],
      remove: { section: view.section.filter((x) => x !== s) },
    })),
    ...(view.stuck
      ? [
          {
            key: "stuck",
            label: view.stuck === "true" ? "Stuck" : "Not stuck",
            what: "stuck",
            remove: { stuck: null },
          },
        ]
      : []),
    ...view.kind.map((k) => ({
      key: `kind:${k}`,
      label: JOB_KIND_LABEL[k],
      what: JOB_KIND_LABEL[k],
      remove: { kind: view.kind.filter((x) => x !== k) },
    })),
    ...view.status.map((s) => ({
      key: `status:${s}`,
      label: `status ${s}`,
      what: `status ${s}`,
      remove: { status: view.status.filter((x) => x !== s) },
    })),
    ...view.project.map((p) => ({
      key: `project:${p}`,
      label: `project ${projectNames.get(p) ?? p}`,
      what: `project ${projectNames.get(p) ?? p}`,
      remove: { project: view.project.filter((x) => x !== p) },
    })),
    ...(view.q
      ? [{ key: "q", label: `“${view.q}”`, what: `search ${view.q}`, remove: { q: null } satisfies NowViewUpdate }]
      : []),
  ];
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-3">
        <Select
          label="Window"
          value={view.window}
          options={NOW_WINDOWS}
          labels={WINDOW_LABEL}
          onChange={(window) => onChange({ window })}
        />
        <Select
          label="Group by"
          value={view.group}
          options={NOW_GROUPINGS}
          labels={GROUP_LABEL}
          onChange={(group) => onChange({ group })}
        />
        <Select
          label="Sort"
          value={view.sort}
          options={NOW_SORTS}
          labels={SORT_LABEL}
          onChange={(sort) => onChange({ sort })}
        />
        <SearchInput value={view.q} onChange={(q) => onChange({ q: q.trim() ? q : null })} />
      </div>
      {active.length ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span id="active-filters" className="text-zinc-700 dark:text-zinc-300">
            Filters:
          </span>
          <ul aria-labelledby="active-filters" className="flex flex-wrap gap-1">
            {active.map((a) => (
              <Active key={a.key} what={a.what} onRemove={() => onChange(a.remove)}>
                {a.label}
              </Active>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => onChange({ section: null, stuck: null, kind: null, status: null, project: null, q: null })}
            className={cn("rounded text-sm underline underline-offset-2", focusRing)}
          >
            Clear all filters
          </button>
        </div>
      ) : null}
    </div>
  );
});
