/** Dates as GOV.UK writes them: "22 November 2026". */
// A calendar date is stored as DATE (UTC midnight): format it in UTC so it never shifts a day.
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
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

export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "";
  return dateTimeFormat.format(new Date(d)).replace(" am", "am").replace(" pm", "pm");
}

export function pluralise(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "340 KB", "1.2 MB": sizes as people read them. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
