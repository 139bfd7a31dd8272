import "server-only";
import type { AtlasClient } from "./client";
import type { Coalescer } from "./coalesce";
import { createCoalescer } from "./coalesce";
import type { AtlasServiceConfig } from "./config";
import { projectNotFound } from "./errors";

/** What the service functions need; tests build one around a client pointed at the simulator. */
export interface ServiceDeps {
  client: AtlasClient;
  coalesce: Coalescer;
  pageConcurrency: number;
  isProjectAllowed(groupId: string): boolean;
  /** Throws the 404 Atlas would give for a missing project, before any upstream call. */
  assertProjectAllowed(groupId: string): void;
}

export function createServiceDeps(client: AtlasClient, config: AtlasServiceConfig): ServiceDeps {
  const allowed = new Set(config.projectAllowlist);
  const isProjectAllowed = (groupId: string) => allowed.size === 0 || allowed.has(groupId);
  return {
    client,
    coalesce: createCoalescer(),
    pageConcurrency: config.pageConcurrency ?? 4,
    isProjectAllowed,
    assertProjectAllowed(groupId) {
      if (!isProjectAllowed(groupId)) {
        throw projectNotFound(
          groupId,
          new URL(`/api/atlas/v2/groups/${encodeURIComponent(groupId)}`, client.baseUrl).toString(),
        );
      }
    },
  };
}
