import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { normaliseSpace, readDocx, readPdf } from "../server/services/board-pack/document-text";
import { demo, signInAs } from "./support";

/** "Finding 1: Families waited ...": every finding as the area's home page names it. */
async function findingHeadings(page: Page): Promise<string[]> {
  await page.goto("/local-areas/northbridge");
  const links = await page.locator('h2 a[href*="/findings/"]').allTextContents();
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

  const word = await download(page, "Download board pack (Word)");
  expect(word.name).toMatch(/^northbridge-board-pack-\d{4}-\d{2}-\d{2}\.docx$/);
  const wordText = await readDocx(word.bytes);
  for (const heading of findings) expect(wordText.text).toContain(heading);
  expect(wordText.html).toMatch(/<img [^>]*alt="Latest /);
});
