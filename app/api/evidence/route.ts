import { randomUUID } from "node:crypto";
import { viewerOf } from "@/server/api/trpc";
import { getSession } from "@/server/auth/options";
import { getDb } from "@/server/db";
import { handleEvidenceUpload } from "@/server/evidence/http";
import { unlessDatabaseDown } from "@/server/resilience/database-gate";

export const dynamic = "force-dynamic";

/** Upload a file as evidence (multipart/form-data): see server/evidence/http.ts. */
export const POST = unlessDatabaseDown(async function POST(request: Request) {
  const session = await getSession();
  return handleEvidenceUpload(request, { db: getDb(), session, viewer: viewerOf(session), requestId: randomUUID() });
});
