/**
 * A real plan's whole journey, as a council and its adviser live it: the administrator starts the
 * area from its written statement of action as the letters word it (no summaries, the revisit's
 * judgements and letter in the file); everyone sees the revisit's outcome; the plan lead starts
 * the accelerated progress plan, which carries the insufficient finding's measure and its history
 * forward; the area's plan history lists both plans.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { readPdf } from "../server/services/board-pack/document-text";
import { e2eDb, expect, test } from "./fixtures";
import { expectAccessible, openPersonInAdmin, signInAs } from "./support";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const LETTER = "https://reports.ofsted.gov.uk/provider/44/fenmoor-local-area-send-revisit-letter";

const iso = (daysFromToday: number) => new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);

/** An LA code no area holds yet: three digits, as the DfE numbers authorities. */
async function freeLaCode(): Promise<string> {
  const taken = new Set((await e2eDb().localArea.findMany({ select: { laCode: true } })).map((a) => a.laCode));
  for (let n = 100; n < 1000; n++) {
    const code = String(100 + ((n * 7919 + Date.now()) % 900));
    if (!taken.has(code)) return code;
  }
  throw new Error("No LA code left");
}

/** The WSOA as a council holds it: the letter's wording, the revisit's judgements, one action and one measure with its history. */
async function wsoaWorkbook(name: string, laCode: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = (title: string, rows: unknown[][]) => {
    const ws = workbook.addWorksheet(title);
    for (const row of rows) ws.addRow(row);
  };
  sheet("Plan", [
    ["Local area", "LA code", "Region", "Plan type", "Framework", "Inspection date", "Plan accepted date", "Revisit start date", "Revisit end date"],
    [name, laCode, "East of England", "Written statement of action", "2016", iso(-900), iso(-800), iso(-40), iso(-38)],
  ]);
  const wording = [
    "The timeliness, process and quality of EHC plans, incl. the contribution of health and social care. Too few are issued within 20 weeks.",
    "The lack of a clear strategy for joint commissioning between the local authority and the CCG.",
    "Weak co-production with parents and carers at a strategic level.",
    "The variable quality of the local offer, e.g. information about short breaks.",
    "The high rates of persistent absence and exclusion of pupils with SEND.",
  ];
  sheet("Findings", [
    ["Ref", "Kind", "Inspectors' wording", "Judgement", "Judgement date", "Letter link"],
    ...wording.map((w, i) => [String(i + 1), "Area of significant weakness", w, i === 4 ? "Not sufficient progress" : "Sufficient progress", iso(-20), LETTER]),
  ]);
  sheet("Actions", [
    ["Finding ref", "Ref", "Title", "Lead organisation", "Due date", "Status", "Progress"],
    ["5", "5.1", "Attendance panel reviews every pupil with an EHC plan absent for 10% of sessions", `${name} Council`, iso(120), "In progress", 40],
  ]);
  sheet("Measures", [
    ["Ref", "Name", "Definition", "Unit", "Direction", "Source", "Baseline", "Baseline date", "Target", "Target date", "Finding refs"],
    ["M5", "Persistent absence of pupils with EHC plans", "Pupils with an EHC plan absent for 10% or more of sessions, as a share of all pupils with an EHC plan.", "Percentage", "Lower is better", "School census", 38, iso(-700), 25, iso(300), "5"],
  ]);
  sheet("Values", [
    ["Measure ref", "Period end", "Value"],
    ["M5", iso(-400), 37],
    ["M5", iso(-200), 35.5],
    ["M5", iso(-30), 34],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test("a WSOA imported as the letters word it shows its revisit everywhere, and the APP carries the trend forward", async ({ browser, demoCopy }) => {
  test.setTimeout(180_000);
  const name = `Fenmoor ${demoCopy.tag.toUpperCase()}`;
  const laCode = await freeLaCode();

  // The administrator starts the area from its plan.
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, demoCopy.people.admin);
  await admin.goto("/admin");
  const fromFile = admin.getByRole("region", { name: "Start an area from its plan" });
  await fromFile.getByLabel("Workbook, CSV files or plan.json").setInputFiles({ name: "fenmoor-wsoa.xlsx", mimeType: XLSX, buffer: await wsoaWorkbook(name, laCode) });
  await fromFile.getByRole("button", { name: "Check the file" }).click();
  await expect(fromFile.getByRole("heading", { name: /^Ready to import/ })).toBeVisible();
  await expect(fromFile.getByRole("table", { name: "Records the import would create or update" }).getByText(`${name} (${laCode})`)).toBeVisible();
  await expectAccessible(admin);
  await fromFile.getByRole("button", { name: "Start the area" }).click();
  await expect(fromFile.getByRole("heading", { name: `${name} has been started` })).toBeVisible();
  await expectAccessible(admin);
  const slug = (await e2eDb().localArea.findUniqueOrThrow({ where: { laCode }, select: { slug: true } })).slug;

  // Its lead: the copy's plan lead is given the role by the administrator.
  await openPersonInAdmin(admin, demoCopy.people.lead);
  const roleForm = admin.getByRole("form", { name: "Give a role in a local area" });
  await roleForm.getByLabel("Local area").selectOption({ label: name });
  await roleForm.getByLabel("Role").selectOption({ label: "Plan lead" });
  await roleForm.getByRole("button", { name: "Give role" }).click();
  await expect(admin.getByText(new RegExp(`is now plan lead in ${name}`))).toBeVisible();

  const lead = await (await browser.newContext()).newPage();
  await signInAs(lead, demoCopy.people.lead);
  await lead.goto(`/local-areas/${slug}`);

  // The area home: the revisit's outcome, not a countdown, and each finding's judgement.
  await expect(lead.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(lead.getByText(/Revisit .*: sufficient progress in 4 of 5 areas/).first()).toBeVisible();
  await expect(lead.getByText(/Revisit overdue|Overdue/)).toHaveCount(0);
  await expectAccessible(lead);

  // A finding without a summary is named by its first sentence, not cut at "incl.", and says its summary is to come.
  // The readiness grid and the finding's own heading both link to it, by the same title.
  await lead.getByRole("link", { name: /^1\. The timeliness, process and quality of EHC plans, incl\. the contribution of health and social care\.$/ }).first().click();
  await expect(lead.getByRole("heading", { level: 1, name: /^Finding 1: The timeliness, process and quality of EHC plans, incl\. the contribution/ })).toBeVisible();
  await expect(lead.getByText(/A plain-English summary is still to be written/)).toBeVisible();
  await expect(lead.getByText("Sufficient progress").first()).toBeVisible();
  await expect(lead.getByText(/imported from the published letter/i).first()).toBeVisible();
  await expectAccessible(lead);
  await lead.goto(`/local-areas/${slug}`);
  await lead.getByRole("link", { name: /^5\. The high rates of persistent absence/ }).first().click();
  await expect(lead.getByText("Not sufficient progress").first()).toBeVisible();

  // The board pack says it too.
  await lead.goto(`/local-areas/${slug}/snapshots`);
  const downloading = lead.waitForEvent("download");
  await lead.getByRole("link", { name: "Download board pack (PDF)", exact: true }).click();
  const pdf = await readPdf(new Uint8Array(await readFile((await (await downloading).path())!)));
  expect(pdf.text).toMatch(/sufficient progress in 4 of 5 areas/);

  // The national view: the outcome in its own column.
  const national = await (await browser.newContext()).newPage();
  await signInAs(national, demoCopy.people.national);
  await national.goto("/national");
  const row = national.getByRole("table", { name: /Local areas/ }).getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("4 of 5 sufficient");
  await expectAccessible(national);

  // The lead starts the APP from the judgements page.
  await lead.goto(`/local-areas/${slug}/judgements`);
  const panel = lead.getByRole("region", { name: "Start an Accelerated Progress Plan" });
  await expect(panel.getByRole("list", { name: "Findings the new plan carries forward" }).getByRole("listitem")).toHaveCount(1);
  await panel.getByRole("button", { name: "Start an Accelerated Progress Plan" }).click();
  await panel.getByRole("button", { name: "Yes, start the plan" }).click();
  await expect(lead.getByText(/follows on from .*Written Statement of Action/i).first()).toBeVisible();
  await expectAccessible(lead);

  // The carried finding's measure keeps its history, marked where the plan changed.
  await lead.goto(`/local-areas/${slug}/measures`);
  await lead.getByRole("link", { name: /Persistent absence of pupils with EHC plans/ }).first().click();
  await expect(lead.getByText(/Accelerated progress plan starts/).first()).toBeVisible();
  for (const value of ["37", "35.5", "34"]) await expect(lead.getByRole("cell", { name: new RegExp(`^${value.replace(".", "\\.")}%?$`) }).first()).toBeVisible();
  await expectAccessible(lead);

  // The plan history lists both plans.
  await lead.goto(`/local-areas/${slug}/plans`);
  await expect(lead.getByText(/Accelerated progress plan/i).first()).toBeVisible();
  await expect(lead.getByText(/Written statement of action/i).first()).toBeVisible();
  await expect(lead.getByText(/Superseded/).first()).toBeVisible();
  await expectAccessible(lead);
});
