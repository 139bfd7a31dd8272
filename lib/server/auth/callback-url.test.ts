import { describe, expect, it } from "vitest";
import { sameOriginRedirect, safeCallbackUrl } from "@/lib/server/auth/callback-url";

// Each of these, resolved the way a browser resolves a Location header or location.assign(),
// points at another host (or is not a plain path), so none may survive as a callback.
const OFF_SITE = [
  "https://evil.example/",
  "HTTPS://evil.example/",
  "hTtP://evil.example/",
  "//evil.example/x",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "/.//evil.example/x",
  "/./\\evil.example",
  "/a/..//evil.example",
  "/%2e//evil.example/x",
  "/%2E//evil.example/x",
  "/%2e%2e//evil.example/x",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\t\\evil.example",
  " //evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,x",
  "",
  undefined,
  ["/a"],
];

describe("safeCallbackUrl", () => {
  it("keeps a same-origin path with its query and hash", () => {
    expect(safeCallbackUrl("/projects/abc/clusters/x?tab=restore&status=failed&page=2#top")).toBe(
      "/projects/abc/clusters/x?tab=restore&status=failed&page=2#top",
    );
  });

  it.each(OFF_SITE.map((v) => [v]))("falls back to / for %j", (value) => {
    expect(safeCallbackUrl(value)).toBe("/");
  });

  it.each(["/signin?callbackUrl=/x", "/signin/", "/api/projects", "/./api/projects", "/x/../signin"])(
    "never sends back to sign-in or the API: %j",
    (value) => {
      expect(safeCallbackUrl(value)).toBe("/");
    },
  );

  it("keeps encoded slashes and tabs as harmless path text on our own origin", () => {
    for (const value of ["/%2f/evil.example", "/%09/evil.example", "/%5c/evil.example"]) {
      const kept = safeCallbackUrl(value);
      expect(new URL(kept, "https://backwatch.example").host).toBe("backwatch.example");
      expect(kept.startsWith("//")).toBe(false);
    }
  });

  it("never returns a value a browser would resolve off-site, for any of the inputs", () => {
    for (const value of OFF_SITE) {
      expect(new URL(safeCallbackUrl(value), "https://backwatch.example").host).toBe("backwatch.example");
    }
  });
});

describe("sameOriginRedirect", () => {
  const base = "https://backwatch.example";
  it("keeps a relative or same-origin target, cleaned", () => {
    expect(sameOriginRedirect("/projects?x=1", base)).toBe(`${base}/projects?x=1`);
    expect(sameOriginRedirect(`${base}/projects`, base)).toBe(`${base}/projects`);
  });
  it.each([
    "/.//evil.example/x",
    "//evil.example",
    "https://evil.example/x",
    "/%2e//evil.example",
    "/\t/evil.example",
    "https://backwatch.example.evil.example/",
  ])("sends %j to the base URL's own origin", (url) => {
    expect(new URL(sameOriginRedirect(url, base)).host).toBe("backwatch.example");
    expect(sameOriginRedirect(url, base)).not.toContain("evil");
  });
});
