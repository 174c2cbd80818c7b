import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { unlessDatabaseDown } from "@/server/resilience/database-gate";

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Built on first request, so `next build` needs no database. A 503 while the database is out of reach.
const handler: Handler = unlessDatabaseDown((req, ctx) => (NextAuth(authOptions()) as Handler)(req, ctx));

export { handler as GET, handler as POST };
