import "server-only";
import { parseUsers } from "@/lib/server/auth/users";
import { serverEnv } from "@/lib/server/env";

/** Validates everything the server reads from its environment; throws naming the first bad variable. */
export function checkServerConfig(): void {
  const env = serverEnv();
  const users = parseUsers(env.BACKWATCH_USERS);
  if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET) {
    throw new Error("Backwatch cannot start: invalid environment\n  NEXTAUTH_SECRET: required in production (e.g. `openssl rand -base64 32`)");
  }
  if (users.length === 0 && !env.BACKWATCH_OIDC_ISSUER) {
    throw new Error("Backwatch cannot start: invalid environment\n  BACKWATCH_USERS: set at least one user, or configure BACKWATCH_OIDC_ISSUER");
  }
}

/** For instrumentation.ts: Next only logs a failing register() and keeps serving, so exit instead. */
export function checkServerConfigOrExit(): void {
  try {
    checkServerConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
