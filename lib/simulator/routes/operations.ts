// Every operation of the in-repo spec (fidelity/atlas-openapi.yaml, 28), in one table.
import { exportOperations } from "./exports";
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
];
