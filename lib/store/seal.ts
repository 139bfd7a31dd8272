import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export type Sealer = {
  seal(plain: string): string;
  /** The plain text, or null for anything this sealer did not seal unchanged. Never throws. */
  open(sealed: string): string | null;
};

// Bumped with any change to the algorithm, key derivation or layout, so an old value is refused
// (null, then refetched) rather than misread.
const VERSION = "v1";
// A fixed purpose string: the same key material used elsewhere (a session secret) yields an
// unrelated key here.
const INFO = "backwatch/store-seal/v1 aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Seals values the store keeps outside the process (the Atlas token in Redis): AES-256-GCM with a
 * random IV per value, so Redis, its backups and anyone reading them see no credential, and a value
 * altered there is refused. Output: `v1.` + base64url(iv | ciphertext | tag).
 */
export function sealer(keyMaterial: string): Sealer {
  if (Buffer.byteLength(keyMaterial) < 32) throw new Error("sealer: the key material must be at least 32 bytes");
  const key = Buffer.from(hkdfSync("sha256", keyMaterial, Buffer.alloc(0), INFO, 32));

  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
    },
    open(sealed) {
      if (typeof sealed !== "string") return null;
      const [version, payload, ...rest] = sealed.split(".");
      // Node's base64url decoder skips characters it does not know; refuse them instead of guessing.
      if (version !== VERSION || payload === undefined || rest.length > 0 || !BASE64URL.test(payload)) return null;
      const bytes = Buffer.from(payload, "base64url");
      if (bytes.length < IV_BYTES + TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
      } catch {
        return null; // wrong key, or a byte changed: GCM's tag does not match
      }
    },
  };
}
