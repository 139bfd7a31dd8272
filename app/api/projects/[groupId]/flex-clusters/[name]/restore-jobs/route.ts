// GET /api/projects/[groupId]/flex-clusters/[name]/restore-jobs - one page of the Flex cluster's restore jobs with exact per-status counts
import { JobListQuerySchema } from "@/lib/jobs/dto";
import { listJobs } from "@/lib/server/atlas-services";
import { FlexParams } from "@/lib/server/route-params";
import { route } from "@/lib/server/route";

export const GET = route({ params: FlexParams, query: JobListQuerySchema }, ({ params, query }) =>
  listJobs("flex-restore", params.groupId, params.name, query),
);
