// GET /api/projects - the Atlas projects Backwatch may show
import { listProjects } from "@/lib/server/atlas-services";
import { route } from "@/lib/server/route";

export const GET = route({}, () => listProjects());
