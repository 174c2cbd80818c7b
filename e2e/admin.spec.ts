import { expect, test } from "@playwright/test";
import { demo, expectAccessible, signInWithPassword } from "./support";

test("an administrator adds a person and gives them a role", async ({ page }) => {
  await signInWithPassword(page, demo.admin);
  await expect(page.getByRole("heading", { name: "Administration" })).toBeVisible();
  await expectAccessible(page);

  const addForm = page.getByRole("form", { name: "Add a person" });
  await addForm.getByRole("button", { name: "Add person" }).click();
  await expect(addForm.getByRole("alert")).toContainText("Enter the person's full name");
  await expect(addForm.getByRole("alert")).toContainText("Enter an email address");
  await expectAccessible(page);

  const email = `senco-${Date.now()}@riverside.example`;
  await addForm.getByLabel("Full name").fill("Sam Senco");
  await addForm.getByLabel("Email address").fill(email);
  await addForm.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByText(`Sam Senco can now sign in with ${email}.`)).toBeVisible();

  // The same address twice is refused with a sentence, not a crash.
  await addForm.getByLabel("Full name").fill("Sam Again");
  await addForm.getByLabel("Email address").fill(email);
  await addForm.getByRole("button", { name: "Add person" }).click();
  await expect(addForm.getByRole("alert")).toContainText(`There is already an account for ${email}`);

  const roleForm = page.getByRole("form", { name: "Give someone a role in a local area" });
  await roleForm.getByLabel("Person").selectOption({ label: `Sam Senco (${email})` });
  await roleForm.getByLabel("Local area").selectOption({ label: "Northbridge" });
  await roleForm.getByLabel("Role").selectOption({ label: "Action owner" });
  await roleForm.getByRole("button", { name: "Give role" }).click();
  await expect(page.getByText("Sam Senco (" + email + ") is now action owner in Northbridge.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Sam Senco/ })).toContainText("Action owner in Northbridge");
  await expectAccessible(page);
});
