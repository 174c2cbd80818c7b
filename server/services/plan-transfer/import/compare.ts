/** How the import compares a cell with what the plan holds: as the workbook sees values, not as the database stores them. */
import { fromDay } from "@/lib/calendar";
import { acceptedPlanRefusal, type ControlledField } from "@/server/domain/change-control";
import type { Issue } from "@/server/services/plan-transfer/parse-sheets";
import type { FieldDiff } from "@/server/services/plan-transfer/import/report";

const blank = (v: unknown) => v === null || v === undefined || v === "";
const normText = (s: string) => s.replace(/\r\n?/g, "\n").trim();

/** Equal as the workbook sees it: dates by day, text trimmed, "" and nothing alike. */
export function same(a: unknown, b: unknown): boolean {
  if (blank(a) && blank(b)) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === "string" && typeof b === "string") return normText(a) === normText(b);
  return a === b;
}

export function sameSet(a: Iterable<string>, b: Iterable<string>): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

/** What a value looks like in the audit trail: dates as days, the rest as it is. */
export const shown = (v: unknown) => (v instanceof Date ? fromDay(v) : (v ?? null));

/** Refs are matched whatever their case. */
export const key = (ref: string) => ref.toLowerCase();
/** Organisation names are matched whatever their case and spacing. */
export const collapse = (name: string) => name.replace(/\s+/g, " ").trim();
export const organisationKey = (name: string) => key(collapse(name));

/** Milestones and values are keyed by their measure and their day. */
export const dayKey = (measureRef: string, d: Date) => `${key(measureRef)}|${fromDay(d)}`;

/** The fields of one record that differ, with their values before and after, by column name. */
export class FieldChanges {
  readonly fields: string[] = [];
  readonly before: Record<string, unknown> = {};
  readonly after: Record<string, unknown> = {};
  readonly data: Record<string, unknown> = {};

  /** Compares one column; `desired` undefined means the column is not in the file. */
  compare(header: string, field: string | null, desired: unknown, current: unknown) {
    if (desired === undefined || same(desired, current)) return;
    this.note(header, current, desired);
    if (field) this.data[field] = desired;
  }

  note(header: string, from: unknown, to: unknown) {
    if (!this.fields.includes(header)) this.fields.push(header);
    this.before[header] = shown(from);
    this.after[header] = shown(to);
  }

  get any() {
    return this.fields.length > 0;
  }

  /** As plain data, for a planned write. */
  diff(): FieldDiff {
    return { fields: this.fields, before: this.before, after: this.after, data: this.data };
  }
}

/**
 * Change control: on an accepted plan (as it is before this file), the controlled fields of
 * existing actions and measures change only through a change request an adviser approves.
 * Creating new actions, measures and their milestones stays open, as in the editors.
 */
export function controlledChange(
  planAccepted: boolean,
  at: Omit<Issue, "message">,
  field: ControlledField,
  desired: unknown,
  current: unknown,
): Issue[] {
  return planAccepted && desired !== undefined && !same(desired, current) ? [{ ...at, message: acceptedPlanRefusal(field) }] : [];
}
