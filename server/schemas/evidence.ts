/**
 * Evidence input: links and uploads on an action, finding or measure, and the lead's review.
 * No server imports: the browser checks the same rules before anything is sent.
 */
import { z } from "zod";
import { EvidenceKind, Visibility } from "@/server/generated/prisma/enums";
import { id, textInput } from "@/server/schemas/common";

/** Uploads must be smaller than this; the server checks it again, with the file's content. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** The extensions people may upload, lower case, without the dot. */
export const EVIDENCE_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "csv", "png", "jpg", "jpeg"] as const;
export type EvidenceExtension = (typeof EVIDENCE_EXTENSIONS)[number];

/** For the file input's `accept`: a hint to the browser's picker, not a check. */
export const EVIDENCE_ACCEPT = EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(",");

export const FILE_MESSAGES = {
  missing: "Select a file to upload",
  empty: "The selected file is empty",
  tooLarge: "The file must be smaller than 20 MB",
  wrongType: "The selected file must be a PDF, Word, Excel, PowerPoint, CSV, PNG or JPEG",
} as const;

/** The extension of a file name, lower case, or "" when it has none. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

export function isEvidenceExtension(ext: string): ext is EvidenceExtension {
  return (EVIDENCE_EXTENSIONS as readonly string[]).includes(ext);
}

/** What the browser can tell before uploading: size and name. The server also checks content. */
export function fileProblem(file: { name: string; size: number }): string | null {
  if (file.size === 0) return FILE_MESSAGES.empty;
  if (file.size > MAX_EVIDENCE_BYTES) return FILE_MESSAGES.tooLarge;
  if (!isEvidenceExtension(extensionOf(file.name))) return FILE_MESSAGES.wrongType;
  return null;
}

// Target ------------------------------------------------------------------------------------

/** The ids of an action, finding or measure; other records attached to one (comments) share them. */
export const targetFields = {
  actionId: id.optional(),
  findingId: id.optional(),
  measureId: id.optional(),
};

type TargetShape = { actionId?: string; findingId?: string; measureId?: string };

/** A refinement: exactly one of the three ids is given, else `message` on "target". */
export function exactlyOneTargetOf(message: string) {
  return (value: TargetShape, ctx: z.RefinementCtx) => {
    const given = [value.actionId, value.findingId, value.measureId].filter(Boolean).length;
    if (given !== 1) ctx.addIssue({ code: "custom", path: ["target"], message });
  };
}

const exactlyOneTarget = exactlyOneTargetOf("Evidence must belong to exactly one action, finding or measure");

/** The action, finding or measure the evidence belongs to: exactly one of the three ids. */
export const evidenceTargetSchema = z.object(targetFields).superRefine(exactlyOneTarget);
export type EvidenceTarget = z.infer<typeof evidenceTargetSchema>;

// What every piece of evidence says about itself --------------------------------------------

export const evidenceKind = z.enum(EvidenceKind, "Select whether this is evidence of activity or of impact");
export const evidenceVisibility = z.enum(Visibility, "Select who can see this evidence");

const title = textInput().trim().min(1, "Enter a title").max(200, "Title must be 200 characters or fewer");
const description = textInput().trim().max(2000, "Description must be 2,000 characters or fewer").default("");

export const evidenceUrl = textInput()
  .trim()
  .min(1, "Enter the link's web address")
  .max(2000, "The web address must be 2,000 characters or fewer")
  .pipe(z.url({ protocol: /^https?$/, error: "Enter a web address starting with https:// or http://, like https://www.example.gov.uk/report" }));

const fields = { title, description, kind: evidenceKind, visibility: evidenceVisibility };

/** The fields of an upload (the file itself travels beside them in the multipart body). */
export const uploadEvidenceFieldsSchema = z.object({ ...targetFields, ...fields }).superRefine(exactlyOneTarget);
export type UploadEvidenceFields = z.infer<typeof uploadEvidenceFieldsSchema>;

export const addEvidenceLinkSchema = z.object({ ...targetFields, ...fields, url: evidenceUrl }).superRefine(exactlyOneTarget);
export type AddEvidenceLinkInput = z.infer<typeof addEvidenceLinkSchema>;

/**
 * The add-evidence form: a link or a file. `file` is what a file input gives (a FileList); only
 * the browser fills it, so the check touches FileList only when one is there.
 */
export const addEvidenceFormSchema = z
  .object({
    source: z.enum(["LINK", "FILE"], "Select whether you are adding a link or a file"),
    ...fields,
    url: textInput().optional(),
    file: z.unknown().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.source === "LINK") {
      const url = evidenceUrl.safeParse(value.url ?? "");
      if (!url.success) ctx.addIssue({ code: "custom", path: ["url"], message: url.error.issues[0]!.message });
    }
    if (value.source === "FILE") {
      const file = firstFile(value.file);
      const problem = file ? fileProblem(file) : FILE_MESSAGES.missing;
      if (problem) ctx.addIssue({ code: "custom", path: ["file"], message: problem });
    }
  });
export type AddEvidenceFormValues = z.input<typeof addEvidenceFormSchema>;
export type AddEvidenceFormOutput = z.output<typeof addEvidenceFormSchema>;

/** The first file of a FileList or an array of files, else null. */
export function firstFile(value: unknown): { name: string; size: number } | null {
  const list = value as ArrayLike<{ name: string; size: number }> | null | undefined;
  const file = list && typeof list === "object" && "length" in list ? list[0] : undefined;
  return file && typeof file.name === "string" && typeof file.size === "number" ? file : null;
}

// Review ------------------------------------------------------------------------------------

export const REJECT_NOTE_MESSAGE = "Enter a note saying why the evidence is rejected";

export const reviewEvidenceSchema = z
  .object({
    id,
    decision: z.enum(["ACCEPTED", "REJECTED"], "Select accept or reject"),
    note: textInput().trim().max(2000, "Note must be 2,000 characters or fewer").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "REJECTED" && !value.note) ctx.addIssue({ code: "custom", path: ["note"], message: REJECT_NOTE_MESSAGE });
  });
export type ReviewEvidenceInput = z.infer<typeof reviewEvidenceSchema>;

export const setReadyForInspectorsSchema = z.object({ id, ready: z.boolean() });
export type SetReadyForInspectorsInput = z.infer<typeof setReadyForInspectorsSchema>;

// Withdrawal --------------------------------------------------------------------------------

export const WITHDRAW_REASON_MESSAGE = "Enter why the evidence is withdrawn";

/** The lead's withdrawal: the file (or link) is deleted, the reason stays on the record. */
export const withdrawEvidenceSchema = z.object({
  id,
  reason: textInput().trim().min(1, WITHDRAW_REASON_MESSAGE).max(1000, "Reason must be 1,000 characters or fewer"),
});
export type WithdrawEvidenceInput = z.infer<typeof withdrawEvidenceSchema>;
