import "server-only";
import { createHash, randomBytes } from "node:crypto";

// RFC 7616 (HTTP Digest) client side. Written here rather than taken from digest-fetch 3.1.1 because that
// library reads `nc` when it builds a header but only increments it after the response arrives, so
// concurrent page fetches send the same nonce+nc pair (a replay to any server that checks nc); it also
// ignores the challenge's `algorithm` and `stale`, and never drains the 401 body. urllib's digestAuth
// answers a fresh 401 on every request, which is the round trip we want to avoid.

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string;
  algorithm: string;
  qop?: "auth";
  stale: boolean;
}

const HASHES: Record<string, string> = { MD5: "md5", "SHA-256": "sha256", "SHA-512-256": "sha512-256" };
const PARAM = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?/y;

/** Parses the Digest challenge out of a WWW-Authenticate value (which may list other schemes too). */
export function parseDigestChallenge(header: string | null): DigestChallenge | null {
  if (!header) return null;
  const start = header.search(/(^|[\s,])Digest\s/i);
  if (start < 0) return null;
  const params = new Map<string, string>();
  PARAM.lastIndex = header.indexOf("Digest", start) + "Digest".length;
  for (let m = PARAM.exec(header); m; m = PARAM.exec(header)) {
    params.set(m[1]!.toLowerCase(), (m[2] ?? m[3] ?? "").replace(/\\(.)/g, "$1"));
  }
  const nonce = params.get("nonce");
  if (!nonce) return null;
  const algorithm = (params.get("algorithm") ?? "MD5").toUpperCase();
  if (!HASHES[algorithm.replace(/-SESS$/, "")]) return null;
  const qops = (params.get("qop") ?? "").split(",").map((q) => q.trim());
  return {
    realm: params.get("realm") ?? "",
    nonce,
    opaque: params.get("opaque"),
    algorithm,
    qop: qops.includes("auth") ? "auth" : undefined,
    stale: params.get("stale")?.toLowerCase() === "true",
  };
}

export interface DigestInput {
  challenge: DigestChallenge;
  username: string;
  password: string;
  method: string;
  /** Request-target: path plus query, exactly as sent. */
  uri: string;
  nc: number;
  cnonce?: string;
}

const quote = (value: string) => `"${value.replace(/(["\\])/g, "\\$1")}"`;

export function digestAuthorization(input: DigestInput): string {
  const { challenge: c, username, password, method, uri } = input;
  const hashName = HASHES[c.algorithm.replace(/-SESS$/, "")] ?? "md5";
  const h = (data: string) => createHash(hashName).update(data).digest("hex");
  const cnonce = input.cnonce ?? randomBytes(16).toString("hex");
  const nc = input.nc.toString(16).padStart(8, "0");
  let ha1 = h(`${username}:${c.realm}:${password}`);
  if (c.algorithm.endsWith("-SESS")) ha1 = h(`${ha1}:${c.nonce}:${cnonce}`);
  const ha2 = h(`${method}:${uri}`);
  const response = c.qop ? h(`${ha1}:${c.nonce}:${nc}:${cnonce}:${c.qop}:${ha2}`) : h(`${ha1}:${c.nonce}:${ha2}`);
  const parts = [
    `username=${quote(username)}`,
    `realm=${quote(c.realm)}`,
    `nonce=${quote(c.nonce)}`,
    `uri=${quote(uri)}`,
    `algorithm=${c.algorithm}`,
    `response=${quote(response)}`,
  ];
  if (c.opaque !== undefined) parts.push(`opaque=${quote(c.opaque)}`);
  if (c.qop) parts.push(`qop=${c.qop}`, `nc=${nc}`, `cnonce=${quote(cnonce)}`);
  return `Digest ${parts.join(", ")}`;
}
