import { expect, test } from "./fixtures";
import { expectAccessible, signInAs } from "./support";

// Northbridge 5.3 claims co-producing and, in the demo, has no forum verdict.
const ACTION = /Run quarterly SEND surgeries with the parent carer forum/;

test("the forum disagrees with an action's claim of co-production; the lead sees it and cannot alter it", async ({ browser, demoCopy }) => {
  const words = `Families were told the dates, not asked to plan the surgeries (${Date.now()}).`;

  // The forum member finds the claim and gives the forum's verdict.
  const forum = await (await browser.newContext()).newPage();
  await signInAs(forum, demoCopy.people.forum);
  await forum.goto(`/local-areas/${demoCopy.northbridge.slug}/forum`);
  await expect(forum.getByRole("heading", { name: "The parent carer forum", level: 1 })).toBeVisible();
  await expect(forum.getByRole("heading", { name: "Awaiting your verdict" })).toBeVisible();
  await expectAccessible(forum);

  await forum.goto(`/local-areas/${demoCopy.northbridge.slug}/actions`);
  await forum.getByRole("link", { name: ACTION }).first().click();
  await expect(forum.getByRole("heading", { level: 1, name: ACTION })).toBeVisible();
  await expect(forum.getByText("Co-producing").first()).toBeVisible();
  await expectAccessible(forum);
  const actionUrl = forum.url();

  // A first verdict, or (on a rerun of this journey) the same member's new one replacing theirs.
  const form = forum.getByRole("form", { name: /Give (the forum's|a new) verdict/ });
  await form.getByRole("button", { name: "Record verdict" }).click();
  await expect(form.getByRole("alert").first()).toContainText("Select whether the forum agrees");
  await expectAccessible(forum);

  await form.getByRole("radio", { name: "Disagree" }).check();
  await form.getByLabel("What level of co-production does the forum recognise?").selectOption("CONSULTING");
  await form.getByRole("checkbox", { name: "Welcome and care" }).check();
  await form.getByLabel("What the forum says", { exact: true }).fill(words);
  await form.getByRole("checkbox", { name: /public page/ }).check();
  await form.getByRole("button", { name: "Record verdict" }).click();

  const forumSection = forum.getByRole("region", { name: "The parent carer forum's verdict" });
  await expect(forumSection.getByRole("heading", { name: "Disagree: the forum disagrees" })).toBeVisible();
  await expect(forumSection.getByTestId("current-verdict")).toContainText(words);
  await expectAccessible(forum);

  // The lead sees the disagreement, prominently, with nothing to change or withdraw it.
  const lead = await (await browser.newContext()).newPage();
  await signInAs(lead, demoCopy.people.lead);
  await lead.goto(`/local-areas/${demoCopy.northbridge.slug}`);
  const panel = lead.getByRole("region", { name: "The forum disagrees" });
  await expect(panel.getByRole("link", { name: ACTION })).toBeVisible();
  await expectAccessible(lead);

  await lead.goto(actionUrl);
  const section = lead.getByRole("region", { name: "The parent carer forum's verdict" });
  const current = section.getByTestId("current-verdict");
  await expect(current.getByRole("heading", { name: "Disagree: the forum disagrees" })).toBeVisible();
  await expect(current).toContainText(words);
  await expect(current).toContainText("Consulting");
  await expect(section.locator("form, button, a, input, textarea, select")).toHaveCount(0);
  await expect(lead.getByRole("button", { name: /verdict/i })).toHaveCount(0);
  await expect(lead.getByRole("link", { name: /verdict|withdraw/i })).toHaveCount(0);
  // A lead may withdraw evidence on this page, each button named by the item's title; never the verdict.
  const withdrawButtons = lead.getByRole("button", { name: /withdraw/i });
  for (const name of await withdrawButtons.allInnerTexts()) expect(name).toMatch(/^Withdraw\s+\S/);
  await expect(section.getByRole("button", { name: /withdraw/i })).toHaveCount(0);
  await expect(section).toContainText("Only the parent carer forum gives its verdict, and nobody else can change it.");
  await expectAccessible(lead);

  // The forum view keeps it in the history, for the lead as for everyone in the area.
  await lead.goto(`/local-areas/${demoCopy.northbridge.slug}/forum`);
  const history = lead.getByRole("region", { name: "The forum's verdicts" });
  const item = history.getByRole("listitem").filter({ hasText: words });
  await expect(item.getByRole("link", { name: ACTION })).toBeVisible();
  await expect(item).toContainText("Forum: Disagree");
  await expect(lead.getByRole("region", { name: "The forum disagrees" }).getByRole("link", { name: ACTION })).toBeVisible();
  await expectAccessible(lead);
});
