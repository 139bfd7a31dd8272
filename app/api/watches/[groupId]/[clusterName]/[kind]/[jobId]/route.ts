// DELETE /api/watches/{groupId}/{clusterName}/{kind}/{jobId} - stop watching that job
import { removeWatch } from "@/lib/server/atlas-services";
import { route } from "@/lib/server/route";
import { WatchTargetSchema } from "@/lib/watches/dto";
import { userIdOf } from "@/lib/server/auth/session";

export const DELETE = route({ params: WatchTargetSchema }, ({ params, session }) =>
  removeWatch(userIdOf(session), params),
);
