/**
 * The two evidence routes that are not tRPC, because they carry files: the upload
 * (POST /api/evidence, multipart/form-data) and the download (GET /api/evidence/<id>/file).
 * They check permission through the same service as everything else; the route files only
 * bind them to the session (server/api/route.ts).
 */
import { fieldErrorsOf } from "@/server/errors";
import { id as idSchema } from "@/server/schemas/common";
import { FILE_MESSAGES, MAX_EVIDENCE_BYTES, uploadEvidenceFieldsSchema } from "@/server/schemas/evidence";
import {
  fromAnotherSite,
  httpHandler,
  jsonResponse,
  readUploadForm,
  textResponse,
  SOMETHING_WENT_WRONG,
  type Problem,
} from "@/server/services/core/http";
import { evidenceFile, uploadEvidence } from "@/server/services/evidence/evidence";

/** The file plus the form's other fields and the multipart boundaries. */
export const MAX_UPLOAD_BODY_BYTES = MAX_EVIDENCE_BYTES + 1024 * 1024;

const json = (status: number, body: Problem | { id: string }) => jsonResponse(status, body);

const tooLarge = () => json(413, { message: FILE_MESSAGES.tooLarge, fieldErrors: { file: FILE_MESSAGES.tooLarge } });

const text = (value: FormDataEntryValue | null) => (typeof value === "string" && value.trim() !== "" ? value : undefined);

/** POST /api/evidence: 201 {id}, or 4xx {message, fieldErrors}. */
export const uploadEvidenceRoute = httpHandler(
  { body: "json", signedOut: { status: 401, message: "Sign in to continue." }, name: "evidence upload" },
  async (request, ctx) => {
    if (fromAnotherSite(request)) return json(403, { message: "Add evidence from Headway's own pages." });

    const read = await readUploadForm(request, MAX_UPLOAD_BODY_BYTES);
    if (!read.ok) {
      if (read.refusal === "too large") return tooLarge();
      if (read.refusal === "not a form") return json(415, { message: "Send the evidence as a form with a file (multipart/form-data)." });
      return json(400, { message: "The upload was incomplete. Try again." });
    }
    const { form } = read;

    const fields = uploadEvidenceFieldsSchema.safeParse({
      actionId: text(form.get("actionId")),
      findingId: text(form.get("findingId")),
      measureId: text(form.get("measureId")),
      title: form.get("title") ?? "",
      description: form.get("description") ?? "",
      kind: text(form.get("kind")),
      visibility: text(form.get("visibility")),
    });
    const file = form.get("file");
    const fieldErrors: Record<string, string> = (!fields.success && fieldErrorsOf(fields.error)) || {};
    if (!(file instanceof File) || file.size === 0) fieldErrors.file = file instanceof File ? FILE_MESSAGES.empty : FILE_MESSAGES.missing;
    if (!fields.success || !(file instanceof File) || fieldErrors.file) {
      return json(400, { message: Object.values(fieldErrors)[0] ?? SOMETHING_WENT_WRONG, fieldErrors });
    }

    const bytes = Buffer.from(await file.arrayBuffer());
    // "path=forum": the parent carer forum's own evidence, held to its own permission by the service.
    const path = form.get("path") === "forum" ? "forum" : "plan";
    const evidence = await uploadEvidence(ctx, fields.data, { name: file.name, type: file.type, bytes }, path);
    return json(201, { id: evidence.id });
  },
);

/** RFC 5987: the display name, percent-encoded, for `filename*`. */
function encodeFileName(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const NO_FILE = "That file does not exist or you do not have access to it.";
const notFoundResponse = () => textResponse(404, NO_FILE);

/**
 * GET /api/evidence/<id>/file: the bytes, always as a download and never sniffed or cached by
 * the browser. No access answers exactly as no file does.
 */
export const evidenceFileRoute = httpHandler<{ id: string }>(
  // Published evidence may be fetched by anyone; the service decides what this viewer (or nobody) may read.
  { body: "text", name: "evidence download" },
  async (_request, ctx, { id }) => {
    const parsed = idSchema.safeParse(id);
    if (!parsed.success) return notFoundResponse();
    const file = await evidenceFile(ctx, parsed.data);
    if (!file) return notFoundResponse();
    return new Response(new Uint8Array(file.bytes), {
      status: 200,
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.bytes.length),
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeFileName(file.fileName)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        // Should a browser render it anyway, it runs nothing.
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  },
);
