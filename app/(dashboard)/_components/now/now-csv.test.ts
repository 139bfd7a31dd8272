import { describe, expect, it } from "vitest";
import { fakeJob } from "@/lib/testing/job-fixture";
import type { NowRow } from "@/lib/now/dto";
import { nowRowsToCsv } from "./now-csv";

const row = (over: Partial<NowRow> = {}): NowRow => ({
  section: "running",
  projectName: "Payments",
  clusterTier: "flex",
  job: fakeJob("1", "running", "2026-01-01T00:00:00Z"),
  eta: null,
  ...over,
});

describe("nowRowsToCsv", () => {
  it("puts where the job is and why it is flagged before the job's own fields", () => {
    const csv = nowRowsToCsv([
      row({ stuck: { reason: "overdue", message: "running 3.1x its usual time" } }),
      row({ section: "finished", projectName: "=HYPERLINK(1)", job: fakeJob("2", "completed", null) }),
    ]);
    const [head, first, second] = csv.trim().split("\r\n");
    expect(head).toMatch(/^"section","projectName","groupId","clusterTier","stuck","stuckReason","eta","id","kind"/);
    expect(first).toContain('"overdue","running 3.1x its usual time"');
    // Atlas- and user-named strings cannot become spreadsheet formulas.
    expect(second).toContain(`"'=HYPERLINK(1)"`);
    expect(csv).not.toMatch(/https?:/);
  });
});
