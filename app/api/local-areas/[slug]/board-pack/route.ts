import { route } from "@/server/api/route";
import { boardPackRoute } from "@/server/services/board-pack/http";

export const dynamic = "force-dynamic";

/** The board pack as PDF or Word: `?format=pdf|docx`, and `&snapshot=<id>` for a snapshot's. See server/services/board-pack/http.ts. */
export const GET = route(boardPackRoute);
