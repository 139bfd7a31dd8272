import type { Role } from "@/lib/server/auth/roles";

/** Operator when any of the configured operator groups is in the claim; viewer otherwise (and when the claim is absent). */
export function roleFromClaims(claims: Record<string, unknown>, claimName: string, operatorGroups: string[]): Role {
  const value = claims[claimName];
  const groups = Array.isArray(value) ? value.map(String) : typeof value === "string" ? value.split(/[\s,]+/) : [];
  return groups.some((g) => operatorGroups.includes(g)) ? "operator" : "viewer";
}

/** A display name from the usual OIDC claims, falling back to the subject. */
export function nameFromClaims(claims: Record<string, unknown>): string {
  for (const key of ["name", "preferred_username", "email", "sub"]) {
    const value = claims[key];
    if (typeof value === "string" && value.trim()) return value.trim();
  }
  return "unknown";
}
