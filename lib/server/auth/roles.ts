import { z } from "zod";

export const ROLES = ["viewer", "operator"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/**
 * What a Backwatch session holds: a display name, a role and a stable id (`local:<name>`,
 * `oidc:<sub>`: what per-user state such as watches is keyed by), never a credential or token.
 */
export const SessionSchema = z.object({
  user: z.object({ name: z.string().min(1), role: RoleSchema, id: z.string().min(1).optional() }),
});
export type Session = z.infer<typeof SessionSchema>;
