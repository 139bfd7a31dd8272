import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { RoleSchema, type Role } from "@/lib/server/auth/roles";

const NAME = /^[A-Za-z0-9._@-]+$/;

// `name:password:role`; the password may itself contain ":" (but not ","), so name and role are
// taken from the ends.
const EntrySchema = z.string().transform((entry, ctx) => {
  const parts = entry.split(":");
  const name = parts[0] ?? "";
  const role = RoleSchema.safeParse(parts.at(-1));
  const password = parts.slice(1, -1).join(":");
  if (parts.length < 3 || !NAME.test(name) || !role.success || password.length === 0) {
    // Never echo the entry: it holds a password.
    ctx.addIssue({ code: "custom", message: `entry ${NAME.test(name) ? `"${name}"` : "(unnamed)"} must be name:password:role with role viewer or operator` });
    return z.NEVER;
  }
  return { name, password, role: role.data };
});

const UsersSchema = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(EntrySchema))
  .superRefine((users, ctx) => {
    const names = users.map((u) => u.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) ctx.addIssue({ code: "custom", message: `user "${dup}" is listed twice` });
  });

export type LocalUser = { name: string; password: string; role: Role };

/** Parses BACKWATCH_USERS; throws an error naming the variable (never its value) when malformed. */
export function parseUsers(raw: string | undefined): LocalUser[] {
  const parsed = UsersSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Backwatch cannot start: invalid environment\n  BACKWATCH_USERS: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  }
  return parsed.data;
}

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Same-length digests make the comparison constant-time whatever the password lengths. */
export function passwordsMatch(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

// Compared against when the name is unknown, so a wrong name costs as much as a wrong password.
const DECOY = "decoy-password-for-unknown-users";

export function verifyUser(users: LocalUser[], name: string, password: string): { name: string; role: Role } | null {
  const user = users.find((u) => u.name === name);
  const ok = passwordsMatch(password, user?.password ?? DECOY);
  return user && ok ? { name: user.name, role: user.role } : null;
}
