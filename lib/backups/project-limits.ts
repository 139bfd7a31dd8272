import "server-only";
import pLimit from "p-limit";
import type { ReadModel } from "@/lib/store/read-model";
import { rateLimitsResource, RATE_LIMITS_FRESH_MS, type ResourceDeps } from "./resources";

type Limits = { capacity: number; refillPerMinute: number };

/** After a failed read (an Atlas without GET /rateLimits, a 403), the configured bucket holds this long. */
const RETRY_AFTER_FAILURE_MS = 10 * 60_000;

/**
 * Each project's Cloud Backups bucket as Atlas reports it, for the budget, which asks on every take
 * and so must be answered from memory. An unknown project answers undefined (the configured bucket)
 * and is read in the background, a few at a time, through the read model: one call per project a
 * few times a day, shared by every instance through the store.
 */
export function createProjectLimits(config: {
  deps: ResourceDeps;
  readModel: () => ReadModel;
  log: { warn(obj: object, msg: string): void };
  now?: () => number;
}) {
  const now = config.now ?? Date.now;
  const known = new Map<string, { limits?: Limits; until: number }>();
  const pending = new Set<string>();
  const limit = pLimit(4);

  async function load(groupId: string) {
    try {
      const { value } = await config.readModel().read(rateLimitsResource(config.deps, groupId));
      known.set(groupId, { limits: value ?? undefined, until: now() + RATE_LIMITS_FRESH_MS });
    } catch (error) {
      const code = (error as { errorCode?: unknown }).errorCode;
      config.log.warn({ groupId, errorCode: code }, "Atlas's rate limits unread: the configured budget applies");
      known.set(groupId, { until: now() + RETRY_AFTER_FAILURE_MS });
    } finally {
      pending.delete(groupId);
    }
  }

  return {
    limitsOf(groupId: string): Limits | undefined {
      const k = known.get(groupId);
      if ((!k || k.until <= now()) && !pending.has(groupId)) {
        pending.add(groupId);
        void limit(() => load(groupId));
      }
      return k?.limits;
    },
  };
}
