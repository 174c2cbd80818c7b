/**
 * Sends a plan workbook to POST /api/local-areas/<slug>/plan-import, or to POST /api/local-areas
 * for a new area (files do not go through tRPC): to check it (preview) or import it (apply). Refusals come back as the server's own
 * sentence, ready for the error summary.
 */
import { UPLOAD_MESSAGES, type ImportCheck, type ImportOutcome, type NewAreaOutcome } from "@/server/schemas/plan-transfer";

export class WorkbookUploadError extends Error {
  constructor(
    message: string,
    /** The HTTP status; 0 when the request never reached the server. */
    readonly status: number,
    /** Whether the sentence is about the chosen files (shown beside the field). */
    readonly aboutFiles: boolean,
  ) {
    super(message);
    this.name = "WorkbookUploadError";
  }
}

const FALLBACK = "Something went wrong and nothing was saved. Try again.";

export function sendWorkbook(slug: string, mode: "preview", files: readonly File[]): Promise<ImportCheck>;
export function sendWorkbook(slug: string, mode: "apply", files: readonly File[]): Promise<ImportOutcome>;
export async function sendWorkbook(slug: string, mode: "preview" | "apply", files: readonly File[]): Promise<ImportCheck | ImportOutcome> {
  return post(`/api/local-areas/${encodeURIComponent(slug)}/plan-import?mode=${mode}`, files);
}

/** A workbook whose Plan sheet names a new area: checked, or the area started with its plan. */
export function sendNewAreaWorkbook(mode: "preview" | "apply", files: readonly File[]): Promise<NewAreaOutcome> {
  return post(`/api/local-areas?mode=${mode}`, files);
}

async function post<T extends ImportCheck>(url: string, files: readonly File[]): Promise<T> {
  const form = new FormData();
  for (const file of files) form.append("files", file, file.name);

  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      body: form,
      credentials: "same-origin",
    });
  } catch {
    throw new WorkbookUploadError("The file could not be sent. Check your connection and try again.", 0, false);
  }
  const body = (await response.json().catch(() => null)) as
    | (Partial<ImportOutcome> & { message?: string; fieldErrors?: Record<string, string> })
    | null;
  if (!response.ok || !body || body.errorCount === undefined) {
    if (response.status === 413) throw new WorkbookUploadError(body?.message ?? UPLOAD_MESSAGES.tooLarge, 413, true);
    throw new WorkbookUploadError(body?.message ?? FALLBACK, response.status, Boolean(body?.fieldErrors?.files));
  }
  return body as unknown as T;
}
