// GET /api/now - every backup job that matters across the estate (the Now page's data), from the store only
import { NowQuerySchema } from "@/lib/now/dto";
import { readNow } from "@/lib/server/atlas-services";
import { route } from "@/lib/server/route";

export const GET = route({ query: NowQuerySchema }, ({ query }) => readNow(query));
