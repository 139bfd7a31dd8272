import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/server/auth/options";
import { SessionSchema, type Session } from "@/lib/server/auth/roles";

export type { Role, Session } from "@/lib/server/auth/roles";

/** The signed-in user's name and role, or null; for server components and route handlers. */
export async function getSession(): Promise<Session | null> {
  const session = await getServerSession(authOptions());
  const parsed = SessionSchema.safeParse(session);
  return parsed.success ? { user: { name: parsed.data.user.name, role: parsed.data.user.role } } : null;
}
