/** npm run plan:import with a council's own tracker, run as a person runs it (tsx), against this run's database. */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAreaWithPlan } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { testDb } from "@/server/testing/harness";
import { testDatabaseUrl } from "@/server/testing/worker";

let db: PrismaClient;
let dir: string;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;

beforeAll(async () => {
  db = testDb();
  dir = await mkdtemp(path.join(tmpdir(), "headway-tracker-"));
  area = await createAreaWithPlan(db);
});
afterAll(async () => {
  await db.$disconnect();
  await rm(dir, { recursive: true, force: true });
});

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/plan-import.ts", ...args], { env: { ...process.env, DATABASE_URL: testDatabaseUrl() } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const TRACKER = [
  "Area of weakness,No.,What we will do,Lead officer,By when,RAG",
  `"7. Too few EHC plans are issued within 20 weeks.",7.1,Recruit two EHC coordinators,,Sept 21,Green`,
  `"7. Too few EHC plans are issued within 20 weeks.",7.2,Weekly timeliness report,,Spring 2021,Amber`,
].join("\r\n");

describe("npm run plan:import with --write-mapping and --mapping", () => {
  it("writes a mapping to edit, refuses a bad one, checks, imports and then finds nothing to change", async () => {
    const tracker = path.join(dir, "tracker.csv");
    const mappingFile = path.join(dir, "mapping.json");
    await writeFile(tracker, TRACKER);

    const written = await run(["--area", area.slug, "--write-mapping", mappingFile, tracker]);
    expect(written.stderr).toBe("");
    expect(written.code).toBe(0);
    expect(written.stdout).toContain("What we will do → Action title");
    const mapping = JSON.parse(await readFile(mappingFile, "utf8")) as { columns: Record<string, string> };
    expect(mapping.columns).toEqual({ "Area of weakness": "finding", "No.": "actionRef", "What we will do": "title", "Lead officer": "owner", "By when": "dueDate", RAG: "rag" });

    const { "What we will do": _title, ...withoutTitle } = mapping.columns;
    const badFile = path.join(dir, "bad.json");
    await writeFile(badFile, JSON.stringify({ ...mapping, columns: withoutTitle }));
    const bad = await run(["--area", area.slug, "--mapping", badFile, tracker]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("was refused and nothing was imported: Choose the column that holds each action's title");

    const checked = await run(["--area", area.slug, "--mapping", mappingFile, "--dry-run", tracker]);
    expect(checked.stderr).toBe("");
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain("Would import: 3 to create, 0 to update.");
    expect(checked.stdout).toMatch(/tracker\.csv, row 3, By when: “Spring 2021” could mean/);
    expect(await db.finding.count({ where: { localAreaId: area.localAreaId, ref: "7" } })).toBe(0);

    const imported = await run(["--area", area.slug, "--mapping", mappingFile, tracker]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("Imported: 3 to create, 0 to update.");
    expect(imported.stdout).toContain("The mapping is saved for");
    expect(await db.action.count({ where: { localAreaId: area.localAreaId, ref: { in: ["7.1", "7.2"] } } })).toBe(2);

    const again = await run(["--area", area.slug, "--mapping", mappingFile, tracker]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("No changes: the file matches the plan.");
    expect(again.stdout).not.toContain("The mapping is saved");
  }, 120_000);
});
