/**
 * For tests: a plan workbook posted to the import route (http.ts) as the browser posts it, a
 * multipart form with the files, answered as the browser reads it.
 */
import type { RequestContext } from "@/server/services/core/http";
import { planImportRoute } from "@/server/services/plan-transfer/http";
import type { ImportCheck, ImportOutcome } from "@/server/schemas/plan-transfer";
import type { UploadedFile } from "@/server/services/plan-transfer/read-workbook";

export type ImportAnswer = ImportOutcome & { message?: string; fieldErrors?: Record<string, string> };

export function importRequest(slug: string, mode: string, body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(`http://headway.test/api/local-areas/${encodeURIComponent(slug)}/plan-import?mode=${mode}`, {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
}

export function workbookForm(files: readonly UploadedFile[]): FormData {
  const form = new FormData();
  for (const f of files) form.append("files", new File([f.bytes as Uint8Array<ArrayBuffer>], f.name));
  return form;
}

/** The route's answer to `files`: its status and its JSON. */
export async function postWorkbook(
  ctx: RequestContext,
  slug: string,
  mode: "preview" | "apply",
  files: readonly UploadedFile[],
): Promise<{ status: number; body: ImportAnswer }> {
  const response = await planImportRoute(importRequest(slug, mode, workbookForm(files)), ctx, { slug });
  return { status: response.status, body: (await response.json()) as ImportAnswer };
}

/** A check's answer, failing the test unless the route answered 200. */
export async function previewOf(ctx: RequestContext, slug: string, files: readonly UploadedFile[]): Promise<ImportCheck> {
  const { status, body } = await postWorkbook(ctx, slug, "preview", files);
  if (status !== 200) throw new Error(`preview answered ${status}: ${body.message}`);
  return body;
}

/** An apply's answer, failing the test unless the route answered 200. */
export async function applyOf(ctx: RequestContext, slug: string, files: readonly UploadedFile[]): Promise<ImportOutcome> {
  const { status, body } = await postWorkbook(ctx, slug, "apply", files);
  if (status !== 200) throw new Error(`apply answered ${status}: ${body.message}`);
  return body;
}
