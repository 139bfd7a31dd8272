// GET /api/watches - the signed-in user's watched jobs with their state from the read model (never a download URL)
// PUT /api/watches - watch one job ({ groupId, clusterName, kind, jobId }); 409 past the per-user cap
import { addWatch, listWatches } from "@/lib/server/atlas-services";
import { route } from "@/lib/server/route";
import { WatchTargetSchema } from "@/lib/watches/dto";
import { userIdOf } from "@/lib/server/auth/session";

export const GET = route({}, ({ session }) => listWatches(userIdOf(session)));

export const PUT = route({ body: WatchTargetSchema }, ({ body, session }) => addWatch(userIdOf(session), body));
