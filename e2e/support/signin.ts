import type { APIRequestContext } from "@playwright/test";
import { encode } from "next-auth/jwt";

/**
 * One credentials sign-in through next-auth's own endpoints, as the sign-in form posts it.
 * `address` goes in X-Forwarded-For as a reverse proxy in front would write it.
 * Returns next-auth's error code (null on success) and the URL it would send the browser to.
 */
export async function signInAttempt(
  ctx: APIRequestContext,
  credentials: { username: string; password: string; callbackUrl?: string },
  address?: string,
): Promise<{ status: number; error: string | null; url: string }> {
  const headers = address ? { "x-forwarded-for": address } : undefined;
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", {
    headers,
    form: { ...credentials, callbackUrl: credentials.callbackUrl ?? "/", csrfToken, json: "true" },
  });
  const { url } = (await res.json()) as { url: string };
  return { status: res.status(), error: new URL(url).searchParams.get("error"), url };
}

/** A session cookie signed with this run's secret, holding exactly `claims`: for forged-token cases. */
export async function sessionCookie(appUrl: string, secret: string, claims: Record<string, unknown>) {
  const value = await encode({ token: claims, secret, maxAge: 8 * 3600 });
  return { name: "next-auth.session-token", value, url: appUrl };
}
