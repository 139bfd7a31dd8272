// Every operation of the in-repo spec (fidelity/atlas-openapi.yaml, 37), in one table.
import { collectionRestoreOperations } from "./collection-restores";
import { eventOperations } from "./events";
import { exportOperations } from "./exports";
import { rateLimitOperations } from "./rate-limits";
import { flexOperations, tenantOperations } from "./flex-tenant";
import { projectOperations } from "./projects";
import { restoreOperations } from "./restores";
import type { Operation } from "./types";

export const OPERATIONS: Operation[] = [
  ...projectOperations,
  ...restoreOperations,
  ...exportOperations,
  ...flexOperations,
  ...tenantOperations,
  ...collectionRestoreOperations,
  ...eventOperations,
  ...rateLimitOperations(() => OPERATIONS),
];
