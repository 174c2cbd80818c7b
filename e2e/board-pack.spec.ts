import { readFile } from "node:fs/promises";
import { type Page } from "@playwright/test";
import { normaliseSpace, readDocx, readPdf, readPdfStructure } from "../server/services/board-pack/document-text";
import { expect, test } from "./fixtures";
import { demo, expectAccessible, signInAs } from "./support";

/**
 * "Finding 1: Families waited ...": every finding as the area's home page names it, in its list of
 * findings (by the first sentence of the title the board pack gives whole, so the pack contains it).
 */
async function findingHeadings(page: Page): Promise<string[]> {
  await page.goto("/local-areas/northbridge");
  const links = await page.getByRole("table", { name: /^Each finding/ }).getByRole("rowheader").getByRole("link").allTextContents();
  return links.map((text) => {
    const [, ref, summary] = /^\s*(\S+)\.\s+([\s\S]+)$/.exec(text) ?? [];
    if (!ref || !summary) throw new Error(`Unexpected finding heading: ${text}`);
    return normaliseSpace(`Finding ${ref}: ${summary}`);
  });
}

async function download(page: Page, link: string) {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: link, exact: true }).click();
  const file = await downloading;
  return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile((await file.path())!)) };
}

test("the plan lead downloads the board pack as PDF and as Word, and both name every finding", async ({ page }) => {
  await signInAs(page, demo.lead);
  await expect(page.getByRole("heading", { name: "Your local areas" })).toBeVisible();
  const findings = await findingHeadings(page);
  expect(findings).toHaveLength(5);

  await page.goto("/local-areas/northbridge/snapshots");
  await expect(page.getByRole("heading", { level: 1, name: "Snapshots and board packs" })).toBeVisible();

  const pdf = await download(page, "Download board pack (PDF)");
  expect(pdf.name).toMatch(/^northbridge-board-pack-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdfText = await readPdf(pdf.bytes);
  expect(pdfText.title).toBe("Northbridge board pack: Current state");
  expect(pdfText.images).toBeGreaterThan(0);
  for (const heading of findings) expect(pdfText.text).toContain(heading);
  // The summary first, and no more than eight pages before the appendix.
  expect(pdfText.pageTexts[0]).toContain("Where each finding stands");
  const appendix = pdfText.pageTexts.findIndex((t) => t.startsWith("Appendix: full tables"));
  expect(appendix).toBeGreaterThan(0);
  expect(appendix).toBeLessThanOrEqual(8);
  // Tagged, in British English.
  const structure = await readPdfStructure(pdf.bytes);
  expect(structure.marked).toBe(true);
  expect(structure.lang).toBe("en-GB");

  const word = await download(page, "Download board pack (Word)");
  expect(word.name).toMatch(/^northbridge-board-pack-\d{4}-\d{2}-\d{2}\.docx$/);
  const wordText = await readDocx(word.bytes);
  for (const heading of findings) expect(wordText.text).toContain(heading);
  expect(wordText.html).toMatch(/<img [^>]*alt="Latest /);
});

test("a lead writes key messages and decisions with a snapshot; its page and its board pack's first page show them", async ({ page, demoCopy }) => {
  const slug = demoCopy.northbridge.slug;
  const label = `Improvement board ${Date.now()}`;
  const keyMessages = ["EHC timeliness is rising but still below the trajectory.", "The forum disagrees that the Local Offer redesign was co-produced."];
  const decisions = ["Agree two more EHC coordinator posts from January.", "Ask the ICB to report therapy waits monthly."];
  await signInAs(page, demoCopy.people.lead);
  await page.goto(`/local-areas/${slug}/snapshots`);
  const form = page.getByRole("form", { name: "Take a snapshot" });

  // Too long for the pack's first page: refused, by the field.
  await form.getByLabel("Label", { exact: true }).fill(label);
  await form.getByLabel("Key messages for the board (optional)", { exact: true }).fill("x".repeat(1501));
  await form.getByRole("button", { name: "Take snapshot" }).click();
  await expect(page.getByRole("alert").first()).toContainText("Key messages must be 1,500 characters or fewer");
  await expectAccessible(page);

  await form.getByLabel("Key messages for the board (optional)", { exact: true }).fill(keyMessages.join("\n"));
  await form.getByLabel("Decisions the board is asked to make (optional)", { exact: true }).fill(decisions.join("\n"));
  await form.getByRole("button", { name: "Take snapshot" }).click();
  await expect(page.getByRole("status").first()).toContainText(`Snapshot “${label}” taken.`);

  await page.getByRole("link", { name: `See what changes since “${label}”` }).click();
  await expect(page.getByRole("heading", { name: "For the board", level: 2 })).toBeVisible();
  for (const line of [...keyMessages, ...decisions]) await expect(page.getByText(line)).toBeVisible();
  await expectAccessible(page);

  const pdf = await download(page, "Download board pack (PDF)");
  const text = await readPdf(pdf.bytes);
  expect(text.title).toBe(`${demoCopy.northbridge.name} board pack: ${label}`);
  for (const line of [...keyMessages, ...decisions]) expect(text.pageTexts[0]).toContain(line);
  const appendix = text.pageTexts.findIndex((t) => t.startsWith("Appendix: full tables"));
  expect(appendix).toBeGreaterThan(0);
  expect(appendix).toBeLessThanOrEqual(8);

  const word = await readDocx((await download(page, "Download board pack (Word)")).bytes);
  for (const line of [...keyMessages, ...decisions]) expect(word.text).toContain(line);
});
