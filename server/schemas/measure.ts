/**
 * Measures, their trajectory and their values: the input of the measure procedures and the
 * values of the measure forms. No server imports: the browser checks with these same schemas.
 *
 * Form-shaped on purpose: dates are "yyyy-mm-dd" strings ("" when not given) as <input
 * type="date"> gives them, numbers are numbers or null. Parsing leaves a valid value unchanged,
 * so a record loaded into the form, a refused save's `current` and the server's input share
 * one shape. The service turns dates into UTC midnight.
 */
import { z } from "zod";
import { MeasureDirection, MeasureUnit, MeasureValueStatus } from "@/server/generated/prisma/enums";
import { figure, id, optionalDay, optionalId, requiredDay, textInput, version } from "@/server/schemas/common";
import { plausibleRangeProblems } from "@/server/domain/measure-value-range";
import { catalogueId } from "@/server/schemas/statistics";

/** A number from a text input (the form turns text into a number, NaN when it is not one); null when empty. */
const optionalNumber = (message: string) => figure(message).nullable();

export const measureUnit = z.enum(MeasureUnit, "Choose the unit the measure is counted in");
export const measureDirection = z.enum(MeasureDirection, "Choose whether a higher or a lower value is better");
export const measureValueStatus = z.enum(MeasureValueStatus, "Choose whether the value is provisional or validated");

export const milestoneFields = z.object({
  date: requiredDay("the milestone's date", { invalid: "Enter the milestone's date as a real date" }),
  targetValue: figure("Enter the milestone's target value as a number"),
});

const fieldShape = {
  ref: z
    .string()
    .trim()
    .min(1, "Enter a reference, like M1")
    .max(12, "Reference must be 12 characters or fewer")
    .regex(/^[A-Za-z0-9][A-Za-z0-9.\-]*$/, "Reference must be letters and numbers, like M1 or 2.1a"),
  name: textInput().trim().min(1, "Enter the measure's name").max(200, "Name must be 200 characters or fewer"),
  definition: textInput()
    .trim()
    .min(1, "Enter how the measure is counted")
    .max(2000, "Definition must be 2000 characters or fewer"),
  unit: measureUnit,
  direction: measureDirection,
  source: textInput().trim().min(1, "Enter where the figures come from, like the SEN2 return").max(300, "Source must be 300 characters or fewer"),
  baselineValue: optionalNumber("Baseline value must be a number"),
  baselineDate: optionalDay("baseline date"),
  benchmarkValue: optionalNumber("Benchmark value must be a number"),
  benchmarkLabel: textInput().trim().max(120, "Benchmark name must be 120 characters or fewer"),
  benchmarkDate: optionalDay("benchmark date"),
  targetValue: optionalNumber("Target value must be a number"),
  targetDate: optionalDay("target date"),
  /**
   * The values the measure can plausibly take (null: that end open). Left out (a caller that
   * does not know them), they are left as they are.
   */
  plausibleMin: optionalNumber("Plausible minimum must be a number").optional(),
  plausibleMax: optionalNumber("Plausible maximum must be a number").optional(),
  findingIds: z.array(id).min(1, "Choose at least one finding this measure evidences"),
  /** "" for no owner. */
  ownerId: optionalId.optional(),
  /**
   * The published measure (catalogue) this one counts, for England's, the region's and the
   * statistical neighbours' figures beside it; "" for none. Left out, the link stays as it is.
   */
  catalogueMeasureId: z.union([z.literal(""), catalogueId]).optional(),
  milestones: z.array(milestoneFields).max(40, "A measure can have up to 40 milestones"),
};

type Fields = z.infer<z.ZodObject<typeof fieldShape>>;

const present = (n: number | null) => n !== null;

