import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { SharedTokens } from "@/lib/atlas/auth/token-cache";
import { sealer } from "@/lib/store/seal";
import type { Store } from "@/lib/store/store";

const Token = z.object({ value: z.string().min(1), refreshAt: z.number() });

/**
 * The Atlas access token in the shared store, sealed (AES-256-GCM) with a key derived from the
 * session secret every instance shares, under a key named by a hash of the client id: no credential
 * is in Redis in plain text, and two service accounts never share a token.
 */
export function sealedTokens(store: Store, keyMaterial: string, clientId: string): SharedTokens {
  const seal = sealer(keyMaterial);
  const key = `token:${createHash("sha256").update(clientId).digest("base64url").slice(0, 16)}`;
  return {
    async get() {
      const sealed = await store.get(key);
      const opened = sealed === null ? null : seal.open(sealed);
      if (opened === null) return null;
      try {
        const token = Token.safeParse(JSON.parse(opened));
        return token.success ? token.data : null;
      } catch {
        return null;
      }
    },
    async set(token) {
      const ttlSeconds = Math.floor((token.refreshAt - Date.now()) / 1000);
      if (ttlSeconds >= 1) await store.set(key, seal.seal(JSON.stringify(token)), ttlSeconds);
    },
    async clear(value) {
      const current = await this.get();
      if (current?.value === value) await store.del(key);
    },
  };
}
