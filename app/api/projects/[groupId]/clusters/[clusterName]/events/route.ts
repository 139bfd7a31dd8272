// GET /api/projects/[groupId]/clusters/[clusterName]/events?window=24h - the cluster's backup events of the window, from the store
import { ClusterEventsQuerySchema } from "@/lib/jobs/dto";
import { listClusterEvents } from "@/lib/server/atlas-services";
import { ClusterParams } from "@/lib/server/route-params";
import { route } from "@/lib/server/route";

export const GET = route({ params: ClusterParams, query: ClusterEventsQuerySchema }, ({ params, query }) =>
  listClusterEvents(params.groupId, params.clusterName, query.window),
);
