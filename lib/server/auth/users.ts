import "server-only";
import { createHmac } from "node:crypto";
import { z } from "zod";
import { isHashedPassword, parseHash, verifyPassword } from "@/lib/server/auth/passwords";
import { RoleSchema, type Role } from "@/lib/server/auth/roles";

const NAME = /^[A-Za-z0-9._@-]+$/;

// `name:password:role`; the password may itself contain ":" (but not ","), so name and role are
// taken from the ends. A password that starts with `$scrypt$` is a hash from `npm run hash-password`.
const EntrySchema = z.string().transform((entry, ctx) => {
  const parts = entry.split(":");
  const name = parts[0] ?? "";
  const role = RoleSchema.safeParse(parts.at(-1));
  const password = parts.slice(1, -1).join(":");
  const label = NAME.test(name) ? `"${name}"` : "(unnamed)";
  if (parts.length < 3 || !NAME.test(name) || !role.success || password.length === 0) {
    // Never echo the entry: it holds a password.
    ctx.addIssue({ code: "custom", message: `entry ${label} must be name:password:role with role viewer or operator` });
    return z.NEVER;
  }
  if (isHashedPassword(password) && !parseHash(password)) {
    ctx.addIssue({
      code: "custom",
      message: `entry ${label} has a malformed $scrypt$ hash (make one with npm run hash-password)`,
    });
    return z.NEVER;
  }
  return { name, password, role: role.data };
});

const UsersSchema = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(EntrySchema))
  .superRefine((users, ctx) => {
    const names = users.map((u) => u.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) ctx.addIssue({ code: "custom", message: `user "${dup}" is listed twice` });
  });

/** `password` is the entry as configured: plain text or a `$scrypt$` hash. */
export type LocalUser = { name: string; password: string; role: Role };

/** Parses BACKWATCH_USERS; throws an error naming the variable (never its value) when malformed. */
export function parseUsers(raw: string | undefined): LocalUser[] {
  const parsed = UsersSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `Backwatch cannot start: invalid environment\n  BACKWATCH_USERS: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
    );
  }
  return parsed.data;
}

export function verifyUser(users: LocalUser[], name: string, password: string): { name: string; role: Role } | null {
  const user = users.find((u) => u.name === name);
  const ok = verifyPassword(password, user?.password);
  return user && ok ? { name: user.name, role: user.role } : null;
}

/**
 * A keyed digest of a user's configured password entry. It rides in the session token, so a
 * changed password (or hash) ends that user's sessions at their next refresh; the key keeps it
 * from being a password hash anyone holding a token could attack.
 */
export function credentialVersion(user: LocalUser, key: string): string {
  return createHmac("sha256", key).update(`${user.name}\0${user.password}`).digest("base64url").slice(0, 22);
}
