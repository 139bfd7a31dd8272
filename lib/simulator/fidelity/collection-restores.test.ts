import { beforeAll, describe, expect, it } from "vitest";
import { harnessPerFile, mediaTypeOf, results, type AtlasResponse } from "./harness";
import { createFidelitySpec } from "./spec";
import { bodyFor } from "./targets";

// Collection restore jobs (spec: ApiAtlasCollectionRestoreJob*, 2025-03-12 only): the life cycle on
// the simulated clock, one running job per cluster (409), the showcase's states, the collections
// list's filters and paging, and the error answers.

const spec = createFidelitySpec();
const V = "2025-03-12";
const h = harnessPerFile();
let prod: string;
let analytics: string;

interface Job {
  id: string;
  state: string;
  restoredDocuments: number;
  totalDocuments: number;
  finishedAt?: string;
  indexStatus: { state: string; failedCollectionCount: number };
}
interface Coll {
  sourceNamespace: string;
  targetNamespace: string;
  effectiveTargetNamespace: string;
  state: string;
  restoredDocuments: number;
  totalDocuments: number;
  indexStatus: { state: string; failedIndexes?: unknown[]; errorMessage?: string };
}

beforeAll(() => {
  const s = h.fixtures.showcase;
  prod = `/groups/${s.groupId}/clusters/${s.bigRestoreCluster}/collectionRestoreJobs`;
  analytics = `/groups/${s.groupId}/clusters/${s.exportCluster}/collectionRestoreJobs`;
});

function valid(operationId: string, res: AtlasResponse): void {
  expect(res.status, res.text.slice(0, 300)).toBe(spec.operation(operationId).successStatus);
  expect(spec.validateResponse(operationId, res.status, res.headers.get("content-type"), res.json)).toEqual([]);
}

function expectError(res: AtlasResponse, status: number, errorCode: string): void {
  expect(res.status, res.text.slice(0, 300)).toBe(status);
  expect(mediaTypeOf(res)).toBe("application/json");
  expect(spec.validateApiError(res.json)).toEqual([]);
  expect(res.json).toMatchObject({ error: status, errorCode });
}

const collectionsOf = async (path: string, query = "") =>
  results(await h.atlas("GET", `${path}/collections${query}`, { accept: V })) as unknown as Coll[];

describe("collection restore job life cycle", () => {
  it("INITIALIZING -> IN_PROGRESS -> FINALIZING -> SUCCESSFUL, documents rising to a revised total; a second create is 409", async () => {
    const body = await bodyFor(h, "createGroupClusterCollectionRestoreJob");
    const created = await h.atlas("POST", analytics, { accept: V, body });
    valid("createGroupClusterCollectionRestoreJob", created);
    expect(created.status).toBe(201);
    const job = created.json as Job;
    expect(job.state).toBe("INITIALIZING");
    expect(await collectionsOf(`${analytics}/${job.id}`)).toEqual([]);

    const second = await h.atlas("POST", analytics, { accept: V, body });
    expectError(second, 409, "COLLECTION_RESTORE_JOB_IN_PROGRESS");
    expect(JSON.stringify(second.json)).toContain(job.id);

    const seen: Job[] = [job];
    for (let i = 0; i < 300 && !["SUCCESSFUL", "FAILED", "CANCELED"].includes(seen.at(-1)!.state); i++) {
      expect((await h.control("POST", "clock", { advanceSeconds: 30 })).status).toBe(200);
      const res = await h.atlas("GET", `${analytics}/${job.id}`, { accept: V });
      valid("getGroupClusterCollectionRestoreJob", res);
      seen.push(res.json as Job);
      if (i % 10 === 0)
        valid(
          "listGroupClusterCollectionRestoreJobCollections",
          await h.atlas("GET", `${analytics}/${job.id}/collections`, { accept: V }),
        );
    }
    const states = seen.map((j) => j.state).filter((s, i, all) => s !== all[i - 1]);
    expect(states).toEqual(["INITIALIZING", "IN_PROGRESS", "FINALIZING", "SUCCESSFUL"]);
    const restored = seen.map((j) => j.restoredDocuments);
    restored.forEach((n, i) => expect(n).toBeGreaterThanOrEqual(restored[i - 1] ?? 0));
    expect(new Set(restored).size).toBeGreaterThan(3);
    const final = seen.at(-1)!;
    expect(final.restoredDocuments).toBe(final.totalDocuments);
    expect(job.totalDocuments).toBeGreaterThan(0);
    expect(job.totalDocuments).not.toBe(final.totalDocuments);
    expect(Date.parse(final.finishedAt!)).toBeGreaterThan(
      Date.parse((created.json as { createdAt: string }).createdAt),
    );

    const colls = await collectionsOf(`${analytics}/${job.id}`);
    expect(colls.map((c) => c.sourceNamespace)).toEqual([
      "sales.orders",
      "billing.ledger",
      "billing.payments",
      "billing.payouts",
    ]);
    expect(colls[0]).toMatchObject({ targetNamespace: "sales.orders_fidelity", state: "SUCCESSFUL" });
    // CREATE_NEW onto namespaces the target already has: renamed beside them.
    expect(colls[1]).toMatchObject({ targetNamespace: "billing.ledger", effectiveTargetNamespace: "billing.ledger_1" });

    const again = await h.atlas("POST", analytics, { accept: V, body });
    expect(again.status, again.text.slice(0, 300)).toBe(201);
  });
});

