/**
 * Exports an area's current plan as the workbook plan:import reads (README "Plan workbooks").
 *
 *   npm run plan:export -- --area <slug> <file.xlsx | folder for CSV files>
 *
 * A path ending in .xlsx gets the workbook; any other path is a folder that gets one CSV file
 * per sheet (Plan.csv, Findings.csv, ...). Exit 0: written; 1: no such area; 2: wrong usage.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { exportPlanCsv, exportPlanWorkbook } from "@/server/services/plan-transfer/plan-export";
import { areaAt, connect, parseCliArgs, runCli } from "./plan-cli";

const USAGE = "npm run plan:export -- --area <slug> <file.xlsx | folder for CSV files>";

await runCli(USAGE, async () => {
  const args = parseCliArgs(process.argv.slice(2), { dryRun: false });
  const db = connect();
  try {
    const area = await areaAt(db, args.area);
    if (args.path.toLowerCase().endsWith(".xlsx")) {
      await mkdir(path.dirname(path.resolve(args.path)), { recursive: true });
      await writeFile(args.path, await exportPlanWorkbook(db, area.id));
      console.log(`Wrote ${area.name}'s plan to ${args.path}.`);
    } else {
      await mkdir(args.path, { recursive: true });
      const csv = await exportPlanCsv(db, area.id);
      for (const [sheet, text] of Object.entries(csv)) await writeFile(path.join(args.path, `${sheet}.csv`), text);
      console.log(`Wrote ${area.name}'s plan to ${args.path}: ${Object.keys(csv).map((s) => `${s}.csv`).join(", ")}.`);
    }
    return 0;
  } finally {
    await db.$disconnect();
  }
});
