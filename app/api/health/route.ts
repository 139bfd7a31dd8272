// GET /api/health - liveness only: no session needed and no call to Atlas
import { route } from "@/lib/server/route";

export const GET = route({ auth: false }, () => ({ status: "ok" }));
