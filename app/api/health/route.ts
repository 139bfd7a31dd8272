// GET /api/health - liveness and the shared store's state (degraded while Redis is away); no session, no Atlas call
import { storeHealth } from "@/lib/server/atlas-services";
import { route } from "@/lib/server/route";

export const GET = route({ auth: false }, () => {
  const store = storeHealth();
  return { status: store.state === "ok" ? "ok" : "degraded", store };
});
