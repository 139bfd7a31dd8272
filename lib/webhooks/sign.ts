import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/** The header every delivery carries, whatever its format. */
export const SIGNATURE_HEADER = "x-backwatch-signature";

const mac = (secret: string, timestamp: number, body: string) =>
  createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, Stripe's scheme: the timestamp is signed
 * with the body, so a receiver can refuse a replay older than it allows. Made anew for each attempt.
 */
export function signature(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${mac(secret, timestamp, body)}`;
}

/** A receiver's check (and the tests'): the header matches the body, and is at most `toleranceSeconds` old. */
export function verifySignature(
  secret: string,
  body: string,
  header: string | null | undefined,
  { now = Date.now(), toleranceSeconds = 300 }: { now?: number; toleranceSeconds?: number } = {},
): boolean {
  const parts = Object.fromEntries((header ?? "").split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  const given = Buffer.from(parts.v1 ?? "", "hex");
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(mac(secret, t, body), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
