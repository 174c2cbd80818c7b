import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAccessible, signInAs } from "./support";

/** Today plus `days`, as an <input type="date"> takes it. */
function isoDay(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function addAction(page: Page, slug: string, findingRef: string, ref: string, title: string, dependsOn?: string) {
  await page.goto(`/local-areas/${slug}/plan`);
  await page.getByRole("link", { name: `Add an action to finding ${findingRef}` }).click();
  await expect(page.getByRole("heading", { name: "Add an action" })).toBeVisible();
  await expectAccessible(page);
  const form = page.getByRole("form", { name: "Add an action" });
  await form.getByLabel("Reference", { exact: true }).fill(ref);
  await form.getByLabel("Title", { exact: true }).fill(title);
  await form.getByLabel("Owner", { exact: true }).selectOption({ label: "Tom Baker, Northbridge City Council" });
  await form.getByLabel("Lead organisation", { exact: true }).selectOption({ label: "Northbridge City Council" });
  await form.getByLabel("Start date (optional)", { exact: true }).fill(isoDay(-10));
  await form.getByLabel("Due date (optional)", { exact: true }).fill(isoDay(120));
  if (dependsOn) {
    await form.getByText(/Choose from \d+ actions/).click();
    await form.getByLabel(dependsOn).check();
  }
  await form.getByLabel("Co-production level claimed (optional)", { exact: true }).selectOption({ label: "Co-designing" });
  await form.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByRole("heading", { name: `${ref} ${title}` })).toBeVisible();
  await expectAccessible(page);
}

