/** The plan workbook commands, run as a person runs them (tsx), against this run's database. */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it} from "vitest";
import { createAreaWithPlan } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { testDb } from "@/server/testing/harness";
import { testDatabaseUrl } from "@/server/testing/worker";

let db: PrismaClient;
let dir: string;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;

beforeAll(async () => {
  db = testDb();
  dir = await mkdtemp(path.join(tmpdir(), "headway-plan-"));
  area = await createAreaWithPlan(db);
});
afterAll(async () => {
  await db.$disconnect();
  await rm(dir, { recursive: true, force: true });
});

function run(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), [script, ...args], {
      env: { ...process.env, DATABASE_URL: testDatabaseUrl() },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run plan:export and plan:import", () => {
  it("export a workbook that a dry run accepts as changing nothing", async () => {
    const file = path.join(dir, "plan.xlsx");
    const exported = await run("scripts/plan-export.ts", ["--area", area.slug, file]);
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);

    const auditBefore = await db.auditEvent.count();
    const checked = await run("scripts/plan-import.ts", ["--area", area.slug, "--dry-run", file]);
    expect(checked.stderr).toBe("");
    expect(checked.stdout).toContain("No changes: the file matches the plan.");
    expect(checked.code).toBe(0);
    expect(await db.auditEvent.count()).toBe(auditBefore);
  }, 60_000);

  it("refuse a file with errors, print them, exit 1 and import nothing", async () => {
    const folder = path.join(dir, "csv");
    expect((await run("scripts/plan-export.ts", ["--area", area.slug, folder])).code).toBe(0);
    expect((await readdir(folder)).sort()).toEqual(["Actions.csv", "Findings.csv", "Measures.csv", "Milestones.csv", "Plan.csv", "Values.csv"]);
    await writeFile(
      path.join(folder, "Findings.csv"),
      "Ref,Kind,Inspectors' wording,Summary\r\n1,Area of significant weakness,Wording,Summary\r\n2,Not a kind,Wording,Summary\r\n",
    );
    const findingsBefore = await db.finding.count({ where: { localAreaId: area.localAreaId } });
    const refused = await run("scripts/plan-import.ts", ["--area", area.slug, folder]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("1 error: the file was refused and nothing was imported.");
    expect(refused.stderr).toContain("Findings, row 3, Kind: Kind must be Area of significant weakness, Area for priority action or Area for improvement");
    expect(await db.finding.count({ where: { localAreaId: area.localAreaId } })).toBe(findingsBefore);
  }, 60_000);

  it("import a change, audited as coming from the command line", async () => {
    const folder = path.join(dir, "change");
    expect((await run("scripts/plan-export.ts", ["--area", area.slug, folder])).code).toBe(0);
    await writeFile(
      path.join(folder, "Findings.csv"),
      "Ref,Kind,Inspectors' wording,Summary\r\n9,Area for improvement,New wording,New summary\r\n",
    );
    const imported = await run("scripts/plan-import.ts", ["--area", area.slug, folder]);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toContain("Imported: 1 to create, 0 to update.");
    expect(imported.code).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({ where: { localAreaId: area.localAreaId, action: "plan.import" } });
    expect(event.actorId).toBeNull();
    expect(event.after).toMatchObject({ source: "command line", file: folder });
  }, 60_000);

  it("start a new area from a workbook whose Plan sheet names it (--create-area): checked first, then made with its plan", async () => {
    const folder = path.join(dir, "new-area");
    await mkdir(folder);
    const name = `Saltmarsh ${Date.now().toString(36)}`;
    let code = "";
    do code = String(100 + Math.floor(Math.random() * 900));
    while (await db.localArea.findUnique({ where: { laCode: code } }));
    await writeFile(path.join(folder, "Plan.csv"), `Local area,LA code,Region,Plan type,Framework,Inspection date\r\n${name},${code},South West,Written statement of action,2016,11/03/2019\r\n`);
    await writeFile(
      path.join(folder, "Findings.csv"),
      "Ref,Kind,Inspectors' wording,Judgement,Judgement date,Letter link\r\n" +
        "1,Area of significant weakness,\"The timeliness of EHC plans, incl. health advice.\",Sufficient progress,20/11/2022,https://reports.ofsted.gov.uk/1\r\n" +
        "2,Area of significant weakness,Weak joint commissioning.,Not sufficient progress,20/11/2022,https://reports.ofsted.gov.uk/1\r\n",
    );
    const checked = await run("scripts/plan-import.ts", ["--create-area", "--dry-run", folder]);
    expect(checked.stderr).toBe("");
    expect(checked.stdout).toContain(`create LocalArea ${name} (${code})`);
    expect(checked.code).toBe(0);
    expect(await db.localArea.findFirst({ where: { name } })).toBeNull();

    const made = await run("scripts/plan-import.ts", ["--create-area", folder]);
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    const area = await db.localArea.findFirstOrThrow({ where: { name }, include: { plans: { include: { findings: true } } } });
    expect(made.stdout).toContain(`Started ${name}: its address is ${area.slug}.`);
    expect(area.plans[0]!.findings).toHaveLength(2);
    expect(area.plans[0]!.status).toBe("REVISITED");

    const twice = await run("scripts/plan-import.ts", ["--create-area", folder]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain("already has the local authority code");
    const both = await run("scripts/plan-import.ts", ["--create-area", "--area", area.slug, folder]);
    expect(both.code).toBe(2);
  }, 90_000);

  it("exit 2 on wrong usage and 1 for an area that does not exist", async () => {
    const noArea = await run("scripts/plan-import.ts", ["--dry-run", "plan.xlsx"]);
    expect(noArea.code).toBe(2);
    expect(noArea.stderr).toContain("Usage: npm run plan:import");
    const unknownOption = await run("scripts/plan-export.ts", ["--area", area.slug, "--dry-run", "x.xlsx"]);
    expect(unknownOption.code).toBe(2);
    const missing = await run("scripts/plan-export.ts", ["--area", "no-such-area", path.join(dir, "x.xlsx")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("There is no local area with the address no-such-area.");
  }, 60_000);
});
