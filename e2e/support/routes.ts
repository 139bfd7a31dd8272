import type { Fixtures } from "./simulator-control";

export type JobRouteKind = "restore" | "export" | "tenant-restore" | "flex-restore" | "collection-restore";

/** Our API's list path for a job kind on one of the showcase clusters. */
export function listPath(kind: JobRouteKind, groupId: string, cluster: string): string {
  const base = `/api/projects/${groupId}`;
  switch (kind) {
    case "restore":
      return `${base}/clusters/${cluster}/restore-jobs`;
    case "export":
      return `${base}/clusters/${cluster}/exports`;
    case "tenant-restore":
      return `${base}/clusters/${cluster}/tenant-restores`;
    case "flex-restore":
      return `${base}/flex-clusters/${cluster}/restore-jobs`;
    case "collection-restore":
      return `${base}/clusters/${cluster}/collection-restores`;
  }
}

/** The Atlas path (after /api/atlas/v2) that backs a job list. */
export function atlasListPath(kind: JobRouteKind, groupId: string, cluster: string): string {
  const base = `/groups/${groupId}`;
  switch (kind) {
    case "restore":
      return `${base}/clusters/${cluster}/backup/restoreJobs`;
    case "export":
      return `${base}/clusters/${cluster}/backup/exports`;
    case "tenant-restore":
      return `${base}/clusters/${cluster}/backup/tenant/restores`;
    case "flex-restore":
      return `${base}/flexClusters/${cluster}/backup/restoreJobs`;
    case "collection-restore":
      return `${base}/clusters/${cluster}/collectionRestoreJobs`;
  }
}

export const hasDownload = (kind: JobRouteKind) => kind !== "export" && kind !== "collection-restore";

/** Each job kind with the showcase cluster that has every state of it. */
export function showcaseClusters(fx: Fixtures): Array<{ kind: JobRouteKind; cluster: string }> {
  const s = fx.showcase;
  return [
    { kind: "restore", cluster: s.bigRestoreCluster },
    { kind: "export", cluster: s.exportCluster },
    { kind: "tenant-restore", cluster: s.sharedM2Cluster },
    { kind: "flex-restore", cluster: s.flexCluster },
    // The showcase's collection restores are on its big restore cluster (payments-prod).
    { kind: "collection-restore", cluster: s.bigRestoreCluster },
  ];
}

/** Every authenticated route of our API, with well-formed (not necessarily existing) ids. */
export function everyRoute(fx: Fixtures, jobId = "0123456789abcdef01234567"): string[] {
  const g = fx.showcase.groupId;
  const routes = ["/api/session", "/api/projects", `/api/projects/${g}/clusters`, "/api/now"];
  for (const { kind, cluster } of showcaseClusters(fx)) {
    const list = listPath(kind, g, cluster);
    routes.push(list, `${list}/${jobId}`);
    if (hasDownload(kind)) routes.push(`${list}/${jobId}/download`);
    if (kind === "collection-restore") routes.push(`${list}/${jobId}/collections`);
  }
  return routes;
}

export const randomId = () => Array.from({ length: 24 }, () => Math.floor(Math.random() * 16).toString(16)).join("");
export const randomName = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
