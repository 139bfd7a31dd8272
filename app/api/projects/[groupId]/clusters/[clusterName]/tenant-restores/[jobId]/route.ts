// GET /api/projects/[groupId]/clusters/[clusterName]/tenant-restores/[jobId] - one of the shared-tier cluster's legacy restore jobs (with deprecation) with Atlas's own JSON (download URLs redacted)
import { getJob } from "@/lib/server/atlas-services";
import { ClusterJobParams } from "@/lib/server/route-params";
import { route } from "@/lib/server/route";

export const GET = route({ params: ClusterJobParams }, ({ params }) =>
  getJob("tenant-restore", params.groupId, params.clusterName, params.jobId),
);
