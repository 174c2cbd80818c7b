/** Input pieces shared by several procedures and forms. No server imports: the browser uses these too. */
import { z } from "zod";
import { MAX_FIGURE } from "@/server/domain/figures";

/**
 * Text a person sends, for every free-text field: a string PostgreSQL can store. Its text columns
 * cannot hold the NUL character (U+0000), nor can half of a UTF-16 surrogate pair be encoded; no
 * keyboard types either, but a paste or a script can send them. Refused here, against the field,
 * rather than failing at the database.
 */
export const textInput = () =>
  z.string().regex(/^[^\u0000\p{Surrogate}]*$/u, "Remove the hidden or broken character from this text: it cannot be saved");

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
 * Date with `toDay` (lib/calendar.ts).
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

/**
 * The version of a record the form was filled from (optimistic concurrency). Versions are stored
 * as 4-byte integers: anything larger names no version, and is refused before the query.
 */
export const version = z.number().int().min(1).max(2_147_483_647, "That is not a version of this record: reload the page and try again");

export const FIGURE_TOO_LARGE = `That number is too large: enter one between -${MAX_FIGURE.toLocaleString("en-GB")} and ${MAX_FIGURE.toLocaleString("en-GB")}`;
/** A figure of a measure, from a number input: `message` when it is not a number. */
export const figure = (message: string) => z.number(message).min(-MAX_FIGURE, FIGURE_TOO_LARGE).max(MAX_FIGURE, FIGURE_TOO_LARGE);

/** A select whose empty choice means "none". */
export const optionalId = z.union([z.literal(""), id]);
