/** Walk entries for plan workbook import and export. */
import { uniq } from "@/prisma/factories";
import type { Fixture, Specs } from "@/server/testing/walk/spec";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { planRows, writeXlsx } from "@/server/services/plan-transfer/plan-export";
import { loadAreaState } from "@/server/services/plan-transfer/workbook-state";

/** Area A's plan as exported, plus one new finding, so every import has something to write. */
async function workbookAddingAFinding(fx: Fixture, db: PrismaClient) {
  const rows = planRows((await loadAreaState(db, fx.area.localAreaId))!);
  const ref = `W${uniq()}`.slice(0, 12);
  rows.Findings.push({ ref, kind: "Area for improvement", inspectorsWording: `Inspectors' wording ${ref}.`, summary: `Summary ${ref}.` });
  const xlsx = await writeXlsx(rows);
  return { slug: fx.area.slug, files: [{ name: "walk.xlsx", base64: xlsx.toString("base64") }] };
}

export const PLAN_TRANSFER_SPECS: Specs = {
  "planTransfer.overview": { scope: "area", input: (fx) => ({ slug: fx.area.slug }) },
  "planTransfer.preview": { scope: "area", input: workbookAddingAFinding },
  "planTransfer.applyImport": { scope: "area", input: workbookAddingAFinding },
};
