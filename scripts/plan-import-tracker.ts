/**
 * The command line's way in for a council's own tracker (scripts/plan-import.ts hands over when
 * --mapping or --write-mapping is given), through the same service as the import page
 * (server/services/plan-transfer/tracker/tracker-import.ts):
 *
 *   npm run plan:import -- --area <slug> --write-mapping mapping.json tracker.xlsx
 *     writes the suggested mapping (the area's saved one when it fits) for editing; imports nothing.
 *   npm run plan:import -- --area <slug> --mapping mapping.json [--dry-run] tracker.xlsx
 *     checks, or imports, the tracker through the mapping, and saves the mapping for the area.
 *
 * Exit 0: done; 1: the tracker or the mapping was refused (the reasons are printed).
 */
import { randomUUID } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { parseTrackerMapping, TRACKER_FIELDS } from "@/server/schemas/tracker-mapping";
import { digestOf, type ImportReport } from "@/server/services/plan-transfer/plan-import";
import { applyTrackerImport, previewTrackerImport, readTracker, trackerColumns } from "@/server/services/plan-transfer/tracker/tracker-import";
import { UsageError } from "./plan-cli";

export type TrackerArgs = { path: string; dryRun: boolean; mapping?: string; writeMapping?: string };
type Print = (report: ImportReport, o: { applied: boolean }) => void;

export async function importTracker(db: PrismaClient, area: { id: string; name: string }, args: TrackerArgs, print: Print): Promise<number> {
  const bytes = await readFile(args.path).catch(() => null);
  if (!bytes) throw new UsageError(`There is no file ${args.path}: name one tracker (.xlsx or .csv).`);
  const file = { name: path.basename(args.path), bytes: new Uint8Array(bytes) };
  const workbook = await readTracker([file]);

  if (args.writeMapping) {
    const columns = await trackerColumns(db, area.id, file, workbook);
    await writeFile(args.writeMapping, `${JSON.stringify(columns.suggestion, null, 2)}\n`);
    console.log(`${columns.remembered ? `${area.name}'s saved mapping fits this tracker` : "A mapping was guessed from the tracker's columns"}: written to ${args.writeMapping}.`);
    for (const [header, field] of Object.entries(columns.suggestion.columns)) console.log(`  ${header} → ${TRACKER_FIELDS[field]}`);
    console.log(`Fields: ${Object.keys(TRACKER_FIELDS).join(", ")}. Edit the file, then import with --mapping ${args.writeMapping}.`);
    return 0;
  }

  const text = await readFile(args.mapping!, "utf8").catch(() => null);
  if (text === null) throw new UsageError(`There is no mapping file ${args.mapping}.`);
  const mapping = parseTrackerMapping(text);
  if (!mapping.ok) {
    console.error(`The mapping in ${args.mapping} was refused and nothing was imported: ${mapping.message}`);
    return 1;
  }
  console.log(`${args.dryRun ? "Checking" : "Importing"} ${args.path} into ${area.name} through ${args.mapping}${args.dryRun ? " (dry run: nothing is changed)" : ""}.`);
  if (args.dryRun) {
    const report = await previewTrackerImport(db, area.id, workbook, mapping.mapping);
    print(report, { applied: false });
    return report.errors.length > 0 ? 1 : 0;
  }
  const result = await applyTrackerImport(
    db,
    { viewer: null, requestId: randomUUID(), source: "command line", file: args.path, sha256: digestOf([file]) },
    area.id,
    workbook,
    mapping.mapping,
  );
  print(result.report, { applied: result.status === "applied" });
  if (result.mappingSaved) console.log(`The mapping is saved for ${area.name}'s next tracker.`);
  return result.status === "refused" ? 1 : 0;
}
