import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * Whether an Authorization header carries exactly this bearer token. Both sides are hashed first so
 * the constant-time compare always sees equal lengths: neither the token's length nor how much of it
 * a guess got right shows in the time taken.
 */
export function bearerMatches(header: string | null, token: string): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? "");
  const same = timingSafeEqual(digest(match?.[1] ?? ""), digest(token));
  return match !== null && same;
}
