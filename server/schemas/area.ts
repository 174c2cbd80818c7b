/** Area-level settings. Browser-safe. */
import { z } from "zod";
import { slug, textInput } from "@/server/schemas/common";

/** Publish or take down the area's public page for families. */
export const setPublicPageSchema = z.object({ slug, published: z.boolean("Choose whether the page is published") });
export type SetPublicPageInput = z.infer<typeof setPublicPageSchema>;

/** An email address families can write to, or "" for none. */
const contactEmail = textInput()
  .trim()
  .toLowerCase()
  .max(254, "The email address must be 254 characters or fewer")
  .refine((text) => text === "" || z.email().safeParse(text).success, "Enter an email address in the correct format, like send@council.gov.uk");

/** A web page families can open to contact the council: https only, or "" for none. */
const contactUrl = textInput()
  .trim()
  .max(2000, "The web address must be 2,000 characters or fewer")
  .refine((text) => {
    if (text === "") return true;
    try {
      const url = new URL(text);
      return url.protocol === "https:" && url.hostname.includes(".");
    } catch {
      return false;
    }
  }, "Enter a web address starting with https://, like https://www.council.gov.uk/send-contact");

/** How families reach the council about the area's plan, shown on its public pages: either, both or neither. */
export const publicContactFields = z.object({ email: contactEmail, url: contactUrl });
export type PublicContactFields = z.infer<typeof publicContactFields>;
export const setPublicContactSchema = z.object({ slug }).and(publicContactFields);
export type SetPublicContactInput = z.infer<typeof setPublicContactSchema>;
