import "server-only";
import { z } from "zod";
import { RoleSchema, type Role } from "@/lib/server/auth/roles";
import { credentialVersion, type LocalUser } from "@/lib/server/auth/users";

/**
 * What our session JWT holds. `signedInAt` fixes an absolute lifetime that next-auth's sliding
 * expiry alone would not (every visit would push it out); `cv` ties a local user's session to
 * the password entry it was opened with.
 */
export const SessionTokenSchema = z.object({
  name: z.string().min(1),
  role: RoleSchema,
  provider: z.enum(["local", "oidc"]),
  signedInAt: z.number().int().positive(),
  cv: z.string().optional(),
  /** Stable across sign-ins and name changes: `local:<name>` or `oidc:<sub>` (what per-user state is keyed by). */
  uid: z.string().min(1).optional(),
});
export type SessionToken = z.infer<typeof SessionTokenSchema>;

export interface TokenPolicy {
  /** Absolute lifetime from sign-in, whatever the activity. */
  maxAgeSeconds: number;
  users: LocalUser[];
  /** Keys the credential version (the session secret). */
  key: string;
}

const nowSeconds = (now: Date) => Math.floor(now.getTime() / 1000);

export function openSession(
  identity: { name: string; role: Role; sub?: string },
  provider: "local" | "oidc",
  policy: TokenPolicy,
  now: Date,
): SessionToken {
  const { sub, ...who } = identity;
  const user = provider === "local" ? policy.users.find((u) => u.name === who.name) : undefined;
  return {
    ...who,
    provider,
    uid: provider === "oidc" && sub ? `oidc:${sub}` : `local:${who.name}`,
    signedInAt: nowSeconds(now),
    ...(user && { cv: credentialVersion(user, policy.key) }),
  };
}

/** The user's stable id; a token opened before `uid` existed falls back to the provider and name. */
export const stableId = (t: Pick<SessionToken, "uid" | "provider" | "name">) => t.uid ?? `${t.provider}:${t.name}`;

/** A token that is well-formed and within its absolute lifetime, or null. Cheap: for proxy.ts too. */
export function liveToken(token: unknown, maxAgeSeconds: number, now: Date): SessionToken | null {
  const parsed = SessionTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const age = nowSeconds(now) - parsed.data.signedInAt;
  return age >= -60 && age <= maxAgeSeconds ? parsed.data : null;
}

/**
 * Runs on every session read (next-auth's jwt callback). A local user is looked up again each
 * time: removed, or with a changed password, the session ends; with a changed role, it takes the
 * new one. OIDC users have no such check here (the provider is not asked again), so for them the
 * absolute lifetime is the bound.
 */
export function refreshSession(token: unknown, policy: TokenPolicy, now: Date): SessionToken | null {
  const live = liveToken(token, policy.maxAgeSeconds, now);
  if (!live || live.provider === "oidc") return live;
  const user = policy.users.find((u) => u.name === live.name);
  if (!user || live.cv !== credentialVersion(user, policy.key)) return null;
  return { ...live, role: user.role };
}
