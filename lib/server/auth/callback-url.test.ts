import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/server/auth/callback-url";

describe("safeCallbackUrl", () => {
  it("keeps a same-origin path with its query", () => {
    expect(safeCallbackUrl("/projects/abc/clusters/x/restores?status=failed&page=2")).toBe(
      "/projects/abc/clusters/x/restores?status=failed&page=2",
    );
  });
  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", undefined, ["/a"], "/signin?callbackUrl=/x", "/api/projects"])(
    "falls back to / for %j",
    (value) => {
      expect(safeCallbackUrl(value)).toBe("/");
    },
  );
});
