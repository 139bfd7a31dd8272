// GET /api/session - the signed-in user's name and role
import { route } from "@/lib/server/route";

export const GET = route({}, ({ session }) => ({ name: session?.user.name, role: session?.user.role }));
