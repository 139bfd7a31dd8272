// GET /api/now/find?id= - which cluster of the estate has the job with this id
import { FindQuerySchema } from "@/lib/now/dto";
import { findJob } from "@/lib/server/atlas-services";
import { route } from "@/lib/server/route";

export const GET = route({ query: FindQuerySchema }, ({ query }) => findJob(query.id));
