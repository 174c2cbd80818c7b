/**
 * GET /api/local-areas/<slug>/board-pack?format=pdf|docx&snapshot=<id>: the board pack of the
 * current state or of one snapshot, as a download. Permission and tenancy are the service's
 * (boardPack); the route file only binds it to the session (server/api/route.ts). It reads only,
 * so it records no audit event.
 */
import { z } from "zod";
import { boardPackContent } from "@/server/services/board-pack/content";
import { renderBoardPackDocx } from "@/server/services/board-pack/docx";
import { renderBoardPackPdf } from "@/server/services/board-pack/pdf";
import { BOARD_PACK_FORMATS, boardPackSchema, type BoardPackFormat } from "@/server/schemas/snapshot";
import { httpHandler, textResponse } from "@/server/services/core/http";
import { boardPack, type BoardPack } from "@/server/services/snapshots/snapshots";

const CONTENT_TYPE: Record<BoardPackFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

const formatSchema = z.enum(BOARD_PACK_FORMATS);


/** "northbridge-board-pack-2026-11-22.pdf": the area and the day the pack is as at. */
export const boardPackFileName = (pack: BoardPack, format: BoardPackFormat) =>
  `${pack.state.area.slug}-board-pack-${pack.state.asAt.slice(0, 10)}.${format}`;

export async function renderBoardPack(pack: BoardPack, format: BoardPackFormat): Promise<Buffer> {
  const outline = boardPackContent(pack);
  return format === "pdf" ? renderBoardPackPdf(outline) : renderBoardPackDocx(outline);
}

export const boardPackRoute = httpHandler<{ slug: string }>(
  { body: "text", signedOut: { status: 401, message: "Sign in to download the board pack." }, name: "board pack" },
  async (request, ctx, { slug }) => {
    const query = new URL(request.url).searchParams;
    const format = formatSchema.safeParse(query.get("format") ?? "pdf");
    if (!format.success) return textResponse(400, "Ask for format=pdf or format=docx.");
    const input = boardPackSchema.safeParse({ slug, snapshotId: query.get("snapshot") ?? undefined });
    // A malformed address or snapshot id names nothing there is.
    if (!input.success) return textResponse(404, "That board pack does not exist or you do not have access to it.");

    const pack = await boardPack(ctx, input.data);
    const body = await renderBoardPack(pack, format.data);
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": CONTENT_TYPE[format.data],
        "Content-Length": String(body.length),
        "Content-Disposition": `attachment; filename="${boardPackFileName(pack, format.data)}"`,
        // The pack may hold internal commentary and adviser views: never kept by a shared cache.
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
