// GET /api/projects/[groupId]/clusters/[clusterName]/collection-restores - one page of the cluster's collection-level restore jobs with exact per-status counts
import { JobListQuerySchema } from "@/lib/jobs/dto";
import { listJobs } from "@/lib/server/atlas-services";
import { ClusterParams } from "@/lib/server/route-params";
import { route } from "@/lib/server/route";

export const GET = route({ params: ClusterParams, query: JobListQuerySchema }, ({ params, query }) =>
  listJobs("collection-restore", params.groupId, params.clusterName, query),
);
