/**
 * Plan workbook import and export for signed-in people: the plan lead of an area (plan.edit)
 * checks a file, then applies it (the upload route is http.ts). The work itself is
 * plan-import.ts's, shared with the command line.
 */
import { randomUUID } from "node:crypto";
import { canGlobally, type Viewer } from "@/server/auth/permissions";
import { AppError, forbidden } from "@/server/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/services/core/context";
import { httpHandler, textResponse } from "@/server/services/core/http";
import {
  applyImportFiles,
  digestOf,
  newAreaFromFiles,
  previewImportFiles,
  summarise,
  type ImportReport,
} from "@/server/services/plan-transfer/plan-import";
import { exportFileName, exportPlanSheetCsv, exportPlanWorkbook } from "@/server/services/plan-transfer/plan-export";
import { exportPlanJson, planJsonFileName } from "@/server/services/plan-transfer/plan-json";
import type { UploadedFile } from "@/server/services/plan-transfer/read-workbook";
import { SHEET_NAMES } from "@/server/schemas/plan-workbook";
import { slug as slugSchema } from "@/server/schemas/common";
import type { ImportCheck, ImportOutcome, NewAreaOutcome, PlanImportMode } from "@/server/schemas/plan-transfer";
import { areaBySlug, CURRENT_PLAN } from "@/server/services/core/access";
import { inTransaction, recordAudit } from "@/server/services/core/audit";

/** What the import page shows before a file is chosen: the area and its current plan. */
export async function transferOverview(ctx: ServiceContext, slug: string) {
  const area = await areaBySlug(ctx, slug, "plan.edit");
  const plan = await ctx.db.plan.findFirst({
    ...CURRENT_PLAN,
    where: { ...CURRENT_PLAN.where, localAreaId: area.id },
    select: { id: true, title: true, type: true, status: true, _count: { select: { findings: true, measures: true } } },
  });
  const actions = plan ? await ctx.db.action.count({ where: { localAreaId: area.id, finding: { planId: plan.id } } }) : 0;
  return {
    area,
    plan: plan && { title: plan.title, type: plan.type, status: plan.status, findings: plan._count.findings, actions, measures: plan._count.measures },
    sheets: SHEET_NAMES,
  };
}

/** A long list of problems is cut short for the browser (a workbook's or a tracker's); the counts stay exact. */
const SHOWN = 500;
export function forBrowser(report: ImportReport): ImportCheck {
  return {
    errors: report.errors.slice(0, SHOWN),
    warnings: report.warnings.slice(0, SHOWN),
    changes: report.changes.slice(0, SHOWN * 4),
    errorCount: report.errors.length,
    warningCount: report.warnings.length,
    changeCount: report.changes.length,
    summary: summarise(report.changes),
  };
}

/** The dry run. Writes nothing but the audit record of who checked which file. */
export async function previewUpload(ctx: ServiceContext, slug: string, files: readonly UploadedFile[]): Promise<ImportCheck> {
  const area = await areaBySlug(ctx, slug, "plan.edit");
  const report = await previewImportFiles(ctx.db, area.id, files);
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, ctx, {
      action: "plan.import.preview",
      entityType: "LocalArea",
      entityId: area.id,
      localAreaId: area.id,
      after: {
        files: files.map((f) => ({ name: f.name, bytes: f.bytes.byteLength })),
        sha256: digestOf(files),
        errors: report.errors.length,
        warnings: report.warnings.length,
        changes: report.changes.length,
      },
    }),
  );
  return forBrowser(report);
}

/** The import: all of it, in one transaction, or nothing when the file has errors. */
export async function applyUpload(ctx: ServiceContext, slug: string, files: readonly UploadedFile[]): Promise<ImportOutcome> {
  const area = await areaBySlug(ctx, slug, "plan.edit");
  const result = await applyImportFiles(
    ctx.db,
    { viewer: ctx.viewer, requestId: ctx.requestId, source: "web", file: files.map((f) => f.name).join(", "), sha256: digestOf(files) },
    area.id,
    files,
  );
  return { status: result.status, ...forBrowser(result.report) };
}

/**
 * An ADMIN starts a new area from a plan workbook: checked (writes nothing but the audit record of
 * the check) or made, with its plan, in one transaction.
 */
