import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { liveToken } from "@/lib/server/auth/session-token";
import { contentSecurityPolicy } from "@/lib/server/csp";
import { serverEnv } from "@/lib/server/env";

const PUBLIC_PAGES = ["/signin"];
const HSTS = "max-age=31536000";

/**
 * Two jobs, neither of them the security boundary (the dashboard layout, each page and the route
 * wrapper are): a fresh CSP nonce on every page response, and sending a signed-out visitor to the
 * sign-in page with the link they opened as callbackUrl, so a shared link lands where it pointed.
 * Router prefetches go through here like any page request: skipping them once let a signed-out
 * client have pages rendered (and Atlas read) by sending `Purpose: prefetch`.
 */
export async function proxy(request: NextRequest) {
  const env = serverEnv();
  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const token = await getToken({ req: request, secret: env.NEXTAUTH_SECRET });
    if (!liveToken(token, env.sessionMaxAgeSeconds, new Date())) {
      const signin = new URL("/signin", request.url);
      signin.searchParams.set("callbackUrl", `${pathname}${search}`);
      return withSecurityHeaders(NextResponse.redirect(signin), contentSecurityPolicy(nonce(), false), env.httpsOnly);
    }
  }

  const value = nonce();
  const csp = contentSecurityPolicy(value, env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", value);
  // Next reads the nonce from the request's CSP header and stamps it on its own scripts.
  requestHeaders.set("Content-Security-Policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, env.httpsOnly);
}

const nonce = () => Buffer.from(crypto.randomUUID()).toString("base64");

function withSecurityHeaders(response: NextResponse, csp: string, httpsOnly: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  if (httpsOnly) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Pages only: API routes answer 401 envelopes themselves; assets need no CSP.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
