import { expect, test } from "./fixtures";
import { expectAccessible, signInAs } from "./support";

/** Today plus `days`, as an <input type="date"> takes it. */
function isoDay(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
const longDate = (iso: string) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(iso));

test("an adviser records a monitoring note on Northbridge; the lead reads it, the forum cannot", async ({ browser, demoCopy }) => {
  const adviser = await (await browser.newContext()).newPage();
  await signInAs(adviser, demoCopy.people.adviser);
  await adviser.goto(`/local-areas/${demoCopy.northbridge.slug}`);
  await adviser.getByRole("link", { name: "Adviser's monitoring notes" }).click();
  await expect(adviser.getByRole("heading", { level: 1, name: "Adviser's monitoring notes" })).toBeVisible();
  await expectAccessible(adviser);

  const form = adviser.getByRole("form", { name: "Record a monitoring note", exact: true });
  await form.getByRole("button", { name: "Record note" }).click();
  await expect(form.getByRole("alert")).toContainText("Enter the note");
  await expectAccessible(adviser);

  const note = `Monitoring visit ${Date.now()}: the suspensions data by school is now reviewed monthly.`;
  const finding4 = await form.locator("option", { hasText: /^Finding 4\./ }).getAttribute("value");
  await form.getByLabel("What the note is about", { exact: true }).selectOption(finding4!);
  await form.getByLabel("Note", { exact: true }).fill(note);
  await form.getByLabel("At risk", { exact: true }).check();
  await expect(form.getByLabel("Date of the note", { exact: true })).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await form.getByRole("button", { name: "Record note" }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "Your note has been recorded." })).toBeVisible();
  const latest = adviser.getByRole("list", { name: /monitoring notes, newest first/ }).getByRole("listitem").first();
  await expect(latest).toContainText(note);
  await expect(latest).toContainText("Adviser: At risk");
  await expect(latest).toContainText("by Martin Cole");
  await expectAccessible(adviser);

  // The finding page shows it, and offers the adviser the form there too.
  await latest.getByRole("link", { name: /^Finding 4:/ }).click();
  await expect(adviser.getByText(note)).toBeVisible();
  await expect(adviser.getByRole("form", { name: "Record a monitoring note on finding 4" })).toBeVisible();
  await expectAccessible(adviser);

  const lead = await (await browser.newContext()).newPage();
  await signInAs(lead, demoCopy.people.lead);
  await lead.goto(`/local-areas/${demoCopy.northbridge.slug}/monitoring`);
  await expect(lead.getByText(note)).toBeVisible();
  await expect(lead.getByRole("form", { name: "Record a monitoring note", exact: true })).toHaveCount(0);
  await expectAccessible(lead);

  const forum = await (await browser.newContext()).newPage();
  await signInAs(forum, demoCopy.people.forum);
  expect((await forum.goto(`/local-areas/${demoCopy.northbridge.slug}/monitoring`))?.status()).toBe(403);
});

test("the lead requests a new due date on an accepted plan, the adviser approves it, and the history shows both dates", async ({ browser, demoCopy }) => {
  const lead = await (await browser.newContext()).newPage();
  await signInAs(lead, demoCopy.people.lead);
  await lead.goto(`/local-areas/${demoCopy.northbridge.slug}/actions`);
  await lead.getByRole("link", { name: /Report SEND performance termly/ }).first().click();
  await expect(lead.getByRole("heading", { level: 1, name: /Report SEND performance termly/ })).toBeVisible();
  const actionUrl = lead.url();
  const oldDue = (await lead.locator("dt", { hasText: /^Due date$/ }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
  // A different day on every run, so a rerun asks for a real change.
  const newDue = isoDay(400 + (Math.floor(Date.now() / 86_400_000) % 200));

  // Editing the due date directly is refused: the plan has been accepted.
  await lead.goto(`${actionUrl}/edit`);
  await expect(lead.getByRole("heading", { level: 2, name: "Request a change" })).toBeVisible();
  await expectAccessible(lead);
  const editForm = lead.getByRole("form", { name: /^Edit action/ });
  await editForm.getByLabel("Due date (optional)", { exact: true }).fill(newDue);
  await editForm.getByRole("button", { name: "Save action" }).click();
  await expect(editForm.getByRole("alert")).toContainText("This plan has been accepted: request a change to the due date instead");
  await lead.reload();

  const request = lead.getByRole("form", { name: "Request a change" });
  await request.getByRole("radio", { name: /^Due date/ }).check();
  await request.getByLabel("New due date", { exact: true }).fill(newDue);
  await request.getByRole("button", { name: "Send the request" }).click();
  await expect(request.getByRole("alert")).toContainText("Enter the reason for the change");
  await request.getByLabel("Reason for the change", { exact: true }).fill("Scrutiny now meets in the spring term: the first report moves with it.");
  await request.getByRole("button", { name: "Send the request" }).click();
  await expect(lead.getByRole("status").filter({ hasText: "has been sent to the adviser" })).toBeVisible();
  await expectAccessible(lead);

  const adviser = await (await browser.newContext()).newPage();
  await signInAs(adviser, demoCopy.people.adviser);
  await adviser.goto(`/local-areas/${demoCopy.northbridge.slug}`);
  await adviser.getByRole("link", { name: "Change requests" }).click();
  await expect(adviser.getByRole("heading", { level: 1, name: "Change requests" })).toBeVisible();
  await expectAccessible(adviser);
  const pending = adviser.getByRole("listitem").filter({ hasText: /Report SEND performance termly/ }).filter({ hasText: longDate(newDue) });
  await expect(pending).toContainText(oldDue);
  await pending.getByRole("button", { name: /^Approve/ }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "The change has been approved and applied." })).toBeVisible();
  await expectAccessible(adviser);

  await lead.goto(actionUrl);
  await expect(lead.locator("dt", { hasText: /^Due date$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText(longDate(newDue));
  const history = lead.getByRole("table", { name: "Changes requested to this action, newest first" });
  const row = history.getByRole("row").filter({ hasText: longDate(newDue) }).first();
  await expect(row).toContainText("Due date");
  await expect(row).toContainText(oldDue);
  await expect(row).toContainText("Approved");
  await expect(row).toContainText("Martin Cole");
  await expectAccessible(lead);
});
