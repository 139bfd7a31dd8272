// GET /api/projects/[groupId]/clusters/[clusterName]/collection-restores/[jobId] - one collection restore job, with how its collections ended and Atlas's own JSON
import { getJob } from "@/lib/server/atlas-services";
import { ClusterJobParams } from "@/lib/server/route-params";
import { route } from "@/lib/server/route";

export const GET = route({ params: ClusterJobParams }, ({ params }) =>
  getJob("collection-restore", params.groupId, params.clusterName, params.jobId),
);
