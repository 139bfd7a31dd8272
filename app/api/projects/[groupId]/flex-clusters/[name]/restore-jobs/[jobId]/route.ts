// GET /api/projects/[groupId]/flex-clusters/[name]/restore-jobs/[jobId] - one of the Flex cluster's restore jobs with Atlas's own JSON (download URLs redacted)
import { getJob } from "@/lib/server/atlas-services";
import { FlexJobParams } from "@/lib/server/route-params";
import { route } from "@/lib/server/route";

export const GET = route({ params: FlexJobParams }, ({ params }) =>
  getJob("flex-restore", params.groupId, params.name, params.jobId),
);