describe("collection restore jobs of the showcase cluster", () => {
  it("has a job in every state, every collection state, and a SUCCESSFUL job that left collections unrestored", async () => {
    const list = await h.atlas("GET", prod, { accept: V });
    valid("listGroupClusterCollectionRestoreJobs", list);
    const jobs = results(list) as unknown as Job[];
    const jobStates = new Set(jobs.map((j) => j.state));
    for (const s of ["INITIALIZING", "IN_PROGRESS", "FINALIZING", "SUCCESSFUL", "FAILED", "CANCELED"])
      expect(jobStates, s).toContain(s);
    const seen = new Set<string>();
    let partial = false;
    let renamed = false;
    let failedIndexes = false;
    for (const job of jobs.slice(0, 8)) {
      const colls = await collectionsOf(`${prod}/${job.id}`);
      if (job.state === "INITIALIZING") expect(colls).toEqual([]);
      for (const c of colls) {
        seen.add(c.state);
        expect(c.restoredDocuments).toBeLessThanOrEqual(c.totalDocuments);
        renamed ||= c.effectiveTargetNamespace !== c.targetNamespace;
        failedIndexes ||= (c.indexStatus.failedIndexes?.length ?? 0) > 0 && Boolean(c.indexStatus.errorMessage);
      }
      if (job.state === "SUCCESSFUL" && colls.some((c) => c.state !== "SUCCESSFUL")) {
        partial = true;
        expect(job.indexStatus.failedCollectionCount).toBeGreaterThan(0);
        expect(job.restoredDocuments).toBe(job.totalDocuments);
      }
      if (job.state === "FAILED" || job.state === "CANCELED") expect(job).toHaveProperty("errorMessage");
    }
    expect([...seen].sort()).toEqual(
      [
        "NOT_STARTED",
        "IN_PROGRESS",
        "FINALIZING",
        "NOT_FOUND",
        "UNSUPPORTED",
        "SUCCESSFUL",
        "ROLLBACK",
        "NOT_RESTORED",
        "FAILED",
        "INDEX_BUILD_FAILED",
      ].sort(),
    );
    expect(partial && renamed && failedIndexes).toBe(true);
  });

  it("filters the collections by state, sourceNamespace and targetNamespace, page by page", async () => {
    const partial = (results(await h.atlas("GET", prod, { accept: V })) as unknown as Job[]).find(
      (j) => j.state === "SUCCESSFUL" && j.indexStatus.failedCollectionCount > 0,
    )!;
    const path = `${prod}/${partial.id}`;
    const all = await collectionsOf(path);
    expect(all.length).toBe(5);
    expect((await collectionsOf(path, "?state=NOT_FOUND")).map((c) => c.sourceNamespace)).toEqual([
      "sales.legacy_orders",
    ]);
    expect((await collectionsOf(path, "?state=SUCCESSFUL")).every((c) => c.state === "SUCCESSFUL")).toBe(true);
    expect(await collectionsOf(path, "?sourceNamespace=sales.customers")).toHaveLength(1);
    expect(await collectionsOf(path, "?targetNamespace=sales.customers_1")).toHaveLength(0);
    expect(await collectionsOf(path, "?targetNamespace=sales.customers")).toHaveLength(1);
    const page2 = await h.atlas("GET", `${path}/collections?itemsPerPage=2&pageNum=2`, { accept: V });
    valid("listGroupClusterCollectionRestoreJobCollections", page2);
    expect((page2.json as { totalCount: number }).totalCount).toBe(5);
    expect(results(page2).map((c) => c.sourceNamespace)).toEqual(all.slice(2, 4).map((c) => c.sourceNamespace));
    expect(JSON.stringify((page2.json as { links: unknown }).links)).toContain('"rel":"next"');
    expectError(await h.atlas("GET", `${path}/collections?state=DONE`, { accept: V }), 400, "INVALID_QUERY_PARAMETER");

    const one = await h.atlas("GET", `${path}/collections/sales.invoices`, { accept: V });
    valid("getGroupClusterCollectionRestoreJobCollection", one);
    expect(one.json).toMatchObject({ state: "INDEX_BUILD_FAILED", indexStatus: { state: "FAILED" } });
    expectError(
      await h.atlas("GET", `${path}/collections/sales.nothing`, { accept: V }),
      404,
      "COLLECTION_RESTORE_COLLECTION_NOT_FOUND",
    );
  });
});

describe("collection restore errors", () => {
  it("serves 2025-03-12 only, and answers unknown jobs and bad bodies in Atlas's words", async () => {
    expectError(await h.atlas("GET", prod, { accept: "2024-11-13" }), 406, "INVALID_VERSION_DATE");
    expectError(
      await h.atlas("GET", `${prod}/${"a".repeat(24)}`, { accept: V }),
      404,
      "COLLECTION_RESTORE_JOB_NOT_FOUND",
    );
    expectError(await h.atlas("GET", `${prod}/not-an-id`, { accept: V }), 400, "INVALID_PATH_PARAMETER");
    const body = (await bodyFor(h, "createGroupClusterCollectionRestoreJob")) as Record<string, unknown>;
    const post = (b: unknown) => h.atlas("POST", analytics, { accept: V, body: b });
    expectError(await post({ ...body, writeStrategy: undefined }), 400, "MISSING_ATTRIBUTE");
    expectError(await post({ ...body, indexStrategy: "SOME" }), 400, "INVALID_ENUM_VALUE");
    expectError(await post({ ...body, state: "SUCCESSFUL" }), 400, "ATTRIBUTE_READ_ONLY");
    expectError(await post({ ...body, collections: [], databases: [] }), 400, "MISSING_ATTRIBUTE");
    expectError(await post({ ...body, snapshotId: undefined }), 400, "MISSING_ATTRIBUTE");
    expectError(await post({ ...body, targetClusterName: "no-such-cluster" }), 404, "CLUSTER_NOT_FOUND");
  });
});
