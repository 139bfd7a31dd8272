// Browser side of the Now page: the filters a count click toggles (kind, status, section, stuck),
// applied to GET /api/now's rows with the route's meaning, so a click re-renders without a request.
import type { NowQuery, NowRow, NowSection } from "./dto";

export type NowRowFilter = Pick<NowQuery, "kind" | "status" | "section" | "stuck">;

/** A stuck job is running and needs attention: it is listed (and counted, and filtered) in both. */
export const inNowSection = (row: Pick<NowRow, "section" | "stuck">, section: NowSection) =>
  row.section === section || (section === "attention" && row.stuck !== undefined);

export function filterNowRows(rows: NowRow[], filter: NowRowFilter): NowRow[] {
  const { kind, status, section, stuck } = filter;
  if (!kind.length && !status.length && !section.length && !stuck) return rows;
  return rows.filter(
    (row) =>
      (!kind.length || kind.includes(row.job.kind)) &&
      (!status.length || status.includes(row.job.status)) &&
      (!section.length || section.some((s) => inNowSection(row, s))) &&
      (stuck === undefined || (stuck === "true") === Boolean(row.stuck)),
  );
}

export type NowGrouping = NowQuery["group"];

/** One item of a section's virtualised list: a group heading (project or cluster) or a job row. */
export type NowListItem =
  | { type: "group"; key: string; label: string; count: number }
  | { type: "row"; key: string; row: NowRow; position: number };

const groupOf = (row: NowRow, by: Exclude<NowGrouping, "none">) =>
  by === "project"
    ? { key: row.job.groupId, label: row.projectName }
    : { key: `${row.job.groupId}/${row.job.clusterName}`, label: `${row.job.clusterName} · ${row.projectName}` };

/**
 * One section's rows as the list shows them: in the route's sort order, grouped (groups in the order
 * their first row comes) under a heading when a grouping is chosen. Row keys carry the kind, because
 * a tenant restore and a Flex restore of one cluster may share nothing but an id space.
 */
export function sectionItems(rows: NowRow[], section: NowSection, by: NowGrouping): NowListItem[] {
  const inSection = rows.filter((r) => inNowSection(r, section));
  const rowItem = (row: NowRow, position: number): NowListItem => ({
    type: "row",
    key: `${row.job.kind}:${row.job.id}`,
    row,
    position,
  });
  if (by === "none") return inSection.map((row, i) => rowItem(row, i + 1));
  const groups = new Map<string, { label: string; rows: NowRow[] }>();
  for (const row of inSection) {
    const g = groupOf(row, by);
    const group = groups.get(g.key);
    if (group) group.rows.push(row);
    else groups.set(g.key, { label: g.label, rows: [row] });
  }
  const items: NowListItem[] = [];
  let position = 0;
  for (const [key, group] of groups) {
    items.push({ type: "group", key: `group:${key}`, label: group.label, count: group.rows.length });
    for (const row of group.rows) items.push(rowItem(row, ++position));
  }
  return items;
}
