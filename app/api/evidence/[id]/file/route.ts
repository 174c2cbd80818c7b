import { viewerOf } from "@/server/api/trpc";
import { getSession } from "@/server/auth/options";
import { getDb } from "@/server/db";
import { handleEvidenceDownload } from "@/server/evidence/http";
import { unlessDatabaseDown } from "@/server/resilience/database-gate";

export const dynamic = "force-dynamic";

/** Download an evidence file, after a permission check on every request: see server/evidence/http.ts. */
export const GET = unlessDatabaseDown(async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await getSession();
  return handleEvidenceDownload({ db: getDb(), viewer: viewerOf(session) }, id);
});
