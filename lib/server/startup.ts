import "server-only";
import { parseUsers } from "@/lib/server/auth/users";
import { serverEnv } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";

/** Validates everything the server reads from its environment; throws naming the first bad variable. */
export function checkServerConfig(): void {
  const env = serverEnv();
  const users = parseUsers(env.BACKWATCH_USERS);
  if (users.length === 0 && !env.BACKWATCH_OIDC_ISSUER) {
    throw new Error(
      "Backwatch cannot start: invalid environment\n  BACKWATCH_USERS: set at least one user, or configure BACKWATCH_OIDC_ISSUER",
    );
  }
}

/** The start-up lines an operator needs to see: where sessions' signing key came from. */
export function startupNotes(): string[] {
  const env = serverEnv();
  return [
    env.nextAuthSecretSource === "generated"
      ? "NEXTAUTH_SECRET is not set: sessions are signed with a random secret made for this process and end when it stops"
      : "sessions are signed with NEXTAUTH_SECRET",
    ...(env.BACKWATCH_WEBHOOK_URLS.length
      ? [
          // Hosts only: a Slack or Teams webhook URL is itself a credential.
          `webhooks (${env.BACKWATCH_WEBHOOK_EVENTS.join(", ")}) to ${env.BACKWATCH_WEBHOOK_URLS.map((t) => `${t.format}@${t.host}`).join(", ")}`,
        ]
      : []),
  ];
}

/** For instrumentation.ts: Next only logs a failing register() and keeps serving, so exit instead. */
export function checkServerConfigOrExit(): void {
  try {
    checkServerConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  for (const note of startupNotes()) logger().info(note);
}
