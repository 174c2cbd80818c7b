import { expect, test } from "./fixtures";
import { expectAccessible, signInAs } from "./support";

// A real (if tiny) PDF: the upload is checked by content, not by its name.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

test("an owner posts an update with a file from My work; the lead accepts the evidence and acknowledges the update", async ({ browser, demoCopy }) => {
  const fileName = `caseload-report-${Date.now()}.pdf`;
  const owner = await (await browser.newContext()).newPage();
  await signInAs(owner, demoCopy.people.owner);
  await owner.getByRole("link", { name: "My work" }).click();
  await expect(owner.getByRole("heading", { name: "My work", level: 1 })).toBeVisible();
  await expectAccessible(owner);

  // The most urgent action comes first.
  const card = owner.getByRole("listitem").filter({ has: owner.getByRole("heading", { level: 2 }) }).first();
  const title = (await card.getByRole("heading", { level: 2 }).innerText()).trim();
  const ref = title.split(" ")[0]!;
  await card.locator("summary", { hasText: "Post an update" }).click();
  // Found by its own name, not through `card`: once the update is posted the list re-sorts, and
  // "the first card" is then another action.
  const form = owner.getByRole("form", { name: `Post an update on ${ref}` });

  // Bad input first: nothing typed, and an impossible progress.
  await form.getByLabel("What has happened since the last update?", { exact: true }).fill("");
  await form.getByLabel("Progress (%)", { exact: true }).fill("140");
  await form.getByRole("button", { name: "Post update" }).click();
  await expect(form.getByRole("alert").first()).toContainText("Enter what has happened since the last update");
  await expect(form.getByRole("alert").first()).toContainText("Progress must be 100 or less");
  await expectAccessible(owner);

  await form.getByLabel("What has happened since the last update?", { exact: true }).fill("Two more coordinators started on Monday; caseloads are down to 131.");
  await form.getByLabel("Progress (%)", { exact: true }).fill("60");
  await form.getByLabel("Attach a file as evidence (optional)", { exact: true }).setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: PDF });
  await form.getByRole("button", { name: "Post update" }).click();
  await expect(form.getByRole("status").first()).toContainText(`Update posted for action ${ref}. ${fileName} was added as evidence`);
  await expectAccessible(owner);

  // The lead reviews the file and acknowledges the update.
  const lead = await (await browser.newContext()).newPage();
  await signInAs(lead, demoCopy.people.lead);
  await lead.goto(`/local-areas/${demoCopy.northbridge.slug}`);
  await expectAccessible(lead);
  await lead.getByRole("link", { name: "Review it" }).click();
  await expect(lead.getByRole("heading", { name: "Evidence awaiting review" })).toBeVisible();
  await expectAccessible(lead);
  const item = lead.getByRole("listitem").filter({ has: lead.getByRole("heading", { name: fileName }) });
  await item.getByRole("radio", { name: "Accept" }).check();
  await item.getByRole("button", { name: /Save review/ }).click();
  await expect(lead.getByText(`You accepted “${fileName}”.`)).toBeVisible();
  await expectAccessible(lead);

  await lead.goto(`/local-areas/${demoCopy.northbridge.slug}/actions`);
  await expectAccessible(lead);
  await lead.getByRole("link", { name: title.slice(ref.length + 1) }).click();
  await expect(lead.getByText("Two more coordinators started on Monday")).toBeVisible();
  await expect(lead.getByRole("heading", { name: fileName })).toBeVisible();
  const ours = lead.getByRole("listitem").filter({ hasText: "Two more coordinators started on Monday" });
  await ours.getByRole("button", { name: /^Acknowledge the update of/ }).click();
  await expect(ours).toContainText("Acknowledged by Priya Shah");
  await expectAccessible(lead);
});

test("an owner cannot post an update on an action they do not own", async ({ page, demoCopy }) => {
  await signInAs(page, demoCopy.people.owner);
  await page.goto(`/local-areas/${demoCopy.northbridge.slug}/actions`);
  // 1.3 belongs to Priya Shah, the lead.
  await page.getByRole("table", { name: "Actions" }).getByRole("row", { name: /^1\.3 / }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("1.3");
  await expect(page.getByRole("form", { name: /Post an update/ })).toHaveCount(0);
  await expectAccessible(page);
});

test("an owner posts an update with the keyboard alone", async ({ page, demoCopy }) => {
  await signInAs(page, demoCopy.people.owner);
  /** Presses Tab until `target` has focus: the keyboard path a person would take. */
  async function tabTo(target: ReturnType<typeof page.locator>, most = 60) {
    for (let i = 0; i < most; i += 1) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press("Tab");
    }
    await expect(target).toBeFocused();
  }

  await tabTo(page.getByRole("link", { name: "My work" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "My work", level: 1 })).toBeVisible();

  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) }).first();
  const ref = (await card.getByRole("heading", { level: 2 }).innerText()).trim().split(" ")[0]!;
  await tabTo(card.locator("summary", { hasText: "Post an update" }));
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: `Post an update on ${ref}` }); // the list re-sorts after posting
  await tabTo(form.getByLabel("What has happened since the last update?", { exact: true }));
  await page.keyboard.type("Panel met on Tuesday and agreed the new triage rota.");
  await page.keyboard.press("Tab"); // progress
  await page.keyboard.press("Control+A");
  await page.keyboard.type("55");
  await tabTo(form.getByRole("button", { name: "Post update" }));
  await page.keyboard.press("Enter");
  await expect(form.getByRole("status").first()).toContainText(`Update posted for action ${ref}.`);
});
