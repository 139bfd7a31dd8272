import { describe, expect, it } from "vitest";
import type { Watch } from "./dto";
import { isOpen, notificationFor, outcomeOf, parseWatchMember, toAnnounce, watchLine, watchMember } from "./state";

const stuck = { reason: "overdue" as const, message: "running 3.1x its usual time", limitMs: 1, ratio: 3.1 };

function watch(over: Partial<Watch> = {}): Watch {
  return {
    groupId: "a".repeat(24),
    clusterName: "payments-prod",
    kind: "restore",
    jobId: "b".repeat(24),
    watchedAt: "2026-12-01T13:00:00.000Z",
    expiresAt: "2026-12-02T13:00:00.000Z",
    state: {
      read: true,
      status: "running",
      rawState: "in progress",
      endedAt: null,
      fetchedAt: "2026-12-01T13:59:00.000Z",
    },
    outcome: null,
    notified: null,
    ...over,
  };
}

const done = (outcome: Watch["outcome"], notified: Watch["notified"] = null) =>
  watch({
    state: { ...watch().state, status: "completed", endedAt: "2026-12-01T14:02:30.000Z" },
    outcome,
    notified,
  });

describe("watch state", () => {
  it("tells a terminal status over stuck, stuck over nothing", () => {
    expect(outcomeOf("running", undefined)).toBeNull();
    expect(outcomeOf("queued", stuck)).toBe("stuck");
    expect(outcomeOf("failed", stuck)).toBe("failed");
    expect(outcomeOf("completed", undefined)).toBe("completed");
    expect(outcomeOf("unknown", undefined)).toBeNull();
    expect(outcomeOf(null, undefined)).toBeNull();
  });

  it("notifies an outcome once, and again when it changes (stuck, then failed)", () => {
    const notify = (w: Watch) => toAnnounce([w], new Set(), Infinity).map((a) => a.watch);
    expect(notify(watch())).toEqual([]);
    const fresh = done("completed");
    expect(notify(fresh)).toEqual([fresh]);
    expect(notify(done("completed", { outcome: "completed", at: "2026-12-01T14:03:00.000Z" }))).toEqual([]);
    const thenFailed = watch({ outcome: "failed", notified: { outcome: "stuck", at: "2026-12-01T14:00:00.000Z" } });
    expect(notify(thenFailed)).toEqual([thenFailed]);
  });

  it("keeps polling while a watch can still change", () => {
    expect(isOpen(watch())).toBe(true);
    expect(isOpen(watch({ outcome: "stuck", state: { ...watch().state, stuck } }))).toBe(true);
    expect(isOpen(done("completed"))).toBe(false);
  });

  it("gives the notification a tag per job and outcome, the same in every tab", () => {
    const n = notificationFor(done("completed"));
    expect(n).toEqual({
      title: "Restore on payments-prod finished",
      body: `Job ${"b".repeat(24)} · at 14:02 UTC`,
      tag: `backwatch:restore:${"b".repeat(24)}:completed`,
    });
    const s = notificationFor(watch({ outcome: "stuck", state: { ...watch().state, stuck } }));
    expect(s.title).toBe("Restore on payments-prod looks stuck");
    expect(s.body).toContain("running 3.1x its usual time");
    expect(s.tag).not.toBe(n.tag);
  });

  it("says in the row what happened and how the viewer was told", () => {
    expect(watchLine(watch(), "notification")).toBe("Watching: you get a notification when it ends");
    expect(watchLine(watch(), "page")).toBe("Watching: this page tells you when it ends");
    expect(watchLine(watch({ state: { ...watch().state, read: false, status: null } }), "page")).toBe(
      "Watching: not read from Atlas yet",
    );
    const told = done("completed", { outcome: "completed", at: "2026-12-01T14:03:00.000Z" });
    expect(watchLine(told, "notification")).toBe("Watched — finished 14:02 UTC, you were notified");
    expect(watchLine(told, "page")).toBe("Watched — finished 14:02 UTC, shown on this page");
    expect(watchLine(done("completed"), "notification")).toBe("Watched — finished 14:02 UTC, telling you now");
  });

  it("round-trips the member the webhooks read", () => {
    const target = { groupId: "a".repeat(24), clusterName: "c-1", kind: "export" as const, jobId: "c".repeat(24) };
    expect(watchMember(target)).toBe(`${"a".repeat(24)}/c-1/export/${"c".repeat(24)}`);
    expect(parseWatchMember(watchMember(target))).toEqual(target);
    expect(parseWatchMember("a/b/c")).toBeNull();
  });

  it("announces each outcome once per tab: notifying when new, only on the page when another tab already did", () => {
    const fresh = done("completed");
    const tag = notificationFor(fresh).tag;
    const opened = Date.parse("2026-12-01T14:00:00.000Z");
    expect(toAnnounce([watch(), fresh], new Set(), opened)).toEqual([{ watch: fresh, tag, notify: true }]);
    expect(toAnnounce([fresh], new Set([tag]), opened)).toEqual([]);
    const byOther = done("completed", { outcome: "completed", at: "2026-12-01T14:03:00.000Z" });
    expect(toAnnounce([byOther], new Set(), opened)).toEqual([{ watch: byOther, tag, notify: false }]);
    // Told before this tab opened (a reload): the row says so, nothing is announced again.
    expect(toAnnounce([byOther], new Set(), Date.parse("2026-12-01T14:05:00.000Z"))).toEqual([]);
  });
});
