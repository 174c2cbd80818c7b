/**
 * POST /api/local-areas/<slug>/plan-import?mode=preview|apply: a plan workbook (one .xlsx, or
 * CSV files named after the sheets) sent as multipart/form-data in the field "files". A file
 * travels as itself rather than as base64 inside JSON, so it costs a third less to send and is
 * never held twice as text; the size limit holds while the body streams. Checking (preview)
 * writes nothing but its audit event; applying imports the whole file or nothing.
 */
import { fieldErrorsOf } from "@/server/errors";
import { slug as slugSchema } from "@/server/schemas/common";
import { MAX_UPLOAD_BYTES, planImportFilesSchema, planImportModeSchema, UPLOAD_MESSAGES } from "@/server/schemas/plan-transfer";
import { areaBySlug } from "@/server/services/core/access";
import { fromAnotherSite, httpHandler, jsonResponse, readUploadForm, SOMETHING_WENT_WRONG, type Problem } from "@/server/services/core/http";
import { applyUpload, newAreaUpload, previewUpload } from "@/server/services/plan-transfer/plan-transfer";
import type { UploadedFile } from "@/server/services/plan-transfer/read-workbook";
import { canGlobally } from "@/server/auth/permissions";

/** The files plus the multipart boundaries and headers. */
export const MAX_IMPORT_BODY_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;

const FIELD = "files";

const problem = (status: number, body: Problem) => jsonResponse(status, body);
const tooLarge = () => problem(413, { message: UPLOAD_MESSAGES.tooLarge, fieldErrors: { [FIELD]: UPLOAD_MESSAGES.tooLarge } });

/** The chosen files from the form, or the answer that refuses them. */
async function uploadedFiles(request: Request): Promise<{ files: UploadedFile[] } | { refusal: Response }> {
  const read = await readUploadForm(request, MAX_IMPORT_BODY_BYTES);
  if (!read.ok) {
    if (read.refusal === "too large") return { refusal: tooLarge() };
    if (read.refusal === "not a form") return { refusal: problem(415, { message: "Send the workbook as a form with its files (multipart/form-data)." }) };
    return { refusal: problem(400, { message: "The upload was incomplete. Try again." }) };
  }
  const chosen = read.form.getAll(FIELD).filter((f): f is File => f instanceof File);
  const checked = planImportFilesSchema.safeParse({ [FIELD]: chosen.map((f) => ({ name: f.name, size: f.size })) });
  if (!checked.success) {
    const fieldErrors = fieldErrorsOf(checked.error) ?? {};
    return { refusal: problem(400, { message: Object.values(fieldErrors)[0] ?? SOMETHING_WENT_WRONG, fieldErrors }) };
  }
  if (chosen.reduce((n, f) => n + f.size, 0) > MAX_UPLOAD_BYTES) return { refusal: tooLarge() };
  return { files: await Promise.all(checked.data.files.map(async ({ name }, i) => ({ name, bytes: new Uint8Array(await chosen[i]!.arrayBuffer()) }))) };
}

const modeOf = (request: Request) => planImportModeSchema.safeParse(new URL(request.url).searchParams.get("mode"));
const MODE_MESSAGE = "Ask for mode=preview to check the file, or mode=apply to import it.";

export const planImportRoute = httpHandler<{ slug: string }>(
  { body: "json", signedOut: { status: 401, message: "Sign in to continue." }, name: "plan import" },
  async (request, ctx, params) => {
    if (fromAnotherSite(request)) return problem(403, { message: "Import a plan from Headway's own pages." });
    const mode = modeOf(request);
    if (!mode.success) return problem(400, { message: MODE_MESSAGE });
    const slug = slugSchema.safeParse(params.slug);
    if (!slug.success) return problem(404, { message: "Page not found" });
    // Permission before the body: someone who may not import is not made to send the file first.
    await areaBySlug(ctx, slug.data, "plan.edit");

    const upload = await uploadedFiles(request);
    if ("refusal" in upload) return upload.refusal;
    const answer = mode.data === "preview" ? await previewUpload(ctx, slug.data, upload.files) : await applyUpload(ctx, slug.data, upload.files);
    return jsonResponse(200, answer);
  },
);

/**
 * POST /api/local-areas?mode=preview|apply: a plan workbook whose Plan sheet names a new area
 * (name, LA code, region), checked or made with its plan. Administrators only.
 */
export const newAreaImportRoute = httpHandler<Record<string, never>>(
  { body: "json", signedOut: { status: 401, message: "Sign in to continue." }, name: "new area import" },
  async (request, ctx) => {
    if (fromAnotherSite(request)) return problem(403, { message: "Start an area from Headway's own pages." });
    const mode = modeOf(request);
    if (!mode.success) return problem(400, { message: MODE_MESSAGE });
    if (!canGlobally(ctx.viewer, "admin.manage")) return problem(403, { message: "Only an administrator can start a new local area." });
    const upload = await uploadedFiles(request);
    if ("refusal" in upload) return upload.refusal;
    return jsonResponse(200, await newAreaUpload(ctx, upload.files, mode.data));
  },
);
