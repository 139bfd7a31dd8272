// GET /api/projects/[groupId]/clusters/[clusterName]/tenant-restores/[jobId]/download - the job's download URLs (operators only)
import { getJobDownloadLinks } from "@/lib/server/atlas-services";
import { ClusterJobParams } from "@/lib/server/route-params";
import { route } from "@/lib/server/route";

export const GET = route({ params: ClusterJobParams, role: "operator" }, ({ params }) =>
  getJobDownloadLinks("tenant-restore", params.groupId, params.clusterName, params.jobId),
);
