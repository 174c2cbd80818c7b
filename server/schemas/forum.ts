/**
 * Input for the forum's voice and co-production: co-production records and the level claimed on
 * an action, the forum's verdicts, and "you said, we did". No server imports: the forms check
 * the same rules in the browser.
 */
import { z } from "zod";
import { Cornerstone, CoproductionLevel, CoproductionParticipant, CoproductionStage, VerdictKind } from "@/server/generated/prisma/enums";
import { id, optionalId, requiredDay, slug, textInput, version } from "@/server/schemas/common";

const longText = (what: string, max = 4000) => textInput().trim().max(max, `${what} must be ${max.toLocaleString("en-GB")} characters or fewer`);

// Co-production --------------------------------------------------------------------------------

export const recordCoproductionSchema = z.object({
  actionId: id,
  stage: z.enum(CoproductionStage, "Select the stage at which families were involved"),
  involved: z.array(z.enum(CoproductionParticipant)).min(1, "Select who was involved"),
  /** As a number input gives it: "" when not known. */
  familiesReached: z
    .string()
    .trim()
    .refine((v) => v === "" || /^\d{1,6}$/.test(v), "Families reached must be a whole number, like 40"),
  date: requiredDay("the date", { invalid: "The date must be a real date, like 14 3 2025" }),
  note: longText("The note", 2000),
});
export type RecordCoproductionInput = z.infer<typeof recordCoproductionSchema>;

export const setClaimedLevelSchema = z.object({
  actionId: id,
  /** "" withdraws the claim. */
  level: z.union([z.literal(""), z.enum(CoproductionLevel)], "Select a level"),
  /** The action's version the person saw: a claim made on a stale page is refused, not applied. */
  version,
});
export type SetClaimedLevelInput = z.infer<typeof setClaimedLevelSchema>;

// Verdicts -------------------------------------------------------------------------------------

const targetFields = { actionId: id.optional(), findingId: id.optional() };

function exactlyOneTarget(value: { actionId?: string; findingId?: string }, ctx: z.RefinementCtx) {
  if ([value.actionId, value.findingId].filter(Boolean).length !== 1) {
    ctx.addIssue({ code: "custom", path: ["target"], message: "A verdict is on exactly one action or finding" });
  }
}

/** The action or the finding a verdict is on. */
export const verdictTargetSchema = z.object(targetFields).superRefine(exactlyOneTarget);
export type VerdictTarget = z.infer<typeof verdictTargetSchema>;

export const VERDICT_TEXT_MESSAGE = "Enter what the forum says, in its own words";

const verdictFields = {
  verdict: z.enum(VerdictKind, "Select whether the forum agrees"),
  levelRecognised: z.union([z.literal(""), z.enum(CoproductionLevel)]),
  cornerstonesMet: z.array(z.enum(Cornerstone)),
  text: longText("What the forum says"),
  isPublic: z.boolean(),
  /** The verdict this one replaces, as the person saw it ("" for the first): one given meanwhile is a CONFLICT. */
  replaces: optionalId,
};

// Agreement may stand alone; comments and disagreement need the forum's reasons.
function reasonsGiven(value: { verdict: VerdictKind; text: string }, ctx: z.RefinementCtx) {
  if (value.verdict !== "AGREE" && !value.text) ctx.addIssue({ code: "custom", path: ["text"], message: VERDICT_TEXT_MESSAGE });
}

/** The verdict form: the fields without the target, which the page knows. */
export const verdictFieldsSchema = z.object(verdictFields).superRefine(reasonsGiven);
export type VerdictFields = z.infer<typeof verdictFieldsSchema>;

export const recordVerdictSchema = z.object({ ...targetFields, ...verdictFields }).superRefine(exactlyOneTarget).superRefine(reasonsGiven);
export type RecordVerdictInput = z.infer<typeof recordVerdictSchema>;

// You said, we did -----------------------------------------------------------------------------

export const youSaidWeDidFieldsSchema = z.object({
  findingId: optionalId,
  youSaid: textInput().trim().min(1, "Enter what families said").max(2000, "What families said must be 2,000 characters or fewer"),
  weDid: textInput().trim().min(1, "Enter what was done").max(2000, "What was done must be 2,000 characters or fewer"),
  date: requiredDay("the date", { invalid: "The date must be a real date, like 14 3 2025" }),
});
export type YouSaidWeDidFields = z.infer<typeof youSaidWeDidFieldsSchema>;

export const draftYouSaidWeDidSchema = youSaidWeDidFieldsSchema.extend({ slug });
export type DraftYouSaidWeDidInput = z.infer<typeof draftYouSaidWeDidSchema>;

export const editYouSaidWeDidSchema = youSaidWeDidFieldsSchema.extend({ id });
export type EditYouSaidWeDidInput = z.infer<typeof editYouSaidWeDidSchema>;

export const forumCommentSchema = z.object({
  id,
  comment: textInput().trim().min(1, "Enter the forum's comment").max(2000, "The comment must be 2,000 characters or fewer"),
});
export type ForumCommentInput = z.infer<typeof forumCommentSchema>;
