/**
 * The HTTP API's bodies (/api/v1), as zod schemas: requests are checked with them, answers are
 * typed by them, and the OpenAPI document (server/services/api/openapi.ts) is generated from them.
 * The parts a form also has are the form's own schemas (server/schemas/measure.ts), so the API and
 * the value form accept the same periods, figures, statuses, notes and reasons.
 *
 * No server imports: the browser-safe schemas only.
 */
import { z } from "zod";
import { ActionStatus, FindingKind, InspectionKind, Judgement, MeasureDirection, MeasureUnit, PlanStatus, PlanType } from "@/server/generated/prisma/enums";
import { DELIVERY_RAG, FINDING_DELIVERY, FINDING_IMPACT, MEASURE_STATUS } from "@/lib/labels";
import { slug } from "@/server/schemas/common";
import { measureValueStatus, recordValueSchema } from "@/server/schemas/measure";

const codes = (labels: Record<string, string>) => z.enum(Object.keys(labels) as [string, ...string[]]);
const day = z.string().meta({ format: "date", description: "A calendar day, yyyy-mm-dd.", examples: ["2026-10-31"] });
const dayOrNull = day.nullable();
const instant = z.string().meta({ format: "date-time" });

/** The most values one request may send, and the body's size limit to match. */
export const MAX_VALUES_PER_REQUEST = 1000;
export const MAX_VALUES_BODY_BYTES = 512 * 1024;

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

export const areaParams = z.object({
  slug: slug.meta({ description: "The local area's address name, as in /local-areas/<slug>.", examples: ["northbridge"] }),
});

/** A measure by its reference in the current plan ("M1", any case) or by its id. */
export const measureKey = z
  .string()
  .trim()
  .min(1, "Name the measure by its reference, like M1, or its id")
  .max(40, "That is not a measure's reference or id")
  .regex(/^[A-Za-z0-9][A-Za-z0-9.\-]*$/, "That is not a measure's reference or id")
  .meta({ description: "The measure's reference in the current plan (like M1, in any case) or its id.", examples: ["M1"] });

export const measureParams = areaParams.extend({ measure: measureKey });

export const dryRunQuery = z.object({
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "true: check everything and say what would happen, writing nothing." }),
});

// ---------------------------------------------------------------------------------------------
// Sending values
// ---------------------------------------------------------------------------------------------

const { periodEnd, value, note } = recordValueSchema.shape;

export const measureValueInput = z
  .strictObject({
    measure: measureKey,
    periodEnd: periodEnd.meta({ format: "date", description: "The last day of the period the value is for, yyyy-mm-dd: today or earlier.", examples: ["2026-10-31"] }),
    value: value.meta({
      description:
        "The figure: one the measure can take, by its unit (a percentage 0 to 100, a count a whole number 0 or more, days, weeks and rates 0 or more) and its plausible range, as the value form checks.",
      examples: [47.5],
    }),
    status: measureValueStatus.optional().meta({ description: "PROVISIONAL or VALIDATED. Left out: a new value is provisional, a recorded one keeps its status." }),
    note: note.meta({ description: "A note on the value, up to 500 characters. Left out: a recorded value keeps its note; empty: it is cleared." }),
  })
  .meta({ id: "MeasureValueInput" });

export const pushValuesSchema = z
  .strictObject({
    values: z
      .array(measureValueInput)
      .min(1, "Send at least one value")
      .max(MAX_VALUES_PER_REQUEST, `Send at most ${MAX_VALUES_PER_REQUEST} values at once`),
    replace: recordValueSchema.shape.confirmReplace.meta({
      description: "true to replace figures already recorded for these periods (with a reason). Without it, a different figure for a recorded period refuses the request.",
    }),
    reason: recordValueSchema.shape.replaceReason.meta({ description: "Why the recorded figures are replaced: kept in each value's history with the figures before and after." }),
  })
  .meta({
    id: "MeasureValuesPush",
    examples: [
      {
        values: [
          { measure: "M1", periodEnd: "2026-10-31", value: 47.5 },
          { measure: "M2", periodEnd: "2026-10-31", value: 112, status: "VALIDATED" },
        ],
      },
    ],
  });
export type PushValuesInput = z.infer<typeof pushValuesSchema>;

export const VALUE_OUTCOMES = ["created", "replaced", "updated", "unchanged"] as const;