export async function newAreaUpload(ctx: ServiceContext, files: readonly UploadedFile[], mode: PlanImportMode): Promise<NewAreaOutcome> {
  if (!canGlobally(ctx.viewer, "admin.manage")) throw forbidden("Only an administrator can start a new local area.");
  const actor = { viewer: ctx.viewer, requestId: ctx.requestId, source: "web" as const, file: files.map((f) => f.name).join(", "), sha256: digestOf(files) };
  const result = await newAreaFromFiles(ctx.db, actor, files, { apply: mode === "apply" });
  if (mode === "preview") {
    await inTransaction(ctx, (tx) =>
      recordAudit(tx, ctx, {
        action: "area.import.preview",
        entityType: "LocalArea",
        entityId: result.area?.slug ?? "new",
        after: { files: files.map((f) => ({ name: f.name, bytes: f.bytes.byteLength })), sha256: actor.sha256, errors: result.report.errors.length },
      }),
    );
  }
  return { status: mode === "apply" ? result.status : "checked", area: result.area, ...forBrowser(result.report) };
}

// ---------------------------------------------------------------------------------------------
// Export download
// ---------------------------------------------------------------------------------------------

export type PlanDownload =
  | { ok: true; body: Uint8Array; contentType: string; fileName: string }
  | { ok: false; status: 400 | 404; message: string };

/**
 * The workbook (or one sheet as CSV) for someone who may read the area's internal records: the
 * workbook holds owners' email addresses, which the parent carer forum does not see. Anyone else,
 * and any area that does not exist, gets the same "not found".
 */
export async function planDownload(
  db: PrismaClient,
  viewer: Viewer,
  request: { slug: string; format: string | null; sheet: string | null },
  on: Date = new Date(),
): Promise<PlanDownload> {
  const notThere = { ok: false, status: 404, message: "Page not found" } as const;
  const slug = slugSchema.safeParse(request.slug);
  if (!slug.success) return notThere;
  // It writes nothing, so no audit event uses the request id.
  const ctx: ServiceContext = { db, viewer, requestId: randomUUID() };
  let area: { id: string; slug: string };
  try {
    area = await areaBySlug(ctx, slug.data, "internal.read");
  } catch (error) {
    // The forum may read the plan but not this file: to them, as to everyone else, it is not there.
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return notThere;
    throw error;
  }
  const format = request.format ?? "xlsx";
  if (format === "json") {
    return {
      ok: true,
      body: new TextEncoder().encode(JSON.stringify(await exportPlanJson(db, area.id, on), null, 2)),
      contentType: "application/json; charset=utf-8",
      fileName: planJsonFileName(area.slug, on),
    };
  }
  if (format === "xlsx") {
    return {
      ok: true,
      body: new Uint8Array(await exportPlanWorkbook(db, area.id)),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      fileName: exportFileName(area.slug, on),
    };
  }
  const sheet = SHEET_NAMES.find((s) => s === request.sheet);
  if (format !== "csv" || !sheet) {
    return { ok: false, status: 400, message: `Ask for format=xlsx, format=json, or format=csv with sheet=${SHEET_NAMES.join("|")}.` };
  }
  return {
    ok: true,
    body: new TextEncoder().encode(await exportPlanSheetCsv(db, area.id, sheet)),
    contentType: "text/csv; charset=utf-8",
    fileName: exportFileName(area.slug, on, sheet),
  };
}

/**
 * GET /api/local-areas/<slug>/plan-export?format=xlsx (the default), ?format=json (plan.json) or
 * ?format=csv&sheet=Findings: the area's current plan as a workbook, for people who may read the
 * area's internal records.
 */
export const planExportRoute = httpHandler<{ slug: string }>(
  { body: "text", signedOut: { status: 401, message: "Sign in to download the plan." }, name: "plan export" },
  async (request, ctx, { slug }) => {
    const query = new URL(request.url).searchParams;
    const download = await planDownload(ctx.db, ctx.viewer, { slug, format: query.get("format"), sheet: query.get("sheet") });
    if (!download.ok) return textResponse(download.status, download.message);
    return new Response(download.body as Uint8Array<ArrayBuffer>, {
      headers: {
        "Content-Type": download.contentType,
        "Content-Disposition": `attachment; filename="${download.fileName}"`,
        // Owners' email addresses: never kept by a shared cache.
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
