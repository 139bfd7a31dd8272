import "server-only";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/server/auth/session";

type SearchParams = Record<string, string | string[] | undefined>;

/** The path and query of the current page, rebuilt from a page's params, so sign-in returns to it. */
export function pathWithQuery(path: string, searchParams: SearchParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, v);
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Redirects to sign-in (returning to this exact link) when there is no session. */
export async function requireSession(path: string, searchParams: SearchParams) {
  const session = await getSession();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(pathWithQuery(path, searchParams))}`);
  return session;
}

/**
 * Metadata runs beside the page, not after its session check: it answers a signed-out request with
 * a neutral title and reads nothing (neither Atlas nor the URL's names) until there is a session.
 */
export async function titleWithSession(title: () => Promise<string> | string): Promise<{ title: string }> {
  return { title: (await getSession()) ? await title() : "Sign in" };
}
