import { createContext } from "@/server/api/context";
import { handleTrpcRequest } from "@/server/api/trpc-http";
import { transportSecure } from "@/server/transport-security";

/** Queries by GET, mutations by POST with a JSON body only: see server/api/trpc-http.ts. */
const handler = transportSecure((req: Request) => handleTrpcRequest(req, createContext));

export { handler as GET, handler as POST };
