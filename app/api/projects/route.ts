// GET /api/projects - the Atlas projects Backwatch may show
import { listProjects } from "@/lib/atlas/service";
import { route } from "@/lib/server/route";

export const GET = route({}, () => listProjects());