/** The rules between fields, each reported against the field to correct. */
function checkTrajectory(m: Fields, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });

  if (present(m.baselineValue) && !m.baselineDate) issue(["baselineDate"], "Enter the date of the baseline");
  if (!present(m.baselineValue) && m.baselineDate) issue(["baselineValue"], "Enter the baseline value");

  if (present(m.benchmarkValue) && !m.benchmarkLabel) issue(["benchmarkLabel"], "Enter what the benchmark is, like England average");
  if (!present(m.benchmarkValue) && (m.benchmarkLabel || m.benchmarkDate)) issue(["benchmarkValue"], "Enter the benchmark value");

  if (present(m.targetValue) && !m.targetDate) issue(["targetDate"], "Enter the date the target should be met by");
  if (!present(m.targetValue) && m.targetDate) issue(["targetValue"], "Enter the target value");
  if (m.baselineDate && m.targetDate && m.targetDate <= m.baselineDate) issue(["targetDate"], "Target date must be after the baseline date");

  for (const p of plausibleRangeProblems(m)) issue([p.field], p.message);

  const seen = new Map<string, number>();
  m.milestones.forEach((milestone, i) => {
    const path = ["milestones", i, "date"];
    if (m.baselineDate && milestone.date <= m.baselineDate) issue(path, `Milestone ${i + 1} must be after the baseline date`);
    else if (m.targetDate && milestone.date >= m.targetDate) issue(path, `Milestone ${i + 1} must be before the target date`);
    const earlier = seen.get(milestone.date);
    if (earlier !== undefined) issue(path, `Milestone ${i + 1} has the same date as milestone ${earlier + 1}`);
    else seen.set(milestone.date, i);
  });
}

/** What a lead fills in for a measure: definition, benchmark and trajectory. */
export const measureFields = z.object(fieldShape).superRefine(checkTrajectory);

export const createMeasureSchema = z.object({ planId: id, ...fieldShape }).superRefine(checkTrajectory);

/** `version` is the one the editor loaded: a save over someone else's is refused. */
export const updateMeasureSchema = z
  .object({ id, version, ...fieldShape })
  .superRefine(checkTrajectory);

/**
 * Replacing a figure already recorded for a period is said out loud: the person confirms it and
 * says why, and the audit event keeps the reason with the value before and after. A caller that
 * sends neither (an old form) has a replacement refused, never silently made.
 */
const replacement = {
  confirmReplace: z.boolean().optional(),
  replaceReason: textInput().trim().max(500, "The reason must be 500 characters or fewer").optional(),
};

export const recordValueSchema = z.object({
  measureId: id,
  periodEnd: requiredDay("the date the period ends", { invalid: "Period end must be a real date" }),
  value: figure("Enter the value as a number"),
  status: measureValueStatus,
  note: textInput().trim().max(500, "Note must be 500 characters or fewer").optional(),
  ...replacement,
});

export const pasteValuesSchema = z.object({
  measureId: id,
  status: measureValueStatus,
  text: textInput().min(1, "Paste the periods and values").max(20_000, "Paste fewer lines at once: up to 200"),
  ...replacement,
});

export const setValueStatusSchema = z.object({ id, status: measureValueStatus });

export type MeasureFields = z.infer<typeof measureFields>;
export type MilestoneFields = z.infer<typeof milestoneFields>;
export type CreateMeasureInput = z.infer<typeof createMeasureSchema>;
export type UpdateMeasureInput = z.infer<typeof updateMeasureSchema>;
export type RecordValueInput = z.infer<typeof recordValueSchema>;
export type PasteValuesInput = z.infer<typeof pasteValuesSchema>;
export type SetValueStatusInput = z.infer<typeof setValueStatusSchema>;

/** The measure form's fields as the conflict panel names them. */
export const MEASURE_FIELD_LABELS: ReadonlyArray<{ name: keyof MeasureFields; label: string }> = [
  { name: "ref", label: "Reference" },
  { name: "name", label: "Name" },
  { name: "definition", label: "Definition" },
  { name: "unit", label: "Unit" },
  { name: "direction", label: "Which way is better" },
  { name: "source", label: "Source" },
  { name: "baselineValue", label: "Baseline value" },
  { name: "baselineDate", label: "Baseline date" },
  { name: "benchmarkValue", label: "Benchmark value" },
  { name: "benchmarkLabel", label: "Benchmark" },
  { name: "benchmarkDate", label: "Benchmark date" },
  { name: "targetValue", label: "Target value" },
  { name: "targetDate", label: "Target date" },
  { name: "plausibleMin", label: "Plausible minimum" },
  { name: "plausibleMax", label: "Plausible maximum" },
  { name: "milestones", label: "Milestones" },
  { name: "findingIds", label: "Findings it evidences" },
  { name: "ownerId", label: "Owner" },
  { name: "catalogueMeasureId", label: "Published measure" },
];
