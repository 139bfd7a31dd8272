// GET /api/metrics - every series in the Prometheus text format, read from the store (a scrape never calls
// Atlas); bearer BACKWATCH_METRICS_TOKEN instead of a session, 404 while it is unset
import { metricsText } from "@/lib/server/atlas-services";
import { serverEnv } from "@/lib/server/env";
import { route } from "@/lib/server/route";

export const GET = route({ bearer: () => serverEnv().BACKWATCH_METRICS_TOKEN }, async () => {
  const { text, contentType } = await metricsText();
  return new Response(text, { headers: { "Content-Type": contentType } });
});
