import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/server/csp";

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce only in production: no unsafe-eval, no unsafe-inline scripts", () => {
    const csp = contentSecurityPolicy("abc123", false);
    const script = csp.split("; ").find((d) => d.startsWith("script-src "));
    expect(script).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
  it("adds unsafe-eval in development only", () => {
    expect(contentSecurityPolicy("n", true)).toContain("'unsafe-eval'");
  });
});
