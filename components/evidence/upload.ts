/**
 * Sends a file to POST /api/evidence (files do not go through tRPC). Refusals come back as the
 * server's own sentence, with the fields they concern, ready for an error summary.
 */
import { fileProblem, type EvidenceTarget } from "@/server/schemas/evidence";
import type { EvidenceKind, Visibility } from "@/server/generated/prisma/enums";

export class EvidenceUploadError extends Error {
  constructor(
    message: string,
    /** The HTTP status; 0 when the request never reached the server. */
    readonly status: number,
    /** { field: message }, e.g. { file: "The file must be smaller than 20 MB" }. */
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = "EvidenceUploadError";
  }
}

export type UploadEvidenceFileInput = {
  target: EvidenceTarget;
  title: string;
  kind: EvidenceKind;
  visibility: Visibility;
  description?: string;
  file: File;
  /** "forum": the parent carer forum adding its own evidence (server/services/evidence/evidence.ts). */
  path?: "forum";
};

const FALLBACK = "Something went wrong and nothing was saved. Try again.";

export async function uploadEvidenceFile(input: UploadEvidenceFileInput): Promise<{ id: string }> {
  // Size and type first: no point sending 200 MB to be told it is too big.
  const problem = fileProblem(input.file);
  if (problem) throw new EvidenceUploadError(problem, 400, { file: problem });

  const form = new FormData();
  for (const key of ["actionId", "findingId", "measureId"] as const) {
    const value = input.target[key];
    if (value) form.set(key, value);
  }
  form.set("title", input.title);
  form.set("description", input.description ?? "");
  form.set("kind", input.kind);
  form.set("visibility", input.visibility);
  form.set("file", input.file, input.file.name);
  if (input.path) form.set("path", input.path);

  let response: Response;
  try {
    response = await fetch("/api/evidence", { method: "POST", body: form, credentials: "same-origin" });
  } catch {
    throw new EvidenceUploadError("The file could not be sent. Check your connection and try again.", 0);
  }
  const body = (await response.json().catch(() => null)) as { id?: string; message?: string; fieldErrors?: Record<string, string> } | null;
  if (!response.ok || !body?.id) {
    const message = body?.message ?? (response.status === 413 ? "The file must be smaller than 20 MB" : FALLBACK);
    throw new EvidenceUploadError(message, response.status, body?.fieldErrors ?? {});
  }
  return { id: body.id };
}
