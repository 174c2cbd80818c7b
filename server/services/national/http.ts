/**
 * GET /api/national/export?format=xlsx|csv&<the view's sort and filters>: the national view as a
 * file, holding exactly what the page shows for the same address. The address is read as the page
 * reads it (nationalViewFrom: a value that makes no sense is dropped), and the rows come from the
 * page's own service, which lets in the national team (every area) and advisers (their areas) and
 * refuses everyone else. It reads only, so it records no audit event.
 */
import { fromDay } from "@/lib/calendar";
import { nationalScope } from "@/server/auth/national-scope";
import { forbidden } from "@/server/errors";
import { NATIONAL_EXPORT_FORMATS, nationalViewFrom, type NationalExportFormat } from "@/server/schemas/national";
import { httpHandler, textResponse } from "@/server/services/core/http";
import { today } from "@/server/services/core/today";
import { aboutExport, nationalCsv, nationalExportTable, nationalXlsx } from "@/server/services/national/export";
import { nationalOverview } from "@/server/services/national/national";

const CONTENT_TYPE: Record<NationalExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

/** "national-view-2026-12-08.xlsx" */
export const nationalExportFileName = (on: Date, format: NationalExportFormat) => `national-view-${fromDay(on)}.${format}`;

export const nationalExportRoute = httpHandler<Record<string, never>>(
  { body: "text", signedOut: { status: 401, message: "Sign in to download the national view." }, name: "national view export" },
  async (request, ctx) => {
    // Refused before anything else is read, as the page is.
    if (!nationalScope(ctx.viewer)) throw forbidden("The national view is for the national team and for advisers.");
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const format = NATIONAL_EXPORT_FORMATS.find((f) => f === query.format);
    if (!format) return textResponse(400, "Choose the format of the download: xlsx or csv.");
    const view = nationalViewFrom(query);
    const { scope, rows, advisers, monthAgo } = await nationalOverview(ctx, view);
    const table = nationalExportTable(rows, monthAgo);
    const exportedAt = today();
    const body =
      format === "xlsx"
        ? new Uint8Array(await nationalXlsx(table, aboutExport({ view, advisers, scope, shown: rows.length, monthAgo, exportedAt })))
        : nationalCsv(table);
    return new Response(body, {
      headers: {
        "Content-Type": CONTENT_TYPE[format],
        "Content-Disposition": `attachment; filename="${nationalExportFileName(exportedAt, format)}"`,
        // Advisers' views on areas: never kept by a shared cache.
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
