import { describe, expect, it } from "vitest";
import { nameFromClaims, roleFromClaims } from "@/lib/server/auth/oidc-role";

describe("roleFromClaims", () => {
  it("makes an operator when any operator group is present", () => {
    expect(roleFromClaims({ groups: ["dba", "backwatch-ops"] }, "groups", ["backwatch-ops"])).toBe("operator");
  });
  it("makes a viewer otherwise, and when the claim is missing or odd", () => {
    expect(roleFromClaims({ groups: ["dba"] }, "groups", ["backwatch-ops"])).toBe("viewer");
    expect(roleFromClaims({}, "groups", ["backwatch-ops"])).toBe("viewer");
    expect(roleFromClaims({ groups: 7 }, "groups", ["backwatch-ops"])).toBe("viewer");
    expect(roleFromClaims({ groups: ["backwatch-ops"] }, "groups", [])).toBe("viewer");
  });
  it("reads a custom claim, also as a space-separated string", () => {
    expect(roleFromClaims({ roles: "a backwatch-ops" }, "roles", ["backwatch-ops"])).toBe("operator");
  });
});

describe("nameFromClaims", () => {
  it("prefers name, then preferred_username, then sub", () => {
    expect(nameFromClaims({ sub: "1", preferred_username: "ann", name: "Ann Lee" })).toBe("Ann Lee");
    expect(nameFromClaims({ sub: "1", preferred_username: "ann" })).toBe("ann");
    expect(nameFromClaims({ sub: "1" })).toBe("1");
  });
});
