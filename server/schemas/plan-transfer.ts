/** Input of plan workbook import: the chosen files, base64-encoded. Browser-safe: the import form checks the same limits. */
import { z } from "zod";
import { slug, textInput } from "@/server/schemas/common";

/** One upload: an .xlsx workbook, or every CSV file together. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** One CSV file per sheet at most. */
export const MAX_UPLOAD_FILES = 6;

const base64Length = (bytes: number) => 4 * Math.ceil(bytes / 3);
/** Bytes a base64 text decodes to. */
export const decodedLength = (base64: string) => Math.floor((base64.length * 3) / 4) - (base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0);

const tooBig = `The file must be smaller than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`;

export const uploadedFileSchema = z.object({
  name: textInput().trim().min(1, "The file has no name").max(200, "The file name must be 200 characters or fewer"),
  base64: z
    .string()
    .max(base64Length(MAX_UPLOAD_BYTES), tooBig)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "The file could not be read: choose it again"),
});

export const planImportSchema = z
  .object({
    slug,
    files: z
      .array(uploadedFileSchema)
      .min(1, "Choose a workbook (.xlsx) or CSV files")
      .max(MAX_UPLOAD_FILES, `Choose at most ${MAX_UPLOAD_FILES} CSV files, one for each sheet`),
  })
  .refine((i) => i.files.reduce((n, f) => n + decodedLength(f.base64), 0) <= MAX_UPLOAD_BYTES, { path: ["files"], message: tooBig });

export type PlanImportInput = z.infer<typeof planImportSchema>;
