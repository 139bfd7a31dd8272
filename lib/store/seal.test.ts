import { describe, expect, it } from "vitest";
import { sealer } from "@/lib/store/seal";

const KEY = "k".repeat(32);
const TOKEN = "eyJhbGciOiJSUzI1NiJ9.a-service-account-token.signature";

describe("sealer", () => {
  it("opens what it sealed, without the plain text showing", () => {
    const { seal, open } = sealer(KEY);
    const sealed = seal(TOKEN);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("service-account");
    expect(open(sealed)).toBe(TOKEN);
    expect(open(seal(""))).toBe("");
    expect(open(seal("naïve ✓"))).toBe("naïve ✓");
  });

  it("seals the same text differently every time (a fresh IV per value)", () => {
    const { seal, open } = sealer(KEY);
    const [a, b] = [seal(TOKEN), seal(TOKEN)];
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice(3), "base64url").subarray(0, 12)).not.toEqual(
      Buffer.from(b.slice(3), "base64url").subarray(0, 12),
    );
    expect([open(a), open(b)]).toEqual([TOKEN, TOKEN]);
  });

  it("refuses a value with any byte flipped (IV, ciphertext or tag)", () => {
    const { seal, open } = sealer(KEY);
    const bytes = Buffer.from(seal(TOKEN).slice(3), "base64url");
    for (const index of [0, 11, 12, 20, bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[index] = tampered[index]! ^ 0x01;
      expect(open(`v1.${tampered.toString("base64url")}`)).toBeNull();
    }
  });

  it("refuses a truncated or extended value", () => {
    const { seal, open } = sealer(KEY);
    const sealed = seal(TOKEN);
    expect(open(sealed.slice(0, -4))).toBeNull();
    expect(open(`${sealed}AAAA`)).toBeNull();
    expect(open("v1.")).toBeNull();
  });

  it("refuses what another key sealed", () => {
    expect(sealer("o".repeat(32)).open(sealer(KEY).seal(TOKEN))).toBeNull();
  });

  it("refuses garbage, another version and non-strings, without throwing", () => {
    const { seal, open } = sealer(KEY);
    const payload = seal(TOKEN).slice(3);
    for (const garbage of [
      "",
      "v1",
      "hello",
      TOKEN,
      `v2.${payload}`,
      `v1.${payload}.x`,
      `v1.${payload}!`,
      `v1.${"A".repeat(40)}`,
    ]) {
      expect(open(garbage)).toBeNull();
    }
    expect(open(null as unknown as string)).toBeNull();
  });

  it("needs at least 32 bytes of key material", () => {
    expect(() => sealer("short")).toThrow(/32 bytes/);
  });
});
