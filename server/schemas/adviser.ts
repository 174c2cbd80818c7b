/** Inputs of advisers' monitoring notes, judgements and starting an APP. Browser-safe: forms validate with these too. */
import { z } from "zod";
import { AdviserView, Judgement } from "@/server/generated/prisma/enums";
import { id, optionalId, requiredDay, slug, textInput } from "@/server/schemas/common";

export const adviserNoteFields = z.object({
  /** "" for a note on the area as a whole. */
  findingId: optionalId,
  note: textInput().trim().min(1, "Enter the note").max(5000, "The note must be 5000 characters or fewer"),
  /** "" for "No view". */
  view: z.union([z.enum(AdviserView), z.literal("")], "Choose a view on the likely judgement, or No view"),
  date: requiredDay("the date of the note"),
});
export type AdviserNoteFields = z.infer<typeof adviserNoteFields>;
export const recordNoteSchema = z.object({ slug }).and(adviserNoteFields);

/** A link to the published letter: https only, so it opens safely from the evidence pack. */
export const letterUrl = textInput()
  .trim()
  .min(1, "Enter the link to the published letter")
  .max(2000, "The link must be 2000 characters or fewer")
  .refine((text) => {
    try {
      return new URL(text).protocol === "https:";
    } catch {
      return false;
    }
  }, "Enter the link to the published letter, starting https://");

export const judgementFields = z.object({
  judgement: z.enum(Judgement, "Choose the judgement"),
  date: requiredDay("the date of the judgement"),
  letterUrl,
  /** The revisit or monitoring inspection that made it; "" when not recorded in Headway. */
  inspectionId: optionalId,
});
export type JudgementFields = z.infer<typeof judgementFields>;
export const recordJudgementSchema = z.object({ findingId: id }).and(judgementFields);

export const startAppSchema = z.object({ slug });
