// GET /api/projects/[groupId]/clusters - a project's clusters (dedicated, shared-tier and Flex) with their job kinds
import { listClusters } from "@/lib/server/atlas-services";
import { ProjectParams } from "@/lib/server/route-params";
import { route } from "@/lib/server/route";

export const GET = route({ params: ProjectParams }, ({ params }) => listClusters(params.groupId));
