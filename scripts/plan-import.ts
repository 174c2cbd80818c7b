/**
 * Imports a plan workbook into an area's current plan, through the same service as the import
 * page (server/services/plan-transfer/plan-import.ts). README "Plan workbooks".
 *
 *   npm run plan:import -- --area <slug> [--dry-run] <file.xlsx | folder of CSV files>
 *   npm run plan:import -- --area <slug> --mapping <mapping.json> [--dry-run] <tracker.xlsx | tracker.csv>
 *   npm run plan:import -- --area <slug> --write-mapping <mapping.json> <tracker.xlsx | tracker.csv>
 *   npm run plan:import -- --create-area [--dry-run] <file.xlsx | folder of CSV files>
 *
 * With --mapping or --write-mapping the file is the area's own tracker (scripts/plan-import-tracker.ts).
 * With --create-area the workbook's Plan sheet names a new area (name, LA code, region), which is
 * started with its council and parent carer forum and the plan in the file, all or nothing.
 *
 * Exit 0: imported (or, with --dry-run, checked without errors); 1: the file was refused (its
 * errors are printed) or the area does not exist; 2: wrong usage.
 */
import { randomUUID } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import {
  applyImportFiles,
  digestOf,
  newAreaFromFiles,
  previewImportFiles,
  summarise,
  type ImportReport,
  type Issue,
} from "@/server/services/plan-transfer/plan-import";
import type { UploadedFile } from "@/server/services/plan-transfer/read-workbook";
import { areaAt, connect, parseCliArgs, runCli, UsageError } from "./plan-cli";
import { importTracker } from "./plan-import-tracker";

const USAGE =
  "npm run plan:import -- --area <slug> [--dry-run] <file.xlsx | folder of CSV files>\n" +
  "       npm run plan:import -- --area <slug> (--mapping <mapping.json> [--dry-run] | --write-mapping <mapping.json>) <tracker.xlsx | tracker.csv>\n" +
  "       npm run plan:import -- --create-area [--dry-run] <file.xlsx | folder of CSV files>";

async function filesAt(target: string): Promise<UploadedFile[]> {
  const info = await stat(target).catch(() => null);
  if (!info) throw new UsageError(`There is no file or folder ${target}.`);
  if (info.isFile()) return [{ name: path.basename(target), bytes: new Uint8Array(await readFile(target)) }];
  const names = (await readdir(target)).filter((n) => n.toLowerCase().endsWith(".csv")).sort();
  if (names.length === 0) throw new UsageError(`The folder ${target} has no CSV files.`);
  return Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(path.join(target, name))) })));
}

function where(i: Issue): string {
  return [i.sheet, i.row > 0 ? `row ${i.row}` : "", i.column].filter(Boolean).join(", ") || "File";
}

function print(report: ImportReport, { applied }: { applied: boolean }) {
  if (report.errors.length > 0) {
    console.error(`${report.errors.length} ${report.errors.length === 1 ? "error" : "errors"}: the file was refused and nothing was imported.`);
    for (const e of report.errors) console.error(`  ${where(e)}: ${e.message}`);
  }
  if (report.warnings.length > 0) {
    console.log(`${report.warnings.length} ${report.warnings.length === 1 ? "warning" : "warnings"}:`);
    for (const w of report.warnings) console.log(`  ${where(w)}: ${w.message}`);
  }
  if (report.errors.length > 0) return;
  const { created, updated } = summarise(report.changes);
  if (report.changes.length === 0) {
    console.log("No changes: the file matches the plan.");
    return;
  }
  console.log(`${applied ? "Imported" : "Would import"}: ${created} to create, ${updated} to update.`);
  for (const c of report.changes) {
    const replaces = c.replaces ? ` (${c.replaces.before} replaced by ${c.replaces.after})` : "";
    console.log(`  ${c.kind === "create" ? "create" : "update"} ${c.entity} ${c.key}${c.fields?.length ? `: ${c.fields.join(", ")}` : ""}${replaces}`);
  }
}

await runCli(USAGE, async () => {
  const args = parseCliArgs(process.argv.slice(2), { dryRun: true, tracker: true });
  const tracker = args.mapping !== undefined || args.writeMapping !== undefined;
  const files = tracker ? [] : await filesAt(args.path);
  const db = connect();
  try {
    if (args.createArea) {
      console.log(`${args.dryRun ? "Checking" : "Starting"} the area ${args.path} names${args.dryRun ? " (dry run: nothing is changed)" : ""}.`);
      const actor = { viewer: null, requestId: randomUUID(), source: "command line" as const, file: args.path, sha256: digestOf(files) };
      const result = await newAreaFromFiles(db, actor, files, { apply: !args.dryRun });
      print(result.report, { applied: !args.dryRun && result.status === "applied" });
      if (result.area && result.status === "applied") console.log(`${args.dryRun ? "Would start" : "Started"} ${result.area.name}: its address is ${result.area.slug}.`);
      return result.status === "refused" ? 1 : 0;
    }
    const area = await areaAt(db, args.area);
    if (tracker) return await importTracker(db, area, args, print);
    console.log(`${args.dryRun ? "Checking" : "Importing"} ${args.path} into ${area.name}${args.dryRun ? " (dry run: nothing is changed)" : ""}.`);
    if (args.dryRun) {
      const report = await previewImportFiles(db, area.id, files);
      print(report, { applied: false });
      return report.errors.length > 0 ? 1 : 0;
    }
    const result = await applyImportFiles(
      db,
      { viewer: null, requestId: randomUUID(), source: "command line", file: args.path, sha256: digestOf(files) },
      area.id,
      files,
    );
    print(result.report, { applied: result.status === "applied" });
    return result.status === "refused" ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
});
