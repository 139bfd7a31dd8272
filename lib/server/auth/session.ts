import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/server/auth/options";
import { SessionSchema, type Session } from "@/lib/server/auth/roles";

export type { Role, Session } from "@/lib/server/auth/roles";

/** The signed-in user's name, role and stable id, or null; for server components and route handlers. */
export async function getSession(): Promise<Session | null> {
  const session = await getServerSession(authOptions());
  const parsed = SessionSchema.safeParse(session);
  if (!parsed.success) return null;
  const { name, role, id } = parsed.data.user;
  return { user: { name, role, id: id ?? `local:${name}` } };
}

/** What per-user state (watches) is keyed by; the route wrapper has already refused a missing session. */
export const userIdOf = (session: Session | null): string => session?.user.id ?? `local:${session?.user.name ?? ""}`;
