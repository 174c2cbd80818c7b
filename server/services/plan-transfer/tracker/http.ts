/**
 * POST /api/local-areas/<slug>/tracker-import?mode=columns|preview|apply: a council's own plan
 * tracker (one .xlsx or .csv, in the multipart field "file") with, for preview and apply, its
 * column mapping as JSON (field "mapping"). columns: the file's sheets and columns and the mapping
 * to start from (the area's saved one when it fits); preview: the template's check report, writes
 * nothing but its audit event; apply: the whole import or nothing, and the mapping remembered.
 * Plan leads only (plan.edit), checked before the body is read, as for a workbook.
 */
import { fieldErrorsOf } from "@/server/errors";
import { slug as slugSchema } from "@/server/schemas/common";
import { MAX_UPLOAD_BYTES, planImportFilesSchema, UPLOAD_MESSAGES, type ImportCheck, type ImportOutcome } from "@/server/schemas/plan-transfer";
import { parseTrackerMapping, trackerImportModeSchema, type TrackerColumns } from "@/server/schemas/tracker-mapping";
import { areaBySlug } from "@/server/services/core/access";
import { inTransaction, recordAudit } from "@/server/services/core/audit";
import type { ServiceContext } from "@/server/services/core/context";
import { fromAnotherSite, httpHandler, jsonResponse, readUploadForm, SOMETHING_WENT_WRONG, type Problem } from "@/server/services/core/http";
import { MAX_IMPORT_BODY_BYTES } from "@/server/services/plan-transfer/http";
import { digestOf, type ImportReport } from "@/server/services/plan-transfer/plan-import";
import { forBrowser } from "@/server/services/plan-transfer/plan-transfer";
import type { UploadedFile } from "@/server/services/plan-transfer/read-workbook";
import { applyTrackerImport, previewTrackerImport, readTracker, trackerColumns } from "@/server/services/plan-transfer/tracker/tracker-import";
import { AppError } from "@/server/errors";

const FILE = "file";
const MAPPING = "mapping";

const problem = (status: number, body: Problem) => jsonResponse(status, body);
const tooLarge = () => problem(413, { message: UPLOAD_MESSAGES.tooLarge, fieldErrors: { [FILE]: UPLOAD_MESSAGES.tooLarge } });

export type TrackerImportAnswer = TrackerColumns | ImportCheck | (ImportOutcome & { mappingSaved: boolean });

export const trackerImportRoute = httpHandler<{ slug: string }>(
  { body: "json", signedOut: { status: 401, message: "Sign in to continue." }, name: "tracker import" },
  async (request, ctx, params) => {
    if (fromAnotherSite(request)) return problem(403, { message: "Import a plan from Headway's own pages." });
    const mode = trackerImportModeSchema.safeParse(new URL(request.url).searchParams.get("mode"));
    if (!mode.success) return problem(400, { message: "Ask for mode=columns to read the tracker's columns, mode=preview to check it, or mode=apply to import it." });
    const slug = slugSchema.safeParse(params.slug);
    if (!slug.success) return problem(404, { message: "Page not found" });
    // Permission before the body: someone who may not import is not made to send the file first.
    const area = await areaBySlug(ctx, slug.data, "plan.edit");

    const read = await readUploadForm(request, MAX_IMPORT_BODY_BYTES);
    if (!read.ok) {
      if (read.refusal === "too large") return tooLarge();
      if (read.refusal === "not a form") return problem(415, { message: "Send the tracker as a form with its file (multipart/form-data)." });
      return problem(400, { message: "The upload was incomplete. Try again." });
    }
    const chosen = read.form.getAll(FILE).filter((f): f is File => f instanceof File);
    if (chosen.length > 1) return problem(400, { message: "Choose one file", fieldErrors: { [FILE]: "Choose one file" } });
    const checked = planImportFilesSchema.safeParse({ files: chosen.map((f) => ({ name: f.name, size: f.size })) });
    if (!checked.success) {
      const message = Object.values(fieldErrorsOf(checked.error) ?? {})[0]?.replace("a workbook (.xlsx) or CSV files", "your tracker (.xlsx or .csv)") ?? SOMETHING_WENT_WRONG;
      return problem(400, { message, fieldErrors: { [FILE]: message } });
    }
    if (chosen[0]!.size > MAX_UPLOAD_BYTES) return tooLarge();

    let mapping = null;
    if (mode.data !== "columns") {
      const text = read.form.get(MAPPING);
      const parsed = parseTrackerMapping(typeof text === "string" ? text : "");
      if (!parsed.ok) return problem(400, { message: parsed.message, fieldErrors: { [MAPPING]: parsed.message } });
      mapping = parsed.mapping;
    }

    const file: UploadedFile = { name: checked.data.files[0]!.name, bytes: new Uint8Array(await chosen[0]!.arrayBuffer()) };
    let workbook;
    try {
      workbook = await readTracker([file]);
    } catch (error) {
      // Not a spreadsheet, or beyond the limits: the sentence says what to do.
      if (error instanceof AppError && error.code === "INVALID") return problem(400, { message: error.message, fieldErrors: { [FILE]: error.message } });
      throw error;
    }

    if (mode.data === "columns") return jsonResponse(200, await trackerColumns(ctx.db, area.id, file, workbook));
    if (mode.data === "preview") {
      const report = await previewTrackerImport(ctx.db, area.id, workbook, mapping!);
      await auditPreview(ctx, area.id, file, report);
      return jsonResponse(200, forBrowser(report));
    }
    const result = await applyTrackerImport(
      ctx.db,
      { viewer: ctx.viewer, requestId: ctx.requestId, source: "web", file: file.name, sha256: digestOf([file]) },
      area.id,
      workbook,
      mapping!,
    );
    return jsonResponse(200, { status: result.status, mappingSaved: result.mappingSaved, ...forBrowser(result.report) });
  },
);

/** Who checked which tracker, as for a workbook's check. */
function auditPreview(ctx: ServiceContext, localAreaId: string, file: UploadedFile, report: ImportReport) {
  return inTransaction(ctx, (tx) =>
    recordAudit(tx, ctx, {
      action: "plan.import.preview",
      entityType: "LocalArea",
      entityId: localAreaId,
      localAreaId,
      after: {
        tracker: true,
        files: [{ name: file.name, bytes: file.bytes.byteLength }],
        sha256: digestOf([file]),
        errors: report.errors.length,
        warnings: report.warnings.length,
        changes: report.changes.length,
      },
    }),
  );
}
