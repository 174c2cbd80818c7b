/**
 * What the two plan workbook commands share: their arguments, the database (DATABASE_URL, which
 * scripts/with-db.mjs sets to the embedded database when it is unset) and the area they act on.
 */
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/generated/prisma/client";

// @prisma/adapter-pg runs a transaction's nested reads side by side on its one connection, which
// pg reports as deprecated. Harmless, and not something a person running the command can act on.
process.noDeprecation = true;

/** Wrong arguments: exit 2 after the usage line. */
export class UsageError extends Error {}

/** mapping, writeMapping: a council's own tracker (scripts/plan-import-tracker.ts). */
/** createArea: the file's Plan sheet names a new area to start (scripts/plan-import.ts); then there is no --area. */
export type CliArgs = { area: string; dryRun: boolean; path: string; mapping?: string; writeMapping?: string; createArea?: boolean };

export function parseCliArgs(argv: string[], { dryRun, tracker = false }: { dryRun: boolean; tracker?: boolean }): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        area: { type: "string" },
        ...(dryRun ? { "dry-run": { type: "boolean" } } : {}),
        ...(tracker ? { mapping: { type: "string" }, "write-mapping": { type: "string" }, "create-area": { type: "boolean" } } : {}),
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const area = parsed.values.area;
  const createArea = (parsed.values as { "create-area"?: boolean })["create-area"] === true;
  if (createArea) {
    if (area !== undefined) throw new UsageError("With --create-area the file's Plan sheet names the area: leave out --area.");
    if ("mapping" in parsed.values || "write-mapping" in parsed.values) throw new UsageError("--create-area takes a plan workbook, not a tracker with a mapping.");
    if (parsed.positionals.length !== 1) throw new UsageError("Name one file (.xlsx) or one folder of CSV files.");
    return { area: "", dryRun: parsed.values["dry-run"] === true, path: parsed.positionals[0]!, createArea };
  }
  if (typeof area !== "string" || area.trim() === "") throw new UsageError("Name the local area with --area <slug>, like --area northbridge.");
  if (parsed.positionals.length !== 1) throw new UsageError("Name one file (.xlsx) or one folder of CSV files.");
  const { mapping, "write-mapping": writeMapping } = parsed.values as { mapping?: string; "write-mapping"?: string };
  if (mapping !== undefined && writeMapping !== undefined) throw new UsageError("Give --mapping to import a tracker, or --write-mapping to write a mapping to edit, not both.");
  return {
    area: area.trim(),
    dryRun: parsed.values["dry-run"] === true,
    path: parsed.positionals[0]!,
    ...(mapping !== undefined ? { mapping } : {}),
    ...(writeMapping !== undefined ? { writeMapping } : {}),
  };
}

export function connect(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new UsageError("DATABASE_URL is not set: run this through npm run, which starts the embedded database when it is unset.");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/** The area the command acts on, by its address; a command for an area that does not exist is refused (exit 1). */
export async function areaAt(db: PrismaClient, slug: string): Promise<{ id: string; name: string }> {
  const area = await db.localArea.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!area) throw new Error(`There is no local area with the address ${slug}.`);
  return area;
}

/** Runs a command: exit 0 when it succeeds, 1 when it is refused, 2 on wrong usage. */
export async function runCli(usage: string, main: () => Promise<number>) {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\nUsage: ${usage}`);
      process.exitCode = 2;
    } else {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    }
  }
}
