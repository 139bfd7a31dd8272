// GET /api/projects/[groupId]/flex-clusters/[name]/restore-jobs/[jobId]/download - the job's download URLs (operators only)
import { getJobDownloadLinks } from "@/lib/server/atlas-services";
import { FlexJobParams } from "@/lib/server/route-params";
import { route } from "@/lib/server/route";

export const GET = route({ params: FlexJobParams, role: "operator" }, ({ params }) =>
  getJobDownloadLinks("flex-restore", params.groupId, params.name, params.jobId),
);
