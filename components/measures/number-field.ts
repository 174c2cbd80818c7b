/** What a form's text box holds as a number: null when empty, NaN when not a number (the schema says so). */
export function numberOrNull(raw: unknown): number | null {
  if (typeof raw === "number") return raw;
  const s = String(raw ?? "").trim();
  if (s === "") return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : Number.NaN;
}
