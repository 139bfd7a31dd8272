// Resource versions and sunsets: the operations' versioned media types and x-sunset in fidelity/atlas-openapi.yaml.
import type { ResourceVersion } from "../versioning";

export const V_2023_01_01: ResourceVersion[] = [{ version: "2023-01-01" }];
export const V_CLUSTERS: ResourceVersion[] = [
  { version: "2023-01-01", sunset: "2027-07-01" },
  { version: "2023-02-01", sunset: "2027-07-01" },
  { version: "2024-08-05" },
];
export const V_BUCKETS: ResourceVersion[] = [
  { version: "2023-01-01", sunset: "2027-07-01" },
  { version: "2024-05-30" },
];
export const V_FLEX: ResourceVersion[] = [{ version: "2024-11-13" }];
export const V_TENANT: ResourceVersion[] = [{ version: "2023-01-01", sunset: "2026-01-22" }];
/** [DERIVED] Atlas deprecates 12 months before sunset; the spec gives no date for the tenant endpoints. */
export const TENANT_DEPRECATED_SINCE = "2025-01-22";
/** Collection restore jobs and rate limits: only 2025-03-12 (rate limits' preview is past its 2026-04-21 sunset). */
export const V_2025_03_12: ResourceVersion[] = [{ version: "2025-03-12" }];
