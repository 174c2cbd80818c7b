import { viewerOf } from "@/server/api/trpc";
import { getSession } from "@/server/auth/options";
import { getDb } from "@/server/db";
import { planDownload } from "@/server/import-export/plan-transfer";
import { unlessDatabaseDown } from "@/server/resilience/database-gate";

export const dynamic = "force-dynamic";

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * The area's current plan as a workbook: `?format=xlsx` (the default) or `?format=csv&sheet=Findings`.
 * For people who may read the area's internal records; everyone else gets "not found".
 */
export const GET = unlessDatabaseDown(async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const viewer = viewerOf(await getSession());
  if (!viewer) return plain(401, "Sign in to download the plan.");
  const { slug } = await params;
  const url = new URL(request.url);
  const download = await planDownload(getDb(), viewer, { slug, format: url.searchParams.get("format"), sheet: url.searchParams.get("sheet") });
  if (!download.ok) return plain(download.status, download.message);
  return new Response(download.body as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": download.contentType,
      "Content-Disposition": `attachment; filename="${download.fileName}"`,
      // Owners' email addresses: never kept by a shared cache.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
