// GET|POST /api/auth/* - next-auth's sign-in, callback, session and sign-out endpoints
import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/options";

function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
