const ORIGIN = "http://backwatch.invalid";

/**
 * A callbackUrl is honoured only as a same-origin relative path, so a crafted link cannot bounce a
 * fresh session to another site. Anything else (absolute, protocol-relative, backslashes) yields "/".
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  try {
    const url = new URL(value, ORIGIN);
    if (url.origin !== ORIGIN || url.pathname.startsWith("/signin") || url.pathname.startsWith("/api/")) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}
