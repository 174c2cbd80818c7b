import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAccessible, signInAs } from "./support";

const stamp = Date.now();
const INTERNAL = `The supplier's revised plan goes to the Director on Friday; keep it inside the partnership (${stamp}).`;
const SHARED = `Parents would like to test the new portal before it goes live, please (${stamp}).`;
/** The demo's own internal comment on action 1.4 (prisma/demo-data.ts). */
const DEMO_INTERNAL = "Supplier has missed the data migration date twice";

/** Opens Northbridge's action 1.4 from the actions list. */
async function openAction(page: Page, slug: string) {
  await page.goto(`/local-areas/${slug}/actions`);
  await page.getByRole("table", { name: "Actions" }).getByRole("row", { name: /^1\.4 / }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("1.4");
}

const timelineEntry = (page: Page, text: string) =>
  page.getByRole("list", { name: /comments?, newest first/ }).getByRole("listitem").filter({ hasText: text });

test("a lead's internal comment stays with the council and partners; the forum's comment reaches the lead", async ({ browser, demoCopy }) => {
  const lead = await (await browser.newContext()).newPage();
  await signInAs(lead, demoCopy.people.lead);
  await openAction(lead, demoCopy.northbridge.slug);
  await expect(lead.getByRole("heading", { level: 2, name: "Updates and comments", exact: true })).toBeVisible();
  await expect(timelineEntry(lead, DEMO_INTERNAL)).toHaveCount(1);
  await expectAccessible(lead);

  // Nothing typed: the error summary says so.
  const form = lead.getByRole("form", { name: "Comment on this action" });
  await expect(form.getByText("Comments cannot be edited or deleted once posted.")).toBeVisible();
  await form.getByRole("button", { name: "Add comment" }).click();
  await expect(form.getByRole("alert").first()).toContainText("Enter your comment");
  await expectAccessible(lead);

  await form.getByLabel("Add a comment", { exact: true }).fill(INTERNAL);
  await form.getByRole("radio", { name: "Council and partners only" }).check();
  await form.getByRole("button", { name: "Add comment" }).click();
  await expect(form.getByRole("status").first()).toContainText("Your comment was added: council and partners only.");
  const internal = timelineEntry(lead, INTERNAL);
  await expect(internal).toHaveCount(1);
  await expect(internal).toContainText("Comment");
  await expect(internal).toContainText("by Priya Shah, Northbridge City Council");
  await expect(internal).toContainText("Council and partners only");
  await expectAccessible(lead);
  const actionUrl = lead.url();

  // The forum sees neither internal comment, and has no choice of audience.
  const forum = await (await browser.newContext()).newPage();
  await signInAs(forum, demoCopy.people.forum);
  await forum.goto(actionUrl);
  await expect(forum.getByRole("heading", { level: 1 })).toContainText("1.4");
  await expect(forum.getByRole("heading", { level: 2, name: "Updates and comments", exact: true })).toBeVisible();
  await expect(forum.getByText(INTERNAL)).toHaveCount(0);
  await expect(forum.getByText(DEMO_INTERNAL)).toHaveCount(0);
  await expect(forum.getByText("Council and partners only")).toHaveCount(0);
  const forumForm = forum.getByRole("form", { name: "Comment on this action" });
  await expect(forumForm.getByRole("radio")).toHaveCount(0);
  await expect(forumForm).toContainText("Your comment will be shared with the forum");
  await expectAccessible(forum);

  await forumForm.getByLabel("Add a comment", { exact: true }).fill(SHARED);
  await forumForm.getByRole("button", { name: "Add comment" }).click();
  await expect(forumForm.getByRole("status").first()).toContainText("Your comment was added: shared with the forum.");
  const shared = timelineEntry(forum, SHARED);
  await expect(shared).toHaveCount(1);
  await expect(shared).toContainText("by Jo Hughes, Northbridge Parent Carer Forum");
  await expect(shared).toContainText("Shared with the forum");
  await expectAccessible(forum);

  // The lead sees the forum's comment beside their own.
  await lead.reload();
  await expect(timelineEntry(lead, SHARED)).toHaveCount(1);
  await expect(timelineEntry(lead, SHARED)).toContainText("Shared with the forum");
  await expect(timelineEntry(lead, INTERNAL)).toHaveCount(1);
  await expectAccessible(lead);
});

test("a board member reads comments on a finding but cannot add one", async ({ page, demoCopy }) => {
  await signInAs(page, demoCopy.people.viewer);
  await page.goto(`/local-areas/${demoCopy.northbridge.slug}`);
  await page.getByRole("link", { name: /^4\. Children with SEND in Northbridge were much more likely/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Finding 4:/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Comments", exact: true })).toBeVisible();
  await expect(page.getByText("Please bring the suspensions data by school to the next monitoring meeting.")).toBeVisible();
  await expect(page.getByRole("form", { name: "Comment on this finding" })).toHaveCount(0);
  await expectAccessible(page);
});
