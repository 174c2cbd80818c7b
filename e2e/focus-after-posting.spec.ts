/**
 * Where the keyboard is after a form posts: on what the form says back, never at the top of the
 * page. A check-in that is posted puts focus on its success message, which keeps it once the page
 * has refreshed to show the update; one the server refuses puts focus on the error summary. The
 * same holds for every form, through Notice and ErrorSummary (components/ui/use-focus-on-arrival.ts).
 */
import type { Page } from "@playwright/test";
import { e2eDb, expect, test } from "./fixtures";
import { expectAccessible, signInAs } from "./support";

/** From My work, the page of the owner's most urgent action: its reference and address. */
async function openFirstAction(page: Page) {
  await page.getByRole("link", { name: "My work" }).click();
  await expect(page.getByRole("heading", { name: "My work", level: 1 })).toBeVisible();
  const heading = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) }).first().getByRole("heading", { level: 2 });
  const ref = (await heading.innerText()).trim().split(" ")[0]!;
  await heading.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ref);
  return { ref, form: page.getByRole("form", { name: `Post an update on ${ref}` }) };
}

/** What has the focus, in words: its role and its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? null, role: el?.getAttribute("role") ?? null, text: el?.textContent ?? "" };
  });

test("after posting an update, focus is on its success message, and stays there once the page has refreshed", async ({ page, demoCopy }) => {
  await signInAs(page, demoCopy.people.owner);
  const { ref, form } = await openFirstAction(page);
  const words = `Focus check ${Date.now()}: the triage rota started on Monday.`;
  await form.getByLabel("What has happened since the last update?", { exact: true }).fill(words);
  await form.getByRole("button", { name: "Post update" }).focus();
  await page.keyboard.press("Enter");

  const notice = form.getByRole("status").getByText(`Update posted for action ${ref}.`);
  await expect(notice).toBeVisible();
  // The refresh has brought the update into the timeline: the message still has the focus.
  await expect(page.getByRole("listitem").filter({ hasText: words })).toBeVisible();
  await expect(notice).toBeFocused();
  const now = await focused(page);
  expect(now.tag, "the success message, not the page").toBe("p");
  expect(now.text).toContain(`Update posted for action ${ref}.`);
  await expectAccessible(page);

  // The next Tab carries on in the form, not from the top of the page.
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("What has happened since the last update?", { exact: true })).toBeFocused();
});

test("after an update the server refuses, focus is on the error summary", async ({ page, demoCopy }) => {
  await signInAs(page, demoCopy.people.owner);
  const { form } = await openFirstAction(page);
  // While the owner writes, the action is given to the plan lead: the post is refused.
  const actionId = new URL(page.url()).pathname.split("/").at(-1)!;
  const db = e2eDb();
  const lead = await db.user.findFirstOrThrow({ where: { email: { equals: demoCopy.people.lead, mode: "insensitive" } }, select: { id: true } });
  await db.action.update({ where: { id: actionId }, data: { ownerId: lead.id } });

  await form.getByLabel("What has happened since the last update?", { exact: true }).fill("Written before the action changed hands.");
  await form.getByRole("button", { name: "Post update" }).focus();
  await page.keyboard.press("Enter");

  const summary = form.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("Only the action's owner or the plan lead can post an update on it.");
  await expect(summary).toBeFocused();
  const now = await focused(page);
  expect(now.role, "the error summary, not the page").toBe("alert");
  expect(now.text).toContain("There is a problem");
  await expect(form.getByRole("status")).not.toContainText("Update posted");
  await expectAccessible(page);
});
