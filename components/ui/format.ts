/** Dates as GOV.UK writes them: "22 November 2026". Always in UK time. */
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  hour12: true,
  timeZone: "Europe/London",
});

/** A calendar date stored as DATE (UTC midnight): format in UTC so it never shifts a day. */
export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return "";
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(d));
}

export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "";
  return dateTimeFormat.format(new Date(d)).replace(" am", "am").replace(" pm", "pm");
}

export function formatInstantDate(d: Date | string | null | undefined): string {
  if (!d) return "";
  return dateFormat.format(new Date(d));
}

export function pluralise(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
