import { randomUUID } from "node:crypto";
import { viewerOf } from "@/server/api/trpc";
import { getSession } from "@/server/auth/options";
import { handleBoardPackDownload } from "@/server/board-pack/http";
import { getDb } from "@/server/db";
import { unlessDatabaseDown } from "@/server/resilience/database-gate";

export const dynamic = "force-dynamic";

/** The board pack as PDF or Word: `?format=pdf|docx`, and `&snapshot=<id>` for a snapshot's. See server/board-pack/http.ts. */
export const GET = unlessDatabaseDown(async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const session = await getSession();
  return handleBoardPackDownload(request, { db: getDb(), session, requestId: randomUUID(), viewer: viewerOf(session) }, slug);
});
