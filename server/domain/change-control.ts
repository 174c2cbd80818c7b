/**
 * Change control. Once Ofsted/CQC have accepted a plan, its promises are what the area is held to:
 * an action's wording and due date, a measure's target and milestones change only through a change
 * request an adviser approves, and the old value stays in the history.
 *
 * Pure: no database. The editors (action-editor.ts, measures.ts), the workbook import and the
 * change-request service all ask these functions, so the rule exists once.
 */
import type { PlanStatus } from "@/server/generated/prisma/enums";
import type { CONTROLLED_FIELD } from "@/lib/labels";

/**
 * Whether a plan is under change control. ACCEPTED and ACTIVE are both accepted (ACTIVE is an
 * accepted plan being delivered). An accepted date also counts whatever the status says: a plan
 * recorded as accepted on a date was accepted, even if someone later set it back to DRAFT or
 * SUBMITTED, and a CLOSED plan that was accepted keeps its history as it was.
 */
export function isPlanAccepted(plan: { status: PlanStatus; acceptedDate: Date | string | null }): boolean {
  return plan.status === "ACCEPTED" || plan.status === "ACTIVE" || plan.acceptedDate != null;
}

export type ControlledEntity = "Action" | "Measure";

/**
 * The fields under change control: the record they belong to, its column, and its words in a
 * sentence. Exactly the fields CONTROLLED_FIELD in lib/labels.ts names, no more and no fewer.
 */
export const CONTROLLED_FIELDS = {
  "action.title": { entity: "Action", column: "title", words: "the title" },
  "action.description": { entity: "Action", column: "description", words: "the description" },
  "action.dueDate": { entity: "Action", column: "dueDate", words: "the due date" },
  "measure.targetValue": { entity: "Measure", column: "targetValue", words: "the target value" },
  "measure.targetDate": { entity: "Measure", column: "targetDate", words: "the target date" },
  "measure.milestones": { entity: "Measure", column: "milestones", words: "the milestones" },
} as const satisfies Record<keyof typeof CONTROLLED_FIELD, { entity: ControlledEntity; column: string; words: string }>;

export type ControlledField = keyof typeof CONTROLLED_FIELDS;
export const CONTROLLED_FIELD_KEYS = Object.keys(CONTROLLED_FIELDS) as ControlledField[];

export function isControlledField(field: string): field is ControlledField {
  return Object.hasOwn(CONTROLLED_FIELDS, field);
}

/** The controlled fields of one kind of record. */
export function controlledFieldsOf(entity: ControlledEntity): ControlledField[] {
  return CONTROLLED_FIELD_KEYS.filter((f) => CONTROLLED_FIELDS[f].entity === entity);
}

/** A milestone as a change request stores it. */
export type MilestoneValue = { date: string; targetValue: number };
/**
 * A controlled value as stored in a change request's oldValue/newValue (JSON): text, a day as
 * "yyyy-mm-dd", a number, or milestones; null for "not set".
 */
export type ControlledValue = string | number | null | MilestoneValue[];

/** One canonical form, so equal values compare equal: text trimmed, "" as null for days, milestones by date. */
export function normaliseValue(field: ControlledField, value: unknown): ControlledValue {
  if (field === "measure.milestones") {
    const list = Array.isArray(value) ? (value as MilestoneValue[]) : [];
    return list.map((m) => ({ date: m.date, targetValue: m.targetValue })).sort((a, b) => a.date.localeCompare(b.date));
  }
  if (value === undefined || value === null) return field === "action.description" ? "" : null;
  if (typeof value === "string") {
    const text = value.replace(/\r\n?/g, "\n").trim();
    if (field === "action.dueDate" || field === "measure.targetDate") return text === "" ? null : text;
    return text;
  }
  if (typeof value === "number") return value;
  return null;
}

export function sameValue(field: ControlledField, a: unknown, b: unknown): boolean {
  return JSON.stringify(normaliseValue(field, a)) === JSON.stringify(normaliseValue(field, b));
}

/**
 * The controlled fields whose value differs between `before` and `after`, each given by its
 * column name ("title", "milestones"...). A column missing from `after` is not being changed.
 */
export function changedControlledFields(
  entity: ControlledEntity,
  before: Partial<Record<string, unknown>>,
  after: Partial<Record<string, unknown>>,
): ControlledField[] {
  return controlledFieldsOf(entity).filter((field) => {
    const column = CONTROLLED_FIELDS[field].column;
    return Object.hasOwn(after, column) && after[column] !== undefined && !sameValue(field, before[column], after[column]);
  });
}

/** What an editor says beside a controlled field it refuses to change directly. */
export function acceptedPlanRefusal(field: ControlledField): string {
  return `This plan has been accepted: request a change to ${CONTROLLED_FIELDS[field].words} instead`;
}
