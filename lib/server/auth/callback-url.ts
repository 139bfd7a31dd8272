const ORIGIN = "http://backwatch.invalid";

/**
 * A callbackUrl is honoured only as a same-origin path, so a crafted link cannot bounce a fresh
 * session to another site. The checks run on the URL as a browser resolves it (dot segments,
 * percent-encoded dots, stripped tabs and newlines, backslashes read as slashes), never on the
 * raw string: `/.//evil.example` resolves to the path `//evil.example`, which a browser reads as
 * another host. Anything that is not a plain path yields "/".
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return "/";
  }
  const path = url.pathname;
  if (url.origin !== ORIGIN || path.startsWith("//") || path.startsWith("/\\") || path.includes("\\")) return "/";
  if (path === "/signin" || path.startsWith("/signin/") || path.startsWith("/api/")) return "/";
  return `${path}${url.search}${url.hash}`;
}

/**
 * next-auth's redirect callback: the target is resolved against our own base URL and kept only
 * when it stays on it, with its path cleaned as above.
 */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  let target: URL;
  try {
    target = new URL(url, baseUrl);
  } catch {
    return baseUrl;
  }
  if (target.origin !== new URL(baseUrl).origin) return baseUrl;
  return `${new URL(baseUrl).origin}${safeCallbackUrl(`${target.pathname}${target.search}${target.hash}`)}`;
}
