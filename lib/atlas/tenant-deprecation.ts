import "server-only";
import type { Deprecation } from "@/lib/jobs/dto";
import type { AtlasClient } from "./client";
import { type AtlasError, isAtlasError } from "./errors";
import { operations } from "./operations";

export const TENANT_SUNSET = "2026-01-22" as const;

/** Whether a Flex cluster of this name exists: the successor of a migrated M2/M5 cluster. */
export async function flexSuccessorExists(client: AtlasClient, groupId: string, name: string): Promise<boolean> {
  try {
    await client.call(operations.getGroupFlexCluster, { groupId, name });
    return true;
  } catch (error) {
    if (isAtlasError(error) && error.status === 404) return false;
    throw error;
  }
}

/**
 * Atlas answers a sunset version with 410 VERSION_GONE; a path dropped outright would be a plain 404
 * (not one naming a missing cluster or project, which is a real not-found).
 */
export function isRetiredEndpoint(error: unknown): boolean {
  if (!isAtlasError(error) || error.kind !== "http") return false;
  if (error.status === 410) return true;
  return (
    error.status === 404 &&
    ![
      "CLUSTER_NOT_FOUND",
      "GROUP_NOT_FOUND",
      "INVALID_GROUP_ID",
      "TENANT_RESTORE_NOT_FOUND",
      "RESTORE_JOB_NOT_FOUND",
    ].includes(error.errorCode ?? "")
  );
}

/**
 * A tenant restore's detail or download asked for after the sunset. Not an upstream failure (a 502 would
 * send a DBA looking for an outage): Atlas will never serve it again, so it answers 410 RETIRED.
 */
export class RetiredEndpointError extends Error {
  override readonly name = "RetiredEndpointError";

  constructor(readonly upstream: AtlasError) {
    super(
      `Atlas retired the shared-tier (M2/M5) restore endpoints on ${TENANT_SUNSET}: this restore job's details and download link can no longer be read. Restores after a migration to Flex are under Flex restores.`,
      { cause: upstream },
    );
  }
}

/** By name, as isAtlasError: the error may come from another bundle's copy of the class. */
export function isRetiredEndpointError(error: unknown): error is RetiredEndpointError {
  return (
    error instanceof Error &&
    error.name === "RetiredEndpointError" &&
    isAtlasError((error as RetiredEndpointError).upstream)
  );
}

/** Rethrows an answer of a retired tenant endpoint as RetiredEndpointError; anything else as it was. */
export function rethrowRetired(error: unknown): never {
  if (isAtlasError(error) && isRetiredEndpoint(error)) throw new RetiredEndpointError(error);
  throw error;
}

export function tenantDeprecation(clusterName: string, successorExists: boolean, retired: boolean): Deprecation {
  const successor = successorExists
    ? `Its Flex successor "${clusterName}" has its restore jobs under Flex restores.`
    : "Flex restore jobs replace them once the cluster is migrated to Flex.";
  const message = retired
    ? `Atlas retired the shared-tier (M2/M5) restore endpoints on ${TENANT_SUNSET} and no longer returns this history; the list is empty because Atlas cannot be asked, not because there were no restores. ${successor}`
    : `Shared-tier (M2/M5) restore endpoints are deprecated and sunset on ${TENANT_SUNSET}. ${successor}`;
  return {
    sunset: TENANT_SUNSET,
    retired,
    message,
    successor: { kind: "flex-restore", clusterName, exists: successorExists },
  };
}
