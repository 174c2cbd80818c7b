/** Notifications: the header's count, the list (opening it marks it read) and the settings form. */
import { expect, test } from "./fixtures";
import { expectAccessible, signInAs } from "./support";

test("a plan lead opens their notifications and changes their settings", async ({ page, demoCopy }) => {
  await signInAs(page, demoCopy.people.lead);
  const header = page.getByRole("navigation", { name: "Your account" });
  const link = header.getByRole("link", { name: /^Notifications( \(\d+ unread\))?$/ });
  await expect(link).toBeVisible();

  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  // Opening the page marks what it shows as read: the header then has no count.
  await expect(header.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Choose which notifications and emails you get" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notification settings" })).toBeVisible();
  await expectAccessible(page);
  const form = page.getByRole("form", { name: "Notification settings" });
  await form.getByLabel("An update on an action I own is due soon").uncheck();
  await form.getByLabel("Which day should your weekly digest arrive?").selectOption({ label: "Friday" });
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Your notification settings are saved.");

  await page.reload();
  await expect(form.getByLabel("An update on an action I own is due soon")).not.toBeChecked();
  await expect(form.getByLabel("Which day should your weekly digest arrive?")).toHaveValue("5");
  await expectAccessible(page);
});
