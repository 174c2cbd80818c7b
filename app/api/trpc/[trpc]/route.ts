import { createContext } from "@/server/api/context";
import { handleTrpcRequest } from "@/server/api/trpc-http";

/** Queries by GET, mutations by POST with a JSON body only: see server/api/trpc-http.ts. */
const handler = (req: Request) => handleTrpcRequest(req, createContext);

export { handler as GET, handler as POST };
