import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { unlessDatabaseDown } from "@/server/resilience/database-gate";
import { transportSecure } from "@/server/transport-security";

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Built on first request, so `next build` needs no database. A 503 while the database is out of reach.
// HSTS in production, as on every response (server/transport-security.ts).
const handler: Handler = transportSecure(
  unlessDatabaseDown((...args: Parameters<Handler>) => (NextAuth(authOptions()) as Handler)(...args)),
);

export { handler as GET, handler as POST };
