import { atlasBackupUrl } from "./atlas-links";

/** Opens the cluster's backup page in the Atlas UI in a new tab. */
export function AtlasBackupsLink({
  baseUrl,
  groupId,
  clusterName,
}: {
  baseUrl: string;
  groupId: string;
  clusterName: string;
}) {
  return (
    <a
      href={atlasBackupUrl(baseUrl, groupId, clusterName)}
      target="_blank"
      rel="noreferrer"
      className="rounded text-sm text-blue-800 underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-200"
    >
      Open cluster backups in Atlas
    </a>
  );
}
