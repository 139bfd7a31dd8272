import { memo } from "react";
import { AtlasBackupsLink } from "@/components/jobs/atlas-backups-link";
import { TIER_LABEL } from "@/components/jobs/labels";
import { Badge } from "@/components/ui/badge";
import type { Cluster } from "@/lib/jobs/dto";

export const ClusterHeader = memo(function ClusterHeader({
  clusterName,
  clusters,
  groupId,
  atlasUiBaseUrl,
}: {
  clusterName: string;
  clusters: Cluster[];
  groupId: string;
  atlasUiBaseUrl: string;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-semibold">{clusterName}</h1>
        {clusters.map((c) => (
          <Badge key={c.tier} tone={c.tier === "dedicated" ? "blue" : c.tier === "flex" ? "green" : "amber"}>
            {TIER_LABEL[c.tier]}
            {c.instanceSize && c.instanceSize !== "FLEX" ? ` · ${c.instanceSize}` : ""}
            {c.stateName ? ` · ${c.stateName}` : ""}
          </Badge>
        ))}
      </div>
      <AtlasBackupsLink baseUrl={atlasUiBaseUrl} groupId={groupId} clusterName={clusterName} />
    </div>
  );
});