export const pushValuesResult = z
  .object({
    dryRun: z.boolean().meta({ description: "true: nothing was written; the outcomes are what would happen." }),
    created: z.number().int(),
    replaced: z.number().int(),
    updated: z.number().int().meta({ description: "Values whose figure stays and whose status or note changes." }),
    unchanged: z.number().int().meta({ description: "Values already recorded exactly so: sending them again changes nothing." }),
    values: z.array(
      z.object({
        measure: z.object({ id: z.string(), ref: z.string() }),
        periodEnd: day,
        value: z.number(),
        outcome: z.enum(VALUE_OUTCOMES),
        /** The figure replaced, for a replacement. */
        before: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: "MeasureValuesResult" });
export type PushValuesResult = z.infer<typeof pushValuesResult>;

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

const measureStatusView = z.object({
  status: codes(MEASURE_STATUS).meta({ description: "The latest value against the trajectory: ON_TRACK, AMBER, OFF_TRACK, NO_DATA or NO_TRAJECTORY." }),
  expected: z.number().nullable().meta({ description: "Where the trajectory says the measure should be at the latest value's period end." }),
  explanation: z.string().meta({ description: "How the status is worked out, in a sentence or two." }),
});

const valueView = z.object({ periodEnd: day, value: z.number() });

export const planMeasureView = z
  .object({
    id: z.string(),
    ref: z.string(),
    name: z.string(),
    unit: z.enum(MeasureUnit),
    direction: z.enum(MeasureDirection),
    findingRefs: z.array(z.string()),
    ownerName: z.string().nullable(),
    target: z.object({ value: z.number(), date: day }).nullable(),
    latest: valueView.nullable().meta({ description: "The latest value on or after the baseline date." }),
    status: measureStatusView,
  })
  .meta({ id: "PlanMeasure" });

export const actionView = z
  .object({
    id: z.string(),
    ref: z.string(),
    title: z.string(),
    status: z.enum(ActionStatus),
    progress: z.number().int(),
    startDate: dayOrNull,
    dueDate: dayOrNull,
    completedAt: instant.nullable(),
    rag: codes(DELIVERY_RAG).meta({ description: "The delivery RAG shown (the plan lead's, where set by hand)." }),
    ragCalculated: codes(DELIVERY_RAG).meta({ description: "The delivery RAG worked out from the dates and progress." }),
    overrideReason: z.string().nullable(),
    ownerName: z.string().nullable(),
    leadOrganisation: z.string().nullable(),
    updateOverdue: z.boolean(),
  })
  .meta({ id: "Action" });

export const findingView = z
  .object({
    id: z.string(),
    ref: z.string(),
    kind: z.enum(FindingKind),
    summary: z.string().meta({ description: "The plain-English summary; empty until one is written." }),
    inspectorsWording: z.string(),
    delivery: z.object({ status: codes(FINDING_DELIVERY), explanation: z.string() }),
    impact: z.object({ status: codes(FINDING_IMPACT), explanation: z.string() }),
    judgement: z
      .object({ judgement: z.enum(Judgement), date: dayOrNull, letterUrl: z.string().nullable(), imported: z.boolean() })
      .nullable()
      .meta({ description: "The follow-up inspection's judgement on the finding, once made." }),
    actions: z.array(actionView),
    measureRefs: z.array(z.string()),
  })
  .meta({ id: "Finding" });

export const planView = z
  .object({
    asAt: instant,
    area: z.object({ slug: z.string(), name: z.string() }),
    plan: z.object({ id: z.string(), type: z.enum(PlanType), title: z.string(), status: z.enum(PlanStatus) }).nullable().meta({ description: "The area's current plan; null when it has none." }),
    followUp: z
      .object({ kind: z.enum(InspectionKind), date: dayOrNull, isEstimate: z.boolean(), daysToGo: z.number().int().nullable(), happened: z.boolean(), overdue: z.boolean() })
      .nullable()
      .meta({ description: "The revisit or monitoring inspection the plan works towards." }),
    findings: z.array(findingView),
    measures: z.array(planMeasureView),
  })
  .meta({ id: "Plan" });
export type PlanView = z.infer<typeof planView>;

export const measureView = z
  .object({
    id: z.string(),
    ref: z.string(),
    name: z.string(),
    definition: z.string(),
    unit: z.enum(MeasureUnit),
    direction: z.enum(MeasureDirection),
    source: z.string(),
    baseline: z.object({ value: z.number(), date: day }).nullable(),
    benchmark: z.object({ value: z.number(), label: z.string(), date: dayOrNull }).nullable(),
    target: z.object({ value: z.number(), date: day }).nullable(),
    plausibleMin: z.number().nullable().meta({ description: "The lowest value the measure can take (besides its unit's bounds); null: open." }),
    plausibleMax: z.number().nullable().meta({ description: "The highest value the measure can take; null: open." }),
    milestones: z.array(z.object({ date: day, targetValue: z.number() })),
    findingRefs: z.array(z.string()),
    plan: z.object({ id: z.string(), title: z.string(), status: z.enum(PlanStatus) }),
    status: measureStatusView,
    values: z
      .array(
        z.object({
          periodEnd: day,
          value: z.number(),
          status: measureValueStatus,
          note: z.string().nullable(),
          updatedAt: instant,
          enteredBy: z.string().nullable().meta({ description: "Who entered it (for a token, the person who made the token)." }),
        }),
      )
      .meta({ description: "Every value, newest period first." }),
  })
  .meta({ id: "Measure" });
export type MeasureView = z.infer<typeof measureView>;

// ---------------------------------------------------------------------------------------------
// Problems (RFC 9457)
// ---------------------------------------------------------------------------------------------

export const problemSchema = z
  .object({
    type: z.string().meta({ description: "Which kind of problem: a link to its description on /api/docs." }),
    title: z.string().meta({ description: "The kind of problem in a few words: the same every time." }),
    status: z.number().int(),
    detail: z.string().meta({ description: "What went wrong this time, and what to do about it." }),
    instance: z.string().meta({ description: "This occurrence: urn:uuid:<the request's id>, which its audit events carry too." }),
    errors: z
      .array(z.object({ pointer: z.string().meta({ description: "A JSON Pointer into the request body, like /values/3/value." }), detail: z.string() }))
      .optional()
      .meta({ description: "Each field refused, for a 422." }),
    replacements: z
      .array(z.object({ measure: z.string(), periodEnd: day, before: z.number(), after: z.number() }))
      .optional()
      .meta({ description: "For a replacement not confirmed: each figure recorded and the one sent." }),
  })
  .meta({
    id: "Problem",
    examples: [
      {
        type: "/api/docs#problem-validation",
        title: "The values were refused",
        status: 422,
        detail: "1 value was refused: nothing was written.",
        instance: "urn:uuid:0b6f7c1e-6d0e-4a55-9d1e-3f1a2b4c5d6e",
        errors: [{ pointer: "/values/0/value", detail: "A percentage is between 0 and 100" }],
      },
    ],
  });
