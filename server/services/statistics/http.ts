/**
 * POST /api/statistics/import?mode=columns|preview|apply: a file of published statistics (one
 * CSV in the multipart field "file") for the catalogue measure or the statistical neighbours that
 * the field "target" names, with, for preview and apply, its column mapping as JSON (field
 * "mapping"). columns: the file's columns and the mapping to start from; preview: the report,
 * nothing written but its audit event; apply: the whole file or nothing, the mapping saved.
 * Administrators only (admin.manage), checked before the body is read.
 */
import { canGlobally } from "@/server/auth/permissions";
import { AppError } from "@/server/errors";
import {
  MAX_STATISTICS_BYTES,
  parseStatisticsMapping,
  statisticsImportModeSchema,
  statisticsTarget,
  type StatisticsColumns,
  type StatisticsImportReport,
} from "@/server/schemas/statistics";
import { fromAnotherSite, httpHandler, jsonResponse, readUploadForm, type Problem } from "@/server/services/core/http";
import { applyStatistics, previewStatistics, statisticsColumns } from "@/server/services/statistics/statistics-import";

const FILE = "file";
const TARGET = "target";
const MAPPING = "mapping";

/** The file plus the multipart boundaries and the other fields. */
export const MAX_STATISTICS_BODY_BYTES = MAX_STATISTICS_BYTES + 1024 * 1024;

const TOO_LARGE = `The file must be smaller than ${MAX_STATISTICS_BYTES / 1024 / 1024} MB. Filter it to the figures you need first.`;

const problem = (status: number, body: Problem) => jsonResponse(status, body);

export type StatisticsImportAnswer = StatisticsColumns | StatisticsImportReport;

export const statisticsImportRoute = httpHandler<Record<string, never>>(
  { body: "json", signedOut: { status: 401, message: "Sign in to continue." }, name: "statistics import" },
  async (request, ctx) => {
    if (fromAnotherSite(request)) return problem(403, { message: "Import statistics from Headway's own pages." });
    const mode = statisticsImportModeSchema.safeParse(new URL(request.url).searchParams.get("mode"));
    if (!mode.success) return problem(400, { message: "Ask for mode=columns to read the file's columns, mode=preview to check it, or mode=apply to import it." });
    // Permission before the body: someone who may not import is not made to send the file first.
    if (!canGlobally(ctx.viewer, "admin.manage")) return problem(403, { message: "Only an administrator can import published statistics." });

    const read = await readUploadForm(request, MAX_STATISTICS_BODY_BYTES);
    if (!read.ok) {
      if (read.refusal === "too large") return problem(413, { message: TOO_LARGE, fieldErrors: { [FILE]: TOO_LARGE } });
      if (read.refusal === "not a form") return problem(415, { message: "Send the statistics as a form with its file (multipart/form-data)." });
      return problem(400, { message: "The upload was incomplete. Try again." });
    }
    const target = statisticsTarget.safeParse(read.form.get(TARGET));
    if (!target.success) return problem(400, { message: "Choose what the file holds", fieldErrors: { [TARGET]: "Choose what the file holds" } });
    const chosen = read.form.getAll(FILE).filter((f): f is File => f instanceof File);
    if (chosen.length !== 1) {
      const message = chosen.length ? "Choose one file" : "Choose a CSV file of the figures";
      return problem(400, { message, fieldErrors: { [FILE]: message } });
    }
    const file = chosen[0]!;
    if (file.size > MAX_STATISTICS_BYTES) return problem(413, { message: TOO_LARGE, fieldErrors: { [FILE]: TOO_LARGE } });
    const name = file.name.trim().slice(0, 200) || "statistics.csv";
    const upload = { name, bytes: new Uint8Array(await file.arrayBuffer()) };

    try {
      if (mode.data === "columns") return jsonResponse(200, await statisticsColumns(ctx.db, target.data, upload));
      const text = read.form.get(MAPPING);
      const parsed = parseStatisticsMapping(target.data, typeof text === "string" ? text : "");
      if (!parsed.ok) return problem(400, { message: parsed.message, fieldErrors: { [MAPPING]: parsed.message } });
      if (mode.data === "preview") return jsonResponse(200, await previewStatistics(ctx, target.data, upload, parsed.mapping));
      return jsonResponse(200, await applyStatistics(ctx.db, { viewer: ctx.viewer, requestId: ctx.requestId, source: "web" }, target.data, upload, parsed.mapping));
    } catch (error) {
      // A file that cannot be read: the sentence says what to do, beside the file field.
      if (error instanceof AppError && error.code === "INVALID") return problem(400, { message: error.message, fieldErrors: { [FILE]: error.message } });
      throw error;
    }
  },
);
