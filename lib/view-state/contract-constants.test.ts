import { describe, expect, it } from "vitest";
import * as dto from "@/lib/jobs/dto";
import * as local from "./contract-constants";

describe("zod-free copies of the dto.ts constants", () => {
  it("match dto.ts exactly", () => {
    expect(local.JOB_KINDS).toEqual(dto.JOB_KINDS);
    expect(local.JOB_STATUSES).toEqual(dto.JOB_STATUSES);
    expect(local.SORT_FIELDS).toEqual(dto.SORT_FIELDS);
    expect(local.OBJECT_ID.source).toBe(dto.OBJECT_ID.source);
    expect(local.MAX_PAGE_SIZE).toBe(dto.MAX_PAGE_SIZE);
    expect(local.COLLECTION_STATES).toEqual(dto.COLLECTION_STATES);
    expect(local.NOT_RESTORED_STATES).toEqual(dto.NOT_RESTORED_STATES);
  });
});
