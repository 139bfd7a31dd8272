import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/server/csp";
import { serverEnv } from "@/lib/server/env";

const PUBLIC_PAGES = ["/signin"];

/**
 * Two jobs, neither of them the security boundary (the dashboard layout and the route wrapper are):
 * a fresh CSP nonce per page request, and sending a signed-out visitor to the sign-in page with the
 * link they opened as callbackUrl, so a shared link lands where it pointed.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const token = await getToken({ req: request, secret: serverEnv().NEXTAUTH_SECRET });
    if (!token) {
      const signin = new URL("/signin", request.url);
      signin.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(signin);
    }
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, serverEnv().NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Next reads the nonce from the request's CSP header and stamps it on its own scripts.
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API routes answer 401 envelopes themselves; assets need no CSP.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
