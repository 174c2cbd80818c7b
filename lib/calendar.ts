/**
 * Calendar days. Plans speak in calendar days (due dates are stored as DATE, i.e. UTC midnight),
 * so every rule compares whole UTC days and never the time of day, and a day travels as
 * "yyyy-mm-dd" text (forms, JSON snapshots, charts).
 */
const DAY_MS = 86_400_000;

/** Days since the epoch of the UTC calendar day `d` falls on. */
export function dayNumber(d: Date): number {
  return Math.floor(d.getTime() / DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(d: Date, days: number): Date {
  return new Date((dayNumber(d) + days) * DAY_MS);
}

/** UTC midnight of the day `d` falls on. */
export function utcDay(d: Date): Date {
  return new Date(dayNumber(d) * DAY_MS);
}

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
