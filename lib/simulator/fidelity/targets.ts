import { results, type Harness } from "./harness";
import type { SpecOperation } from "./spec";

// Turns a spec operation into a concrete request against the simulator's showcase data: path
// params from the fixtures, ids from the matching list call, and a valid body for creates.
// Anything it cannot resolve throws, so an operation added to the spec fails loudly.

export interface Target {
  path: string;
  body?: unknown;
}

const newest = (op: SpecOperation) => op.versions.at(-1)!.version;

function clusterFor(h: Harness, op: SpecOperation): string {
  const s = h.fixtures.showcase;
  if (op.path.includes("/backup/tenant/")) return s.sharedM2Cluster;
  if (op.path.includes("/backup/exports")) return s.exportCluster;
  // The showcase cluster always has collection restores running (one per cluster at a time): create elsewhere.
  if (op.path.endsWith("/collectionRestoreJobs") && op.method === "POST") return s.exportCluster;
  return s.bigRestoreCluster;
}

export async function firstId(h: Harness, listPath: string, version: string): Promise<string> {
  const items = results(await h.atlas("GET", listPath, { accept: version }));
  const id = items
    .map((item) => item.id ?? item._id ?? item.endpointSetId ?? item.sourceNamespace)
    .find((v): v is string => typeof v === "string");
  if (!id) throw new Error(`no ids listed at ${listPath}`);
  return id;
}

async function fillPath(h: Harness, op: SpecOperation, all: SpecOperation[]): Promise<string> {
  let path = op.path;
  for (const param of op.params.filter((p) => p.in === "path")) {
    const slot = `{${param.name}}`;
    let value: string;
    if (param.name === "groupId") value = h.fixtures.showcase.groupId;
    else if (param.name === "clusterName") value = clusterFor(h, op);
    else if (param.name === "name") value = h.fixtures.showcase.flexCluster;
    else {
      const listTemplate = op.path.slice(0, op.path.indexOf(slot) - 1);
      const list = all.find((o) => o.method === "GET" && o.path === listTemplate);
      if (!list) throw new Error(`${op.operationId}: no list operation gives ids for ${slot}`);
      value = await firstId(h, await fillPath(h, list, all), newest(list));
    }
    path = path.replace(slot, encodeURIComponent(value));
  }
  return path;
}

const snapshotsOf = (h: Harness, path: string, version: string) => firstId(h, path, version);

export async function bodyFor(h: Harness, operationId: string): Promise<unknown> {
  const s = h.fixtures.showcase;
  const base = `/groups/${s.groupId}`;
  switch (operationId) {
    case "createGroupClusterBackupExport":
      return {
        snapshotId: await snapshotsOf(h, `${base}/clusters/${s.exportCluster}/backup/snapshots`, "2023-01-01"),
        exportBucketId: await firstId(h, `${base}/backup/exportBuckets`, "2024-05-30"),
        customData: [{ key: "ticket", value: "FID-1" }],
      };
    case "createGroupClusterCollectionRestoreJob":
      return {
        snapshotId: await snapshotsOf(h, `${base}/clusters/${s.exportCluster}/backup/snapshots`, "2023-01-01"),
        collections: [{ sourceNamespace: "sales.orders", targetNamespace: "sales.orders_fidelity" }],
        databases: [{ sourceNamespace: "billing" }],
        indexStrategy: "ALL",
        writeStrategy: "CREATE_NEW",
        targetClusterName: s.exportCluster,
        targetGroupId: s.groupId,
      };
    case "createGroupClusterBackupRestoreJob":
      return {
        deliveryType: "download",
        snapshotId: await snapshotsOf(h, `${base}/clusters/${s.bigRestoreCluster}/backup/snapshots`, "2023-01-01"),
      };
    case "createGroupFlexClusterBackupRestoreJob":
      return {
        snapshotId: await snapshotsOf(h, `${base}/flexClusters/${s.flexCluster}/backup/snapshots`, "2024-11-13"),
        targetDeploymentItemName: s.flexCluster,
      };
    case "createGroupClusterBackupTenantRestore":
      return {
        snapshotId: await snapshotsOf(h, `${base}/clusters/${s.sharedM2Cluster}/backup/tenant/snapshots`, "2023-01-01"),
        targetDeploymentItemName: s.sharedM2Cluster,
      };
    default:
      throw new Error(`no request body known for ${operationId}`);
  }
}

export async function targetFor(h: Harness, op: SpecOperation, all: SpecOperation[]): Promise<Target> {
  if (op.method === "POST") return { path: await fillPath(h, op, all), body: await bodyFor(h, op.operationId) };
  if (op.method === "DELETE") {
    // Cancel a job this test created, so the showcase data stays as the other tests expect it.
    const create = all.find((o) => o.method === "POST" && op.path.startsWith(`${o.path}/`));
    if (!create) throw new Error(`${op.operationId}: no create operation to make a job to cancel`);
    const created = await h.atlas("POST", await fillPath(h, create, all), {
      accept: newest(create),
      body: await bodyFor(h, create.operationId),
    });
    const id = (created.json as { id?: string } | undefined)?.id;
    if (created.status !== 200 || !id)
      throw new Error(`create for cancel failed: ${created.status} ${created.text.slice(0, 200)}`);
    const collection = await fillPath(h, create, all);
    return { path: `${collection}/${id}` };
  }
  return { path: await fillPath(h, op, all) };
}
