/**
 * Dates as GOV.UK writes them: "22 November 2026", "March 2026", and a moment with its time.
 * The one formatter for pages, emails, documents and the rules' explanations, so they never
 * disagree about a day.
 */
// A calendar date is stored as DATE (UTC midnight): format it in UTC so it never shifts a day.
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
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

/** "March 2026": a value describes a period, so its month reads better than its last day. */
export const formatMonth = (day: string) => monthFormat.format(new Date(day));

export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "";
  return dateTimeFormat.format(new Date(d)).replace(" am", "am").replace(" pm", "pm");
}
