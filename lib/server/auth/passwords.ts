import "server-only";
import { createHash, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

// `$scrypt$N=16384;r=8;p=1$<salt>$<key>`, base64url: no commas or colons, since it sits inside the
// comma-separated `name:password:role` list. The parameters travel with the hash, so they can be
// raised later without breaking hashes already in BACKWATCH_USERS.
const PREFIX = "$scrypt$";
const HASH = /^\$scrypt\$N=(\d+);r=(\d+);p=(\d+)\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{43,})$/;
const DEFAULTS = { N: 16384, r: 8, p: 1 };
const KEY_BYTES = 32;
// Node refuses scrypt parameters that need more memory than maxmem; 64 MiB covers N up to 2^16 at r=8.
const MAXMEM = 64 * 1024 * 1024;

type Params = { N: number; r: number; p: number; salt: Buffer; key: Buffer };

export const isHashedPassword = (stored: string) => stored.startsWith(PREFIX);

export function parseHash(stored: string): Params | null {
  const m = HASH.exec(stored);
  if (!m) return null;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // N a power of two from 2^10 to 2^16, r and p small: anything else is a typo, not a stronger hash.
  if (N < 1024 || N > 65536 || (N & (N - 1)) !== 0 || r < 1 || r > 32 || p < 1 || p > 16) return null;
  return { N, r, p, salt: Buffer.from(m[4]!, "base64url"), key: Buffer.from(m[5]!, "base64url") };
}

export function hashPassword(password: string, params = DEFAULTS): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, KEY_BYTES, { ...params, maxmem: MAXMEM });
  return `${PREFIX}N=${params.N};r=${params.r};p=${params.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

const DECOY = parseHash(hashPassword("decoy-password-for-unknown-users"))!;
const sha = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * Whether `given` matches `stored` (a plain password or a `$scrypt$` hash). Every call runs one
 * scrypt, whether the user is unknown (stored undefined), has a plain password or a hashed one, so
 * timing tells an attacker neither which names exist nor how their passwords are kept.
 */
export function verifyPassword(given: string, stored: string | undefined): boolean {
  const hashed = stored !== undefined && isHashedPassword(stored) ? parseHash(stored) : null;
  const params = hashed ?? DECOY;
  const key = scryptSync(given, params.salt, params.key.length, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: MAXMEM,
  });
  const hashMatches = timingSafeEqual(key, params.key);
  if (stored === undefined) return false;
  if (hashed) return hashMatches;
  return !isHashedPassword(stored) && timingSafeEqual(sha(given), sha(stored));
}
