import { isIP } from "node:net";

/**
 * Whether a URL's host is this machine: `localhost`, an IPv4 address in 127.0.0.0/8 or `[::1]`,
 * judged as an address, never by a prefix (`127.evil.example` is a name like any other).
 */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  if (host === "localhost") return true;
  if (host === "[::1]") return true;
  return isIP(host) === 4 && host.split(".")[0] === "127";
}
