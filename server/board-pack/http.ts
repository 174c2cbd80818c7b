/**
 * GET /api/local-areas/<slug>/board-pack?format=pdf|docx&snapshot=<id>: the board pack of the
 * current state or of one snapshot, as a download. Permission and tenancy are the service's
 * (boardPack); the route file only finds the session. Kept apart from Next so tests can call it
 * with a plain Request. It reads only, so it records no audit event.
 */
import { z } from "zod";
import type { AuthedContext } from "@/server/api/trpc";
import type { Viewer } from "@/server/auth/permissions";
import { boardPackContent } from "@/server/board-pack/content";
import { renderBoardPackDocx } from "@/server/board-pack/docx";
import { renderBoardPackPdf } from "@/server/board-pack/pdf";
import { AppError } from "@/server/errors";
import { STATUS } from "@/server/evidence/http";
import { BOARD_PACK_FORMATS, boardPackSchema, type BoardPackFormat } from "@/server/schemas/snapshot";
import { boardPack, type BoardPack } from "@/server/services/snapshots";

export type BoardPackRequestContext = Omit<AuthedContext, "viewer"> & { viewer: Viewer | null };

const CONTENT_TYPE: Record<BoardPackFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

const formatSchema = z.enum(BOARD_PACK_FORMATS);

const plain = (status: number, message: string) =>
  new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });

/** "northbridge-board-pack-2026-11-22.pdf": the area and the day the pack is as at. */
export const boardPackFileName = (pack: BoardPack, format: BoardPackFormat) =>
  `${pack.state.area.slug}-board-pack-${pack.state.asAt.slice(0, 10)}.${format}`;

export async function renderBoardPack(pack: BoardPack, format: BoardPackFormat): Promise<Buffer> {
  const outline = boardPackContent(pack);
  return format === "pdf" ? renderBoardPackPdf(outline) : renderBoardPackDocx(outline);
}

export async function handleBoardPackDownload(request: Request, ctx: BoardPackRequestContext, slug: string): Promise<Response> {
  const { viewer } = ctx;
  if (!viewer) return plain(401, "Sign in to download the board pack.");
  const query = new URL(request.url).searchParams;
  const format = formatSchema.safeParse(query.get("format") ?? "pdf");
  if (!format.success) return plain(400, "Ask for format=pdf or format=docx.");
  const input = boardPackSchema.safeParse({ slug, snapshotId: query.get("snapshot") ?? undefined });
  // A malformed address or snapshot id names nothing there is.
  if (!input.success) return plain(404, "That board pack does not exist or you do not have access to it.");

  let pack: BoardPack;
  try {
    pack = await boardPack({ ...ctx, viewer }, input.data);
  } catch (error) {
    if (error instanceof AppError) return plain(STATUS[error.code], error.message);
    throw error;
  }
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
}
