import { expect, test } from "./fixtures";
import { expectAccessible, openPersonInAdmin, signInAs } from "./support";

test("an administrator adds a person and gives them a role", async ({ page, demoCopy }) => {
  await signInAs(page, demoCopy.people.admin);
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

  // Found by the search, among however many people the service has, and given a role on their page.
  await openPersonInAdmin(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "Sam Senco" })).toBeVisible();
  const roleForm = page.getByRole("form", { name: "Give a role in a local area" });
  await roleForm.getByLabel("Local area").selectOption({ label: demoCopy.northbridge.name });
  await roleForm.getByLabel("Role").selectOption({ label: "Action owner" });
  await roleForm.getByRole("button", { name: "Give role" }).click();
  await expect(page.getByText("Sam Senco (" + email + `) is now action owner in ${demoCopy.northbridge.name}.`)).toBeVisible();
  const row = page.getByRole("listitem").filter({ hasText: `Action owner in ${demoCopy.northbridge.name}` });
  await expect(row).toBeVisible();
  await expectAccessible(page);

  // Removing a role asks first.
  await row.getByRole("button", { name: /^Remove Sam Senco/ }).click();
  await expectAccessible(page);
  await row.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toContainText(`Action owner in ${demoCopy.northbridge.name}`);
  await row.getByRole("button", { name: /^Remove Sam Senco/ }).click();
  await row.getByRole("button", { name: /^Yes, remove/ }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "No roles yet" })).toBeVisible();
});

test("an administrator adds a local area, and a bad code is explained", async ({ page, demoCopy }) => {
  await signInAs(page, demoCopy.people.admin);
  const form = page.getByRole("form", { name: "Add a local area" });
  await form.getByLabel("Local area name").fill("Southwold");
  await form.getByLabel("Local authority code").fill("99");
  await form.getByRole("button", { name: "Add local area" }).click();
  await expect(form.getByRole("alert")).toContainText("Enter the DfE local authority code: three digits, like 941");
  await expect(form.getByRole("alert")).toContainText("Choose a region");
  await expectAccessible(page);

  // A code another area already has is refused with a sentence.
  await form.getByLabel("Local authority code").fill("990");
  await form.getByLabel("Region").selectOption({ label: "East of England" });
  await form.getByRole("button", { name: "Add local area" }).click();
  await expect(form.getByRole("alert")).toContainText("Northbridge already has the local authority code 990");

  await form.getByLabel("Local authority code").fill("935");
  await form.getByRole("button", { name: "Add local area" }).click();
  await expect(page.getByText("Southwold has been added.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Local areas in Headway" })).toContainText("Southwold");
  await expectAccessible(page);
});
