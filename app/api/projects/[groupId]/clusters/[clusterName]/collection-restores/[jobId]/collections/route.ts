// GET /api/projects/[groupId]/clusters/[clusterName]/collection-restores/[jobId]/collections - one page of the job's per-collection states (Atlas's paging; `state` filter)
import { CollectionListQuerySchema } from "@/lib/jobs/dto";
import { listRestoredCollections } from "@/lib/server/atlas-services";
import { ClusterJobParams } from "@/lib/server/route-params";
import { route } from "@/lib/server/route";

export const GET = route({ params: ClusterJobParams, query: CollectionListQuerySchema }, ({ params, query }) =>
  listRestoredCollections(params.groupId, params.clusterName, params.jobId, query),
);
