import { describe, expect, it } from "vitest";
import { signature, verifySignature } from "./sign";
import { signedBy } from "./testing/receiver";

const SECRET = "a-webhook-secret-of-some-length";
const BODY = JSON.stringify({ version: 1, id: "x" });

describe("webhook signature", () => {
  it("is HMAC-SHA256 over timestamp and body, as an independent receiver checks it", () => {
    const header = signature(SECRET, BODY, 1_790_000_000);
    expect(header).toMatch(/^t=1790000000,v1=[0-9a-f]{64}$/);
    expect(signedBy(SECRET, { headers: { "x-backwatch-signature": header }, body: BODY })).toBe(true);
    expect(
      signedBy("another-secret-of-some-length", { headers: { "x-backwatch-signature": header }, body: BODY }),
    ).toBe(false);
    expect(signedBy(SECRET, { headers: { "x-backwatch-signature": header }, body: BODY + " " })).toBe(false);
  });
  it("verifies within the tolerance only, and refuses a changed body, timestamp or secret", () => {
    const t = 1_790_000_000;
    const header = signature(SECRET, BODY, t);
    const now = t * 1000 + 60_000;
    expect(verifySignature(SECRET, BODY, header, { now })).toBe(true);
    expect(verifySignature(SECRET, BODY, header, { now: t * 1000 + 301_000 })).toBe(false);
    expect(verifySignature(SECRET, `${BODY}x`, header, { now })).toBe(false);
    expect(verifySignature(SECRET, BODY, header.replace(`t=${t}`, `t=${t + 1}`), { now })).toBe(false);
    expect(verifySignature("not-the-secret-at-all", BODY, header, { now })).toBe(false);
    expect(verifySignature(SECRET, BODY, undefined, { now })).toBe(false);
    expect(verifySignature(SECRET, BODY, "t=1,v1=zz", { now })).toBe(false);
  });
});
