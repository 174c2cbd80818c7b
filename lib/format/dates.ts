/**
 * Dates as GOV.UK writes them: "22 November 2026", "March 2026", and a moment with its time.
 * The one formatter for pages, emails, documents and the rules' explanations, so they never
 * disagree about a day.
 */
// A calendar date is stored as DATE (UTC midnight): format it in UTC so it never shifts a day.
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", timeZone: "UTC" });
const dayMonthFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });
// A moment (an update's time) is shown in UK time.
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  hour12: true,
  timeZone: "Europe/London",
});

export function formatDate(d: Date | string | null | undefined): string {
  return d ? dateFormat.format(new Date(d)) : "";
}

/**
 * Two days as GOV.UK writes a span: "4 to 6 October 2022", "29 September to 1 October 2022",
 * "30 December 2022 to 2 January 2023"; one day (or only one of the two known) as that day.
 */
export function formatDateRange(start: Date | string | null | undefined, end: Date | string | null | undefined): string {
  if (!start || !end) return formatDate(start ?? end);
  const a = new Date(start);
  const b = new Date(end);
  const [ya, ma, da] = [a.getUTCFullYear(), a.getUTCMonth(), a.getUTCDate()];
  const [yb, mb, db] = [b.getUTCFullYear(), b.getUTCMonth(), b.getUTCDate()];
  if (ya === yb && ma === mb && da === db) return formatDate(a);
  if (ya !== yb) return `${formatDate(a)} to ${formatDate(b)}`;
  return `${ma === mb ? dayFormat.format(a) : dayMonthFormat.format(a)} to ${formatDate(b)}`;
}

/** "March 2026": a value describes a period, so its month reads better than its last day. */
export const formatMonth = (day: string) => monthFormat.format(new Date(day));

export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "";
  return dateTimeFormat.format(new Date(d)).replace(" am", "am").replace(" pm", "pm");
}
