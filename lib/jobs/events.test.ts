import { describe, expect, it } from "vitest";
import { BACKUP_EVENT_TYPES, EVENT_GROUPS, eventGroupOf, eventWords } from "./events";

describe("backup event groups", () => {
  it("asks Atlas only for CPS_* and TENANT_* backup types, every one in a group", () => {
    expect(BACKUP_EVENT_TYPES.every((t) => /^(CPS|TENANT)_/.test(t))).toBe(true);
    expect(BACKUP_EVENT_TYPES.every((t) => eventGroupOf(t) !== null)).toBe(true);
    for (const g of EVENT_GROUPS) expect(BACKUP_EVENT_TYPES.some((t) => eventGroupOf(t) === g)).toBe(true);
  });

  it("groups the issue's examples apart", () => {
    expect(eventGroupOf("CPS_SNAPSHOT_SUCCESSFUL")).toBe("snapshot");
    expect(eventGroupOf("CPS_SNAPSHOT_FAILED")).toBe("snapshot-failed");
    expect(eventGroupOf("CPS_RESTORE_REQUESTED_AUDIT")).toBe("requested");
    expect(eventGroupOf("CPS_OPLOG_BEHIND")).toBe("behind");
    expect(eventGroupOf("CPS_SNAPSHOT_STARTED")).toBeNull();
  });

  it("says a type in words, and an unknown one as its own name", () => {
    expect(eventWords("CPS_SNAPSHOT_SUCCESSFUL")).toBe("Snapshot taken");
    expect(eventWords("CPS_NEW_THING")).toBe("Cps new thing");
  });
});
