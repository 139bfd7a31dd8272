import { describe, expect, it } from "vitest";
import { loadSpecDocument } from "@/lib/simulator/fidelity/spec-document";
import { COLLECTION_STATES } from "@/lib/jobs/dto";
import { collectionRestoreStatus } from "@/lib/jobs/status";

// The repo's copy of Atlas's spec: what our enums and status table must match.
const schemas = loadSpecDocument().components.schemas;
const enumOf = (schema: string, field: string) =>
  ((schemas[schema]!.properties as Record<string, { enum?: string[] }>)[field]!.enum ?? []) as string[];

describe("collection restore states against Atlas's spec", () => {
  it("the per-collection state filter accepts exactly the spec's enum", () => {
    expect([...COLLECTION_STATES].sort()).toEqual(
      enumOf("ApiAtlasCollectionRestoreCollectionStateResponse", "state").sort(),
    );
  });

  it("every job state the spec names has a status of its own, none unknown", () => {
    const states = enumOf("ApiAtlasCollectionRestoreJobResponse", "state");
    expect(states.length).toBeGreaterThan(0);
    for (const state of states) expect(collectionRestoreStatus(state).status, state).not.toBe("unknown");
  });
});
