import { describe, expect, it } from "vitest";
import type { Job } from "@/lib/jobs/dto";
import type { NowRow } from "./dto";
import { filterNowRows, inNowSection, sectionItems } from "./filter-rows";

const G1 = "5f1e2d3c4b5a697887766554";
const G2 = "0123456789abcdef01234567";
let n = 0;
function row(over: {
  kind?: Job["kind"];
  status?: Job["status"];
  section?: NowRow["section"];
  stuck?: boolean;
  groupId?: string;
  cluster?: string;
}): NowRow {
  const id = (n++).toString(16).padStart(24, "0");
  return {
    section: over.section ?? "running",
    projectName: over.groupId === G2 ? "Ledger" : "Payments",
    clusterTier: "dedicated",
    job: {
      kind: over.kind ?? "restore",
      id,
      groupId: over.groupId ?? G1,
      clusterName: over.cluster ?? "payments-prod",
      status: over.status ?? "running",
    } as Job,
    ...(over.stuck ? { stuck: { reason: "overdue", message: "running 3.1x its usual time" } } : {}),
    eta: null,
  };
}

const rows = [
  row({}),
  row({ kind: "export", stuck: true }),
  row({ status: "failed", section: "attention", groupId: G2, cluster: "ledger-a" }),
  row({ status: "completed", section: "finished", cluster: "payments-analytics" }),
  row({ kind: "flex-restore", status: "completed", section: "finished", groupId: G2, cluster: "ledger-a" }),
];
const none = { kind: [], status: [], section: [] };

describe("filterNowRows", () => {
  it("keeps every row without a filter, and the same array (no re-render)", () => {
    expect(filterNowRows(rows, none)).toBe(rows);
  });
  it("ands the filters and ors the values of one", () => {
    expect(filterNowRows(rows, { ...none, kind: ["restore", "flex-restore"], status: ["completed"] })).toEqual([
      rows[3],
      rows[4],
    ]);
    expect(filterNowRows(rows, { ...none, section: ["attention"] })).toEqual([rows[1], rows[2]]);
    expect(filterNowRows(rows, { ...none, section: ["running"] })).toEqual([rows[0], rows[1]]);
  });
  it("reads stuck=true as only stuck jobs and stuck=false as none of them", () => {
    expect(filterNowRows(rows, { ...none, stuck: "true" })).toEqual([rows[1]]);
    expect(filterNowRows(rows, { ...none, stuck: "false" })).toHaveLength(rows.length - 1);
  });
});

describe("inNowSection", () => {
  it("places a stuck running job in Running and in Needs attention, and nothing else in two sections", () => {
    const expected = (r: NowRow, s: NowRow["section"]) =>
      r.section === s || (s === "attention" && r.stuck !== undefined);
    for (const r of rows)
      for (const s of ["running", "attention", "finished"] as const) expect(inNowSection(r, s)).toBe(expected(r, s));
    expect(inNowSection(rows[1]!, "attention")).toBe(true);
    expect(inNowSection(rows[1]!, "running")).toBe(true);
  });
});

describe("sectionItems", () => {
  it("lists one section's rows in order, numbered", () => {
    const items = sectionItems(rows, "finished", "none");
    expect(items.map((i) => (i.type === "row" ? [i.row, i.position] : null))).toEqual([
      [rows[3], 1],
      [rows[4], 2],
    ]);
  });
  it("groups by cluster under headings in first-row order, keeping row order within", () => {
    const late = row({ status: "completed", section: "finished", cluster: "payments-analytics" });
    const more = [...rows, late];
    const [, , , analytics, ledger] = rows as [NowRow, NowRow, NowRow, NowRow, NowRow];
    const items = sectionItems(more, "finished", "cluster");
    // Numbered in the order shown, so aria-posinset reads 1, 2, 3 down the list.
    expect(items.map((i) => (i.type === "group" ? `# ${i.label} (${i.count})` : [i.row.job.id, i.position]))).toEqual([
      "# payments-analytics · Payments (2)",
      [analytics.job.id, 1],
      [late.job.id, 2],
      "# ledger-a · Ledger (1)",
      [ledger.job.id, 3],
    ]);
  });
});
