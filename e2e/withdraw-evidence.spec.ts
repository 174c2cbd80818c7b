import { expect, test } from "./fixtures";
import { expectAccessible, signInAs } from "./support";

// A real (if tiny) PDF: the upload is checked by content, not by its name.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

test("a lead withdraws an evidence file: the file is gone, and the item says who withdrew it and why", async ({ page, demoCopy }) => {
  const title = `Panel minutes ${Date.now()}`;
  await signInAs(page, demoCopy.people.lead);
  await page.goto(`/local-areas/${demoCopy.northbridge.slug}/actions`);
  await page.getByRole("table", { name: "Actions" }).getByRole("row", { name: /^1\.3 / }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("1.3");
  await expectAccessible(page);

  // The lead adds a file first, as anyone adding evidence would.
  const add = page.getByRole("form", { name: "Add evidence" });
  await add.getByRole("radio", { name: "A file" }).check();
  await add.getByLabel("File", { exact: true }).setInputFiles({ name: "panel-minutes.pdf", mimeType: "application/pdf", buffer: PDF });
  await add.getByLabel("Title", { exact: true }).fill(title);
  await add.getByRole("radio", { name: "Activity" }).check();
  await add.getByRole("radio", { name: "Internal" }).check();
  await add.getByRole("button", { name: "Add evidence" }).click();

  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  const download = item.getByRole("link", { name: /^Download/ });
  await expect(download).toBeVisible();
  const fileHref = (await download.getAttribute("href"))!;
  expect((await page.request.get(fileHref)).status()).toBe(200);
  await expectAccessible(page);

  // Withdraw: a reason, then a confirming button.
  await item.getByRole("button", { name: `Withdraw ${title}` }).click();
  const form = page.getByRole("form", { name: `Withdraw ${title}` });
  await expect(form).toContainText("Withdrawing deletes the file panel-minutes.pdf for good.");
  await expectAccessible(page);
  await form.getByRole("button", { name: /^Yes, withdraw it/ }).click();
  await expect(form.getByRole("alert").first()).toContainText("Enter why the evidence is withdrawn");
  await expectAccessible(page);
  await form.getByLabel("Why are you withdrawing it?", { exact: true }).fill("It names a child; the anonymised copy replaces it.");
  await form.getByRole("button", { name: /^Yes, withdraw it/ }).click();

  await expect(item).toContainText("Withdrawn by Priya Shah on");
  await expect(item).toContainText("It names a child; the anonymised copy replaces it.");
  await expect(item.getByRole("link", { name: /^Download/ })).toHaveCount(0);
  await expect(item.getByRole("button", { name: `Withdraw ${title}` })).toHaveCount(0);
  await expectAccessible(page);

  // The file itself is gone: its old address finds nothing.
  expect((await page.request.get(fileHref)).status()).toBe(404);

  // Still so after a reload, for anyone who reads the action.
  await page.reload();
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) })).toContainText("Withdrawn by Priya Shah on");
  await expectAccessible(page);
});

test("every page links to the privacy notice, which anyone can read", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByRole("heading", { name: "Privacy notice", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Who is responsible for your data" })).toBeVisible();
  await expectAccessible(page);
});
