/**
 * Inputs of the plan editor and of check-ins. Browser-safe: the forms validate with these same
 * schemas before sending, and the routers validate again.
 */
import { z } from "zod";
import {
  ActionStatus,
  CoproductionLevel,
  FindingKind,
  InspectionFramework,
  InspectionKind,
  OrganisationKind,
  PlanStatus,
  PlanType,
  Rag,
} from "@/server/generated/prisma/enums";
import { id, optionalDay, optionalId, requiredDay, slug, textInput, version } from "@/server/schemas/common";

const text = (what: string, max: number) =>
  textInput().trim().min(1, `Enter ${what}`).max(max, `${what[0]!.toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`);
const optionalText = (what: string, max: number) =>
  textInput().trim().max(max, `${what[0]!.toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`);
const ref = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what} reference, like 1 or 2.3`)
    .max(12, `The ${what} reference must be 12 characters or fewer`)
    .regex(/^[A-Za-z0-9][A-Za-z0-9.\-]*$/, `The ${what} reference may use letters, numbers, dots and dashes, like 2.3`);

// Plans -------------------------------------------------------------------------------------

export const planFields = z
  .object({
    type: z.enum(PlanType, "Choose the type of plan"),
    title: text("a title for the plan", 200),
    status: z.enum(PlanStatus, "Choose the plan's status"),
    sourceInspectionId: optionalId,
    acceptedDate: optionalDay("the date the plan was accepted"),
    nextInspectionDate: optionalDay("the date of the next inspection"),
    nextInspectionIsEstimate: z.boolean(),
    updateCadenceDays: z
      .number("Enter how often owners should post an update, in days")
      .int("Enter a whole number of days")
      .min(7, "Updates must be asked for at least every 7 days")
      .max(120, "Updates must be asked for at most every 120 days"),
    ragGreenPercent: z.number("Enter the green threshold").int("Enter a whole percentage").min(1, "The green threshold must be between 1% and 100%").max(100, "The green threshold must be between 1% and 100%"),
    ragAmberPercent: z.number("Enter the amber threshold").int("Enter a whole percentage").min(1, "The amber threshold must be between 1% and 100%").max(100, "The amber threshold must be between 1% and 100%"),
  })
  .refine((p) => p.ragAmberPercent < p.ragGreenPercent, {
    path: ["ragAmberPercent"],
    message: "The amber threshold must be lower than the green threshold",
  });

export const createPlanSchema = z.object({ slug }).and(planFields);
export const updatePlanSchema = z.object({ id, version }).and(planFields);
export type PlanFields = z.infer<typeof planFields>;

export const recordInspectionSchema = z
  .object({
    slug,
    framework: z.enum(InspectionFramework, "Choose the inspection framework"),
    kind: z.enum(InspectionKind, "Choose the kind of inspection"),
    startDate: requiredDay("the first day of the inspection"),
    endDate: optionalDay("the last day of the inspection"),
    publishedDate: optionalDay("the date the report was published"),
    reportUrl: z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter the report's web address, starting https://" })]),
  })
  .refine((i) => !i.endDate || i.endDate >= i.startDate, {
    path: ["endDate"],
    message: "The last day must be on or after the first day",
  });
export type RecordInspectionInput = z.infer<typeof recordInspectionSchema>;

// Organisations -----------------------------------------------------------------------------

export const organisationFields = z.object({
  name: text("the organisation's name", 120),
  kind: z.enum(OrganisationKind, "Choose the kind of organisation"),
});
export const createOrganisationSchema = z.object({ slug }).and(organisationFields);
export const updateOrganisationSchema = z.object({ id }).and(organisationFields);
export type OrganisationFields = z.infer<typeof organisationFields>;

// Findings ----------------------------------------------------------------------------------

export const findingFields = z.object({
  ref: ref("finding"),
  kind: z.enum(FindingKind, "Choose the kind of finding"),
  inspectorsWording: text("the inspectors' wording, as in the outcome letter", 5000),
  /** "" until someone writes one: pages show the inspectors' wording meanwhile (findingTitle). */
  summary: optionalText("a plain-English summary for families", 600),
});
export const createFindingSchema = z.object({ planId: id }).and(findingFields);
export const updateFindingSchema = z.object({ id, version }).and(findingFields);
export type FindingFields = z.infer<typeof findingFields>;

// Actions -----------------------------------------------------------------------------------

export const actionFields = z
  .object({
    findingId: textInput().min(1, "Choose the finding this action addresses").pipe(id),
    ref: ref("action"),
    title: text("a title", 200),
    description: optionalText("the description", 5000),
    ownerId: optionalId,
    leadOrganisationId: optionalId,
    partnerOrganisationIds: z.array(id).max(30, "Choose at most 30 partner organisations"),
    startDate: optionalDay("the start date"),
    dueDate: optionalDay("the due date"),
    dependsOnIds: z.array(id).max(30, "Choose at most 30 actions it depends on"),
    coproductionLevel: z.union([z.literal(""), z.enum(CoproductionLevel)]),
  })
  .refine((a) => !a.startDate || !a.dueDate || a.dueDate >= a.startDate, {
    path: ["dueDate"],
    message: "The due date must be on or after the start date",
  });
export const createActionSchema = actionFields;
export const updateActionSchema = z.object({ id, version }).and(actionFields);
export type ActionFields = z.infer<typeof actionFields>;

/** The fields of the action form, with their labels: for the conflict panel. */
export const ACTION_FIELD_LABELS: ReadonlyArray<{ name: keyof ActionFields; label: string }> = [
  { name: "findingId", label: "Finding" },
  { name: "ref", label: "Reference" },
  { name: "title", label: "Title" },
  { name: "description", label: "Description" },
  { name: "ownerId", label: "Owner" },
  { name: "leadOrganisationId", label: "Lead organisation" },
  { name: "partnerOrganisationIds", label: "Partner organisations" },
  { name: "startDate", label: "Start date" },
  { name: "dueDate", label: "Due date" },
  { name: "dependsOnIds", label: "Depends on" },
  { name: "coproductionLevel", label: "Co-production level claimed" },
];

export const FINDING_FIELD_LABELS: ReadonlyArray<{ name: keyof FindingFields; label: string }> = [
  { name: "ref", label: "Reference" },
  { name: "kind", label: "Kind" },
  { name: "inspectorsWording", label: "Inspectors' wording" },
  { name: "summary", label: "Plain-English summary" },
];

// Check-ins ---------------------------------------------------------------------------------

/**
 * A check-in's idempotency key: the form makes one for each update it sends and sends it again
 * with every retry of that update, so the server stores the update once however often it arrives.
 * Random letters and digits; optional for callers other than the form (scripts, tests).
 */
export const idempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, "That submission could not be matched: reload the page and post the update again");

export const checkInSchema = z
  .object({
    actionId: id,
    idempotencyKey: idempotencyKey.optional(),
    narrative: text("what has happened since the last update", 5000),
    progress: z
      .number("Enter progress as a whole number from 0 to 100")
      .int("Enter progress as a whole number from 0 to 100")
      .min(0, "Progress must be 0 or more")
      .max(100, "Progress must be 100 or less"),
    status: z.enum(ActionStatus, "Choose the action's status"),
    ragOverride: z.union([z.literal(""), z.enum(Rag)]),
    ragOverrideReason: optionalText("the reason", 1000),
  })
  .refine((u) => !u.ragOverride || u.ragOverrideReason.length > 0, {
    path: ["ragOverrideReason"],
    message: "Enter why you are setting the RAG by hand",
  })
  .refine((u) => u.status !== "COMPLETE" || u.progress === 100, {
    path: ["progress"],
    message: "A complete action must be at 100% progress",
  });
export type CheckInInput = z.infer<typeof checkInSchema>;

export const acknowledgeSchema = z.object({ updateId: id });

// Lists -------------------------------------------------------------------------------------

/** The action list's filters, as they appear in the address bar. */
export const actionFilterSchema = z.object({
  slug,
  finding: textInput().max(40).optional(),
  status: z.enum(ActionStatus).optional(),
  rag: z.enum(["RED", "AMBER", "GREEN", "COMPLETE", "UNSCHEDULED", "CANCELLED", "DEFERRED"]).optional(),
  owner: textInput().max(40).optional(),
  organisation: textInput().max(40).optional(),
  overdue: z.boolean().optional(),
  q: textInput().trim().max(200).optional(),
  /** The list's order: by finding (the plan's own order, the default), due date, delivery RAG or last update. */
  sort: z.enum(["finding", "due", "rag", "updated"]).optional(),
});
export type ActionFilter = z.infer<typeof actionFilterSchema>;
export type ActionSort = NonNullable<ActionFilter["sort"]>;

export const PLAN_FIELD_LABELS: ReadonlyArray<{ name: keyof PlanFields; label: string }> = [
  { name: "type", label: "Type of plan" },
  { name: "title", label: "Title" },
  { name: "status", label: "Status" },
  { name: "sourceInspectionId", label: "Source inspection" },
  { name: "acceptedDate", label: "Date the plan was accepted" },
  { name: "nextInspectionDate", label: "Date of the next inspection" },
  { name: "nextInspectionIsEstimate", label: "Next inspection date is an estimate" },
  { name: "updateCadenceDays", label: "Update cadence (days)" },
  { name: "ragGreenPercent", label: "Green from (%)" },
  { name: "ragAmberPercent", label: "Amber from (%)" },
];
