/**
 * A plan workbook that starts a new local area: the Plan sheet names it (name, LA code, region,
 * checked as the administrator's form checks them), and the rest of the file becomes its plan by
 * the same analysis and writer as any import. The area and its plan are made in one transaction:
 * a file with any error leaves no area behind. Checking a file runs the same steps and rolls them
 * back, so the check and the import cannot disagree.
 *
 * Permission is the caller's: an ADMIN on the web (plan-transfer.ts), the database itself on the
 * command line.
 */
import { AppError } from "@/server/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { createAreaSchema, type CreateAreaInput } from "@/server/schemas/admin";
import { insertArea } from "@/server/services/admin/admin";
import { analyseWorkbook } from "@/server/services/plan-transfer/import/analyse";
import { loadImportState } from "@/server/services/plan-transfer/import/import-state";
import { sortIssues, type Change, type ImportReport, type Issue } from "@/server/services/plan-transfer/import/report";
import { concurrentChange, writePlan, type ImportActor } from "@/server/services/plan-transfer/import/write-plan";
import { parseSheets, type ParsedWorkbook } from "@/server/services/plan-transfer/parse-sheets";
import type { RawSheet } from "@/server/services/plan-transfer/read-workbook";

export type NewAreaResult = {
  status: "applied" | "refused";
  report: ImportReport;
  /** The area made (applied), or that would be made (checked without errors). */
  area: { name: string; slug: string } | null;
};

const PLAN_COLUMNS: Record<keyof CreateAreaInput, string> = { name: "Local area", laCode: "LA code", region: "Region" };

/** The new area as the Plan sheet names it, or why it cannot be made. */
function newAreaOf(parsed: ParsedWorkbook): { area: CreateAreaInput; errors: [] } | { area: null; errors: Issue[] } {
  const p = parsed.plan;
  if (!p) {
    return { area: null, errors: [{ sheet: "Plan", row: 2, column: "", message: "Fill in the Plan sheet's row 2: the local area's name, LA code and region start the new area" }] };
  }
  const checked = createAreaSchema.safeParse({ name: p.localArea, laCode: p.laCode, region: p.region ?? undefined });
  if (checked.success) return { area: checked.data, errors: [] };
  const errors = checked.error.issues.map((issue) => {
    const field = issue.path[0] as keyof CreateAreaInput;
    return { sheet: "Plan", row: p.row, column: PLAN_COLUMNS[field], message: `${issue.message}: a new area needs it` };
  });
  return { area: null, errors };
}

/** Thrown to roll a check back once it has seen what the import would do. */
class CheckOnly extends Error {
  constructor(readonly result: NewAreaResult) {
    super("check only");
  }
}

const refused = (parsed: ParsedWorkbook, errors: Issue[]): NewAreaResult => ({
  status: "refused",
  report: { errors: sortIssues([...parsed.errors, ...errors]), warnings: sortIssues(parsed.warnings), changes: [] },
  area: null,
});

/**
 * Starts the area the file names and imports its plan (`apply`), or finds out what that would do
 * and writes nothing.
 */
export async function importNewArea(
  db: PrismaClient,
  actor: ImportActor,
  input: { sheets: readonly RawSheet[]; date1904?: boolean; literalText?: boolean },
  { apply }: { apply: boolean },
): Promise<NewAreaResult> {
  const parsed = parseSheets(input.sheets, { date1904: input.date1904, literalText: input.literalText });
  const named = newAreaOf(parsed);
  if (!named.area) return refused(parsed, named.errors);
  const areaInput = named.area;
  try {
    return await db.$transaction(
      async (tx) => {
        let area;
        try {
          area = await insertArea(tx, actor, areaInput);
        } catch (error) {
          if (error instanceof AppError && (error.code === "CONFLICT" || error.code === "INVALID")) {
            const column = /code/.test(error.message) ? "LA code" : "Local area";
            throw new CheckOnly(refused(parsed, [{ sheet: "Plan", row: parsed.plan!.row, column, message: `${error.message} Import into that area instead` }]));
          }
          throw error;
        }
        const state = await loadImportState(tx, area.id);
        const analysis = analyseWorkbook(parsed, state);
        const made: Change = { entity: "LocalArea", key: `${area.name} (${area.laCode})`, kind: "create" };
        const report: ImportReport = { ...analysis.report, changes: [made, ...analysis.report.changes] };
        if (report.errors.length > 0) throw new CheckOnly({ status: "refused", report, area: null });
        const result: NewAreaResult = { status: "applied", report, area: { name: area.name, slug: area.slug } };
        if (!apply) throw new CheckOnly(result);
        await writePlan(tx, actor, state, analysis);
        return result;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof CheckOnly) return error.result;
    // Two people starting the same area at once: the second finds its code taken.
    if ((error as { code?: string } | null)?.code === "P2002") throw concurrentChange();
    throw error;
  }
}
