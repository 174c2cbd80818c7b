import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import ExcelJS from "exceljs";
import { expectAccessible, signInAs } from "./support";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

test("a plan lead exports the plan and checks it back in: nothing would change", async ({ page, demoCopy }) => {
  await signInAs(page, demoCopy.people.lead);
  await expect(page.getByRole("heading", { name: "Your local areas" })).toBeVisible();
  await page.goto(`/local-areas/${demoCopy.northbridge.slug}/plan/import`);
  await expect(page.getByRole("heading", { level: 1, name: "Import or export the plan" })).toBeVisible();
  await expectAccessible(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the plan as an Excel workbook (.xlsx)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${demoCopy.northbridge.slug}-plan-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
  const workbook = await readFile((await download.path())!);

  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Choose a workbook (.xlsx) or CSV files");
  await expectAccessible(page);

  await page.getByLabel("Workbook, CSV files or plan.json").setInputFiles({ name: "northbridge.xlsx", mimeType: XLSX, buffer: workbook });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "Nothing to import" })).toBeVisible();
  await expect(page.getByText("Nothing: the file matches the plan.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply the import" })).toBeDisabled();
  await expectAccessible(page);
});

test("a file with problems is explained by sheet, row and column, and cannot be applied", async ({ page, demoCopy }) => {
  await signInAs(page, demoCopy.people.lead);
  await expect(page.getByRole("heading", { name: "Your local areas" })).toBeVisible();
  await page.goto(`/local-areas/${demoCopy.northbridge.slug}/plan/import`);
  await page.getByLabel("Workbook, CSV files or plan.json").setInputFiles([
    { name: "Plan.csv", mimeType: "text/csv", buffer: Buffer.from("Local area,LA code\r\nSouthwold,935\r\n") },
    { name: "Findings.csv", mimeType: "text/csv", buffer: Buffer.from("Ref,Kind,Inspectors' wording,Summary\r\n1,Weakness,Wording,Summary\r\n") },
  ]);
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "The file cannot be imported yet" })).toBeVisible();
  const problems = page.getByRole("table", { name: "Problems in the file" });
  await expect(problems.getByRole("row", { name: /Plan 2 Local area This workbook is for Southwold, not Northbridge/ })).toBeVisible();
  await expect(problems.getByRole("row", { name: /Plan 2 LA code/ })).toBeVisible();
  await expect(problems.getByRole("row", { name: /Findings 2 Kind Kind must be/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply the import" })).toBeDisabled();
  await expectAccessible(page);
});

test("only the plan lead may import a plan", async ({ page, demoCopy }) => {
  await signInAs(page, demoCopy.people.forum);
  await expect(page.getByRole("heading", { name: "Your local areas" })).toBeVisible();
  const response = await page.goto(`/local-areas/${demoCopy.northbridge.slug}/plan/import`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have permission to see this page" })).toBeVisible();
  // The workbook holds owners' email addresses: the forum cannot download it either.
  expect((await page.request.get("/api/local-areas/${demoCopy.northbridge.slug}/plan-export")).status()).toBe(404);
});

test("a plan lead adds a finding by workbook: check, apply, and it is on the area home", async ({ page, demoCopy }) => {
  await signInAs(page, demoCopy.people.lead);
  await page.goto(`/local-areas/${demoCopy.northbridge.slug}/plan/import`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the plan as an Excel workbook (.xlsx)" }).click();
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type, older than Node's.
  await workbook.xlsx.load((await readFile((await (await downloading).path())!)) as unknown as ExcelJS.Buffer);

  // The lead adds a finding and one action to it, as they would in Excel.
  const ref = `W${Date.now() % 100000}`;
  workbook.getWorksheet("Findings")!.addRow([ref, "Area for improvement", "Inspectors' words for the workbook finding.", "Short breaks are hard to find.", "", ""]);
  workbook.getWorksheet("Actions")!.addRow([ref, `${ref}.1`, `Publish the short breaks statement (${ref})`, "", "", "Northbridge City Council", "", "2026-12-01", "2027-06-30", "Not started", 0, ""]);
  const edited = Buffer.from(await workbook.xlsx.writeBuffer());

  await page.getByLabel("Workbook, CSV files or plan.json").setInputFiles({ name: "northbridge-edited.xlsx", mimeType: XLSX, buffer: edited });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("button", { name: "Apply the import" })).toBeEnabled();
  await expect(page.getByText(`${ref}.1`).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Apply the import" }).click();
  await expect(page.getByRole("heading", { name: "Import complete" })).toBeVisible();
  await expectAccessible(page);

  // On the area home's list of findings, and its action on the finding's own page.
  await page.getByRole("link", { name: "Go to Northbridge" }).click();
  const finding = page.getByRole("link", { name: new RegExp(`^${ref}\\. Short breaks are hard to find`) }).filter({ visible: true }).first();
  await expect(finding).toBeVisible();
  await finding.click();
  await page.getByText(/^Show the actions/).click();
  await expect(page.getByRole("link", { name: /Publish the short breaks statement/ }).filter({ visible: true }).first()).toBeVisible();
});

test("a plan lead imports the council's own tracker: columns suggested, one changed, checked, applied, then remembered", async ({ page, demoCopy }) => {
  await signInAs(page, demoCopy.people.lead);
  await page.goto(`/local-areas/${demoCopy.northbridge.slug}/plan/import`);
  const section = page.getByRole("region", { name: "Import your own tracker" });
  const tracker = [
    "No.,Area of weakness,What we will do,Lead officer,By when,RAG,Progress update",
    '6.1,"6. The lack of a clear strategy for preparing for adulthood, incl. employment.",Publish a preparing for adulthood strategy with young people,Not A Member,by July 2027,Amber,Draft shared with the forum',
    '6.2,"6. The lack of a clear strategy for preparing for adulthood, incl. employment.",Run supported internships in two colleges,,Spring 2027,Green,',
  ].join("\r\n");
  const file = { name: "pfa-tracker.csv", mimeType: "text/csv", buffer: Buffer.from(tracker) };
  await section.locator("input[type=file]").setInputFiles(file);
  await section.getByRole("button", { name: "Read the columns" }).click();
  await expect(section.getByRole("heading", { name: "What each column holds" })).toBeVisible();
  await expect(section.getByLabel("What we will do")).toHaveValue("title");
  await expect(section.getByLabel("By when")).toHaveValue("dueDate");
  await expectAccessible(page);
  // The person decides: the commentary becomes the action's description.
  await section.getByLabel("Progress update").selectOption({ label: "Action description" });
  await section.getByRole("button", { name: "Check the import" }).click();
  await expect(section.getByRole("heading", { name: /^Ready to import/ })).toBeVisible();
  const warnings = section.getByRole("table", { name: "Warnings about the file" });
  await expect(warnings.getByText(/Spring 2027/).first()).toBeVisible();
  await expect(warnings.getByText(/Not A Member/).first()).toBeVisible();
  await expectAccessible(page);
  await section.getByRole("button", { name: "Apply the import" }).click();
  await expect(section.getByRole("heading", { name: "Import complete" })).toBeVisible();
  await expectAccessible(page);

  // Next time the choices are offered again, and the same file changes nothing.
  await page.reload();
  const again = page.getByRole("region", { name: "Import your own tracker" });
  await again.locator("input[type=file]").setInputFiles(file);
  await again.getByRole("button", { name: "Read the columns" }).click();
  await expect(again.getByText(/These are the choices saved when/)).toBeVisible();
  await expect(again.getByLabel("Progress update")).toHaveValue("description");
  await again.getByRole("button", { name: "Check the import" }).click();
  await expect(again.getByRole("heading", { name: "Nothing to import" })).toBeVisible();
});