test("a lead adds a finding with two actions and a measure with milestones, refused first for what is missing", async ({ page, demoCopy }) => {
  const ref = `9${Date.now() % 1000}`;
  await signInAs(page, demoCopy.people.lead);
  await page.goto(`/local-areas/${demoCopy.northbridge.slug}`);
  await page.getByRole("link", { name: "Build the plan" }).click();
  await expect(page.getByRole("heading", { name: "Build the plan" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Add a finding" }).click();
  const form = page.getByRole("form", { name: "Add a finding" });
  await form.getByRole("button", { name: "Add finding" }).click();
  // Errors in a summary at the top and beside each field.
  const summary = form.getByRole("alert").first();
  await expect(summary).toContainText("Enter the finding reference");
  await expect(summary).toContainText("Enter the inspectors' wording");
  // The plain-English summary may wait: a plan starts from the letter's wording.
  await expect(form.locator("#finding-summary-error")).toHaveCount(0);
  await expectAccessible(page);

  await form.getByLabel("Reference", { exact: true }).fill(ref);
  await form.getByLabel("Kind of finding", { exact: true }).selectOption({ label: "Area for improvement" });
  await form.getByLabel("The inspectors' wording", { exact: true }).fill("Leaders do not know well enough how long families wait for speech and language therapy.");
  await form.getByLabel("Plain-English summary", { exact: true }).fill("Waits for speech and language therapy are not tracked well.");
  await form.getByRole("button", { name: "Add finding" }).click();
  await expect(page.getByRole("heading", { name: "Build the plan" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`^${ref} `) })).toContainText("Waits for speech and language therapy");

  await addAction(page, demoCopy.northbridge.slug, ref, `${ref}.1`, "Publish waiting times every month");
  await addAction(page, demoCopy.northbridge.slug, ref, `${ref}.2`, "Commission extra therapy sessions", `${ref}.1 Publish waiting times every month`);
  await expect(page.getByText(`${ref}.1 Publish waiting times every month`)).toBeVisible(); // "Depends on"

  // A measure of the finding's impact, with a trajectory of two milestones.
  await page.goto(`/local-areas/${demoCopy.northbridge.slug}/measures`);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Add a measure" }).click();
  const measure = page.getByRole("form", { name: "Add a measure" });
  await measure.getByLabel("Reference", { exact: true }).fill(`M${ref}`);
  await measure.getByLabel("Name", { exact: true }).fill("Median weeks waited for a first therapy appointment");
  await measure.getByLabel("Definition", { exact: true }).fill("Median weeks from referral to first appointment, children referred in the month.");
  await measure.getByLabel("Unit", { exact: true }).selectOption({ label: "Weeks" });
  await measure.getByLabel("Which way is better", { exact: true }).selectOption({ label: "Lower is better" });
  await measure.getByLabel("Source", { exact: true }).fill("Community trust waiting list");
  await measure.getByLabel("Baseline value", { exact: true }).fill("38");
  await measure.getByLabel("Baseline date", { exact: true }).fill(isoDay(-60));
  await measure.getByLabel("Target value", { exact: true }).fill("18");
  await measure.getByLabel("Target date", { exact: true }).fill(isoDay(300));
  await measure.getByRole("button", { name: "Add a milestone" }).click();
  await measure.getByLabel("Milestone 1 date", { exact: true }).fill(isoDay(60));
  await measure.getByLabel("Milestone 1 target value", { exact: true }).fill("32");
  await measure.getByRole("button", { name: "Add a milestone" }).click();
  // A milestone after the target date is refused beside the field.
  await measure.getByLabel("Milestone 2 date", { exact: true }).fill(isoDay(400));
  await measure.getByLabel("Milestone 2 target value", { exact: true }).fill("24");
  await measure.getByLabel(new RegExp(`^${ref}\\. Waits for speech`)).check();
  await measure.getByRole("button", { name: "Add measure" }).click();
  await expect(measure.getByRole("alert").first()).toContainText("Milestone 2");
  await expectAccessible(page);
  await measure.getByLabel("Milestone 2 date", { exact: true }).fill(isoDay(180));
  await measure.getByRole("button", { name: "Add measure" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Median weeks waited for a first therapy appointment");
  await expect(page.getByRole("table").filter({ hasText: "Milestone" }).first()).toContainText("32");
  await expectAccessible(page);

  // The area home lists the new finding with both axes and its two actions counted.
  await page.goto(`/local-areas/${demoCopy.northbridge.slug}`);
  const row = page.getByRole("table", { name: /^Each finding/ }).getByRole("row", { name: new RegExp(`^${ref}\\. Waits for speech and language therapy are not tracked well\\.`) });
  await expect(row).toContainText("2 actions:");
  await expect(row).toContainText("1 measure:");
  await expectAccessible(page);

  // Its page has both axes, the two actions and the measure.
  await row.getByRole("link", { name: `${ref}. Waits for speech and language therapy are not tracked well.` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Finding ${ref}: Waits for speech and language therapy are not tracked well.` })).toBeVisible();
  const glance = page.getByRole("definition").filter({ hasText: "2 actions:" });
  await expect(glance).toHaveCount(1);
  await expect(page.getByRole("term").filter({ hasText: "Delivery (actions)" })).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "Impact (measures)" })).toBeVisible();
  await page.getByText("Show the actions (2)").click();
  await expect(page.getByRole("table", { name: `Actions for finding ${ref}` }).getByRole("row")).toHaveCount(3); // header + two actions
  await expect(page.getByRole("link", { name: /Median weeks waited/ })).toBeVisible();
  await expectAccessible(page);
});

test("two people edit the same action: the second save is refused with what changed, and can be reapplied", async ({ browser, demoCopy }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signInAs(first, demoCopy.people.lead);
  await signInAs(second, demoCopy.people.lead);
  await first.goto(`/local-areas/${demoCopy.northbridge.slug}/actions`);
  await expectAccessible(first);
  // The plan's last action: no other journey relies on its dates. The plan is accepted, so its
  // title and due date change only through a change request (e2e/adviser.spec.ts); the start date
  // is the plan's own to edit.
  await first.getByRole("table", { name: "Actions" }).getByRole("link").last().click();
  await first.getByRole("link", { name: "Edit this action" }).click();
  await first.waitForURL(/\/edit$/);
  const editUrl = first.url();
  await second.goto(editUrl);
  await expectAccessible(second);

  const firstForm = first.getByRole("form", { name: /^Edit action/ });
  const secondForm = second.getByRole("form", { name: /^Edit action/ });
  await firstForm.getByLabel("Start date (optional)", { exact: true }).fill("2025-11-03");
  await firstForm.getByRole("button", { name: "Save action" }).click();
  await expect(first.getByRole("status").filter({ hasText: /^Action .* has been saved\.$/ })).toBeVisible();

  await secondForm.getByLabel("Start date (optional)", { exact: true }).fill("2025-11-10");
  await secondForm.getByRole("button", { name: "Save action" }).click();
  await expect(second.getByRole("alert").first()).toContainText("Someone else saved this action while you were editing it");
  const panel = second.getByRole("region", { name: /while you were editing/ });
  await expect(panel).toContainText("3 November 2025");
  await expect(panel).toContainText("10 November 2025");
  await expectAccessible(second);

  await panel.getByRole("button", { name: /Save my version/i }).click();
  await expect(second.getByRole("status").filter({ hasText: /^Action .* has been saved\.$/ })).toBeVisible();
  await expect(panel).toHaveCount(0);
  await second.goto(editUrl.replace(/\/edit$/, ""));
  await expect(second.getByRole("main")).toContainText("10 November 2025");
});
