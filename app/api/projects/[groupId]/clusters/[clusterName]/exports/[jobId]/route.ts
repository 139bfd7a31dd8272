// GET /api/projects/[groupId]/clusters/[clusterName]/exports/[jobId] - one of the cluster's snapshot export jobs with Atlas's own JSON (download URLs redacted)
import { getJob } from "@/lib/server/atlas-services";
import { ClusterJobParams } from "@/lib/server/route-params";
import { route } from "@/lib/server/route";

export const GET = route({ params: ClusterJobParams }, ({ params }) =>
  getJob("export", params.groupId, params.clusterName, params.jobId),
);
