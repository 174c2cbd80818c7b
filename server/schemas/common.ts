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

/**
 * A date as an <input type="date"> gives it: "yyyy-mm-dd", or "" when left empty. Kept as text
 * so the browser's form and the server check the same thing; services turn it into a UTC-midnight
 * Date with `toDay`.
 */
const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Is `text` a real calendar day written yyyy-mm-dd? */
export function isRealDay(text: string): boolean {
  const m = isoDay.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/** "Enter <what>" when empty; "<What> must be a real date", or `messages.invalid`, when not a day. */
export const requiredDay = (what: string, messages: { invalid?: string } = {}) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${what}`)
    .refine(isRealDay, messages.invalid ?? `${capitalised(what)} must be a real date`);

export const optionalDay = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || isRealDay(v), `${capitalised(what)} must be a real date`);

/** "yyyy-mm-dd" to UTC midnight; "" to null. */
export function toDay(text: string): Date;
export function toDay(text: string | undefined | null): Date | null;
export function toDay(text: string | undefined | null): Date | null {
  return text ? new Date(`${text}T00:00:00.000Z`) : null;
}

/** A DATE column back to "yyyy-mm-dd" for a form; null to "". */
export function fromDay(d: Date | null | undefined): string {
  return d ? d.toISOString().slice(0, 10) : "";
}

/** A select whose empty choice means "none". */
export const optionalId = z.union([z.literal(""), id]);
