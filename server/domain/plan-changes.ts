/**
 * "Changes since" a snapshot: what differs between two states of one plan. Pure, so the page, the
 * board pack and the tests all compare the same way.
 *
 * - Actions: a change of status, RAG (as shown), progress, start, due or completion date; new and
 *   removed actions.
 * - Evidence, forum verdicts and adviser notes: items in the newer state that the older did not
 *   have (they are never edited in place: verdicts and notes are append-only, evidence is
 *   reviewed, not rewritten).
 * - Measure values: a period the older state did not have, or a value that changed.
 */
import type { ChangedField } from "@/lib/change-words";
import type { ActionState, AdviserNoteState, EvidenceState, PlanState, VerdictState } from "@/server/domain/plan-state";

/** Each has its words in lib/change-words.ts, which the page and the board pack print. */
export const ACTION_FIELDS_COMPARED = ["status", "rag", "progress", "startDate", "dueDate", "completedAt"] as const satisfies readonly ChangedField[];
export type ComparedField = (typeof ACTION_FIELDS_COMPARED)[number];

export type FieldChange = { field: ComparedField; from: string | number | null; to: string | number | null };

export type ActionChange = { id: string; ref: string; title: string; findingRef: string; changes: FieldChange[] };

export type MeasureValueChange = {
  measureId: string;
  measureRef: string;
  measureName: string;
  date: string;
  value: number;
  /** The value the older state had for that period, when it was revised. */
  previous: number | null;
};

export type PlanChanges = {
  actions: ActionChange[];
  newActions: Array<Pick<ActionState, "id" | "ref" | "title">>;
  removedActions: Array<Pick<ActionState, "id" | "ref" | "title">>;
  evidence: EvidenceState[];
  measureValues: MeasureValueChange[];
  verdicts: VerdictState[];
  adviserNotes: AdviserNoteState[];
};

export function countChanges(c: PlanChanges): number {
  return (
    c.actions.length +
    c.newActions.length +
    c.removedActions.length +
    c.evidence.length +
    c.measureValues.length +
    c.verdicts.length +
    c.adviserNotes.length
  );
}

function actionsOf(state: PlanState) {
  return new Map(state.findings.flatMap((f) => f.actions.map((a) => [a.id, { ...a, findingRef: f.ref }] as const)));
}

/** Dates are compared by day: a completion time that moved within one day is not a change. */
function comparable(field: ComparedField, a: ActionState): string | number | null {
  const v = a[field];
  return field === "completedAt" && typeof v === "string" ? v.slice(0, 10) : v;
}

export function changesBetween(older: PlanState, newer: PlanState): PlanChanges {
  const before = actionsOf(older);
  const after = actionsOf(newer);
  const actions: ActionChange[] = [];
  const newActions: PlanChanges["newActions"] = [];
  for (const [id, a] of after) {
    const b = before.get(id);
    if (!b) {
      newActions.push({ id, ref: a.ref, title: a.title });
      continue;
    }
    const changes = ACTION_FIELDS_COMPARED.filter((field) => comparable(field, a) !== comparable(field, b)).map((field) => ({
      field,
      from: comparable(field, b),
      to: comparable(field, a),
    }));
    if (changes.length > 0) actions.push({ id, ref: a.ref, title: a.title, findingRef: a.findingRef, changes });
  }
  const removedActions = [...before.values()].filter((b) => !after.has(b.id)).map((b) => ({ id: b.id, ref: b.ref, title: b.title }));

  const known = <T extends { id: string }>(items: readonly T[]) => new Set(items.map((i) => i.id));
  const oldEvidence = known(older.evidence);
  const oldVerdicts = known(older.verdicts);
  const oldNotes = known(older.adviserNotes);

  const oldValues = new Map<string, number>(
    older.findings.flatMap((f) => f.measures.flatMap((m) => m.chart.values.map((v) => [`${m.id}:${v.date}`, v.value] as const))),
  );
  const measureValues: MeasureValueChange[] = [];
  const seen = new Set<string>();
  // A measure may evidence several findings; list each value once.
  for (const m of newer.findings.flatMap((f) => f.measures)) {
    for (const v of m.chart.values) {
      const key = `${m.id}:${v.date}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const previous = oldValues.get(key);
      if (previous === undefined || previous !== v.value) {
        measureValues.push({ measureId: m.id, measureRef: m.ref, measureName: m.name, date: v.date, value: v.value, previous: previous ?? null });
      }
    }
  }

  return {
    actions,
    newActions,
    removedActions,
    evidence: newer.evidence.filter((e) => !oldEvidence.has(e.id)),
    measureValues,
    verdicts: newer.verdicts.filter((v) => !oldVerdicts.has(v.id)),
    adviserNotes: newer.adviserNotes.filter((n) => !oldNotes.has(n.id)),
  };
}
