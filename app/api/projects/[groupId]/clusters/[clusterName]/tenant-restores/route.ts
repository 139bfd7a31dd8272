// GET /api/projects/[groupId]/clusters/[clusterName]/tenant-restores - one page of the shared-tier cluster's legacy restore jobs (with deprecation) with exact per-status counts
import { JobListQuerySchema } from "@/lib/jobs/dto";
import { listJobs } from "@/lib/server/atlas-services";
import { ClusterParams } from "@/lib/server/route-params";
import { route } from "@/lib/server/route";

export const GET = route({ params: ClusterParams, query: JobListQuerySchema }, ({ params, query }) =>
  listJobs("tenant-restore", params.groupId, params.clusterName, query),
);
