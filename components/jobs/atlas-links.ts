/** The cluster's backup page in the Atlas UI; the base comes from server env ATLAS_UI_BASE_URL. */
export function atlasBackupUrl(base: string, groupId: string, clusterName: string): string {
  return `${base.replace(/\/$/, "")}/v2/${groupId}#/clusters/detail/${encodeURIComponent(clusterName)}/backup`;
}
