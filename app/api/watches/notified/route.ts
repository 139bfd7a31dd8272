// PUT /api/watches/notified - a tab showed this outcome of a watched job; no tab or reload shows it again
import { markWatchNotified } from "@/lib/server/atlas-services";
import { route } from "@/lib/server/route";
import { NotifiedBodySchema } from "@/lib/watches/dto";
import { userIdOf } from "@/lib/server/auth/session";

export const PUT = route({ body: NotifiedBodySchema }, ({ body, session }) =>
  markWatchNotified(userIdOf(session), body),
);
