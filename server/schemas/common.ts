/** Input pieces shared by several procedures and forms. No server imports: the browser uses these too. */
import { z } from "zod";

/** Record ids are cuids; anything else is refused before it reaches a query. */
export const id = z.string().trim().min(1, "Missing id").max(40, "That id is not valid").regex(/^[a-z0-9]+$/i, "That id is not valid");

export const slug = z
  .string()
  .trim()
  .min(1, "Missing local area")
  .max(80, "That local area name is too long")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "That is not a local area address");

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address")
  .max(254, "Email address must be 254 characters or fewer")
  .pipe(z.email("Enter an email address in the correct format, like name@example.gov.uk"));

export const byId = z.object({ id });
export const bySlug = z.object({ slug });
