import { expect, test } from "./fixtures";
import { expectAccessible, signInAs } from "./support";

/**
 * On the test's own copy of Northbridge, since starting an APP changes an area for good: the APP
 * becomes its current plan and the WSOA is closed. Eastmoor cannot serve: its WSOA already has its APP.
 */
test("after a revisit judges findings 1 and 3 not sufficient, the lead starts an APP carrying forward only those", async ({ browser, demoCopy }) => {
  const adviser = await (await browser.newContext()).newPage();
  await signInAs(adviser, demoCopy.people.adviser);
  await adviser.goto(`/local-areas/${demoCopy.northbridge.slug}`);
  await adviser.getByRole("link", { name: "Judgements" }).click();
  await expect(adviser.getByRole("heading", { level: 1, name: "Judgements" })).toBeVisible();
  await expectAccessible(adviser);

  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const letter = "https://reports.ofsted.gov.uk/provider/44/northbridge-local-area-send-revisit-letter";
  for (const [ref, judgement] of [["1", "Not sufficient progress"], ["2", "Sufficient progress"], ["3", "Not sufficient progress"]] as const) {
    const form = adviser.getByRole("form", { name: `Judgement on finding ${ref}`, exact: true });
    if (ref === "1") {
      // A letter that is not https is refused beside the field.
      await form.getByLabel(judgement, { exact: true }).check();
      await form.getByLabel("Date of the judgement", { exact: true }).fill(yesterday);
      await form.getByLabel("Link to the published letter", { exact: true }).fill("http://example.org/letter");
      await form.getByRole("button", { name: /^Save judgement/ }).click();
      await expect(form.getByRole("alert")).toContainText("starting https://");
      await expectAccessible(adviser);
    }
    await form.getByLabel(judgement, { exact: true }).check();
    await form.getByLabel("Date of the judgement", { exact: true }).fill(yesterday);
    await form.getByLabel("Link to the published letter", { exact: true }).fill(letter);
    await form.getByRole("button", { name: /^Save judgement/ }).click();
    await expect(form.getByRole("status")).toContainText(`The judgement on finding ${ref} has been recorded.`);
  }
  const table = adviser.getByRole("table", { name: /^Judgements on the findings of/ });
  await expect(table.getByRole("row", { name: /^1\. / })).toContainText("Not sufficient progress");
  await expect(table.getByRole("row", { name: /^2\. / })).toContainText("Sufficient progress");
  await expectAccessible(adviser);

  const lead = await (await browser.newContext()).newPage();
  await signInAs(lead, demoCopy.people.lead);
  await lead.goto(`/local-areas/${demoCopy.northbridge.slug}/judgements`);
  const panel = lead.getByRole("region", { name: "Start an Accelerated Progress Plan" });
  const carried = panel.getByRole("list", { name: "Findings the new plan carries forward" }).getByRole("listitem");
  await expect(carried).toHaveCount(2);
  await expect(carried.nth(0)).toContainText("Finding 1:");
  await expect(carried.nth(1)).toContainText("Finding 3:");
  await expectAccessible(lead);
  await panel.getByRole("button", { name: "Start an Accelerated Progress Plan" }).click();
  await expect(panel.getByText(/closes Northbridge Written Statement of Action/)).toBeVisible();
  await expectAccessible(lead);
  await panel.getByRole("button", { name: "Yes, start the plan" }).click();

  // The APP is now the current plan: findings 1 and 3 only, linked to the WSOA.
  await expect(lead.getByText(/follows on from Northbridge Written Statement of Action/)).toBeVisible();
  const appTable = lead.getByRole("table", { name: new RegExp(`^Judgements on the findings of ${demoCopy.northbridge.name} Accelerated progress plan`) });
  await expect(appTable.getByRole("row")).toHaveCount(3); // header + findings 1 and 3
  await expect(appTable.getByRole("row", { name: /^1\. / })).toBeVisible();
  await expect(appTable.getByRole("row", { name: /^3\. / })).toBeVisible();
  await expect(appTable.getByRole("row", { name: /^2\. / })).toHaveCount(0);
  await expectAccessible(lead);

  await lead.goto(`/local-areas/${demoCopy.northbridge.slug}`);
  await expect(lead.getByText("Accelerated progress plan").first()).toBeVisible();
  await expectAccessible(lead);
});
