import { expect, test } from "./fixtures";
import { expectAccessible, signInAs } from "./support";

test("a lead takes a snapshot, changes an action and sees it under 'changes since'", async ({ page, demoCopy }) => {
  const label = `Improvement board ${Date.now()}`;
  await signInAs(page, demoCopy.people.lead);
  await page.goto(`/local-areas/${demoCopy.northbridge.slug}`);
  await expect(page.getByRole("table", { name: /Each finding/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Snapshots and board packs" }).click();
  await expect(page.getByRole("heading", { name: "Snapshots and board packs", level: 1 })).toBeVisible();
  await expectAccessible(page);

  // A label too short is refused with a message by the field.
  await page.getByLabel("Label", { exact: true }).fill("x");
  await page.getByRole("button", { name: "Take snapshot" }).click();
  await expect(page.getByRole("alert").first()).toContainText("Enter a label of at least 3 characters");
  await expectAccessible(page);

  await page.getByLabel("Label", { exact: true }).fill(label);
  await page.getByRole("button", { name: "Take snapshot" }).click();
  await expect(page.getByRole("status").first()).toContainText(`Snapshot “${label}” taken.`);
  await expect(page.getByRole("rowheader", { name: new RegExp(label) })).toBeVisible();
  await expectAccessible(page);

  // Straight after, nothing has changed.
  await page.getByRole("link", { name: `See what changes since “${label}”` }).click();
  await expect(page.getByRole("heading", { name: `Changes since “${label}”`, level: 1 })).toBeVisible();
  await expect(page.getByText("Nothing has changed.")).toBeVisible();
  await expectAccessible(page);
  const snapshotUrl = page.url();

  // The lead posts an update on action 1.3 that moves its progress.
  await page.goto(`/local-areas/${demoCopy.northbridge.slug}/actions`);
  await page.getByRole("link", { name: "Introduce a multi-agency quality assurance framework for EHC plans" }).click();
  const form = page.getByRole("form", { name: "Post an update on 1.3" });
  const progress = form.getByLabel("Progress (%)", { exact: true });
  const was = Number(await progress.inputValue());
  const now = was >= 95 ? was - 5 : was + 5;
  await form.getByLabel("What has happened since the last update?", { exact: true }).fill("Audit panel now meets fortnightly.");
  await progress.fill(String(now));
  await form.getByRole("button", { name: "Post update" }).click();
  await expect(form.getByRole("status").first()).toContainText("Update posted for action 1.3.");

  await page.goto(snapshotUrl);
  await expectAccessible(page);
  const changed = page.getByRole("table", { name: "Actions that changed, with each change" });
  const row = changed.getByRole("row").filter({ hasText: "Introduce a multi-agency quality assurance framework" });
  await expect(row).toContainText(`Progress: ${was}%`);
  await expect(row).toContainText(`${now}%`);
});

test("a viewer reads snapshots but is not offered the form to take one", async ({ page, demoCopy }) => {
  await signInAs(page, demoCopy.people.viewer);
  await page.goto(`/local-areas/${demoCopy.northbridge.slug}/snapshots`);
  await expect(page.getByRole("heading", { name: "Snapshots and board packs", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Take snapshot" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Download board pack (PDF)" })).toBeVisible();
  await expectAccessible(page);
});
