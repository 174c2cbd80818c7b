/**
 * Sends a council's own tracker to POST /api/local-areas/<slug>/tracker-import: to read its
 * columns, or with its column mapping to check it (preview) or import it (apply). Refusals come
 * back as the server's own sentence, as for a workbook (send-workbook.ts).
 */
import { WorkbookUploadError } from "@/components/plan-transfer/send-workbook";
import { UPLOAD_MESSAGES, type ImportCheck, type ImportOutcome } from "@/server/schemas/plan-transfer";
import type { TrackerColumns, TrackerMapping } from "@/server/schemas/tracker-mapping";

export type TrackerOutcome = ImportOutcome & { mappingSaved: boolean };

const FALLBACK = "Something went wrong and nothing was saved. Try again.";

export function sendTracker(slug: string, mode: "columns", file: File): Promise<TrackerColumns>;
export function sendTracker(slug: string, mode: "preview", file: File, mapping: TrackerMapping): Promise<ImportCheck>;
export function sendTracker(slug: string, mode: "apply", file: File, mapping: TrackerMapping): Promise<TrackerOutcome>;
export async function sendTracker(
  slug: string,
  mode: "columns" | "preview" | "apply",
  file: File,
  mapping?: TrackerMapping,
): Promise<TrackerColumns | ImportCheck | TrackerOutcome> {
  const form = new FormData();
  form.append("file", file, file.name);
  if (mapping) form.append("mapping", JSON.stringify(mapping));

  let response: Response;
  try {
    response = await fetch(`/api/local-areas/${encodeURIComponent(slug)}/tracker-import?mode=${mode}`, {
      method: "POST",
      body: form,
      credentials: "same-origin",
    });
  } catch {
    throw new WorkbookUploadError("The file could not be sent. Check your connection and try again.", 0, false);
  }
  const body = (await response.json().catch(() => null)) as (Record<string, unknown> & { message?: string; fieldErrors?: Record<string, string> }) | null;
  const answered = body && (mode === "columns" ? Array.isArray(body.sheets) : typeof body.errorCount === "number");
  if (!response.ok || !answered) {
    if (response.status === 413) throw new WorkbookUploadError(body?.message ?? UPLOAD_MESSAGES.tooLarge, 413, true);
    throw new WorkbookUploadError(body?.message ?? FALLBACK, response.status, Boolean(body?.fieldErrors?.file));
  }
  return body as unknown as TrackerColumns | ImportCheck | TrackerOutcome;
}
