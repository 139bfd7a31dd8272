// The kinds in words, for every place that names one (pages, notifications, webhooks). Pure and
// browser-safe.
import type { JobKind } from "./dto";

/** A list of the kind: a tab, a heading. */
export const JOB_KIND_LABEL: Record<JobKind, string> = {
  restore: "Restore jobs",
  export: "Snapshot exports",
  "tenant-restore": "Tenant restores",
  "flex-restore": "Flex restore jobs",
  "collection-restore": "Collection restores",
};

/** One job of the kind, for a row, a notification or a message that names its kind. */
export const JOB_KIND_ONE: Record<JobKind, string> = {
  restore: "Restore",
  export: "Snapshot export",
  "tenant-restore": "Tenant restore",
  "flex-restore": "Flex restore",
  "collection-restore": "Collection restore",
};
