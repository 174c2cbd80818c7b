/**
 * POST /areas/<slug>/measure-values: values for any of the area's measures at once, by the value
 * form's rules and through its code (server/services/measures/measure-values.ts): each value one
 * its measure can take (unit and plausible range, server/domain/measure-value-range.ts) for a
 * period that has ended; a different figure for a period already recorded replaced only when the
 * request says `replace: true` and gives a reason, which each replaced value's history keeps with
 * the figures before and after. The same value sent again changes nothing, so a system may send
 * the same batch twice. All of it or nothing: one value refused refuses the request, with every
 * problem listed; a dry run checks everything and writes nothing.
 */
import { formatDate } from "@/lib/format/dates";
import { formatMeasureValue } from "@/lib/format/measure-value";
import type { PushValuesInput, PushValuesResult } from "@/server/schemas/api";
import { areaBySlug, CURRENT_PLAN } from "@/server/services/core/access";
import { inTransaction, type Tx } from "@/server/services/core/audit";
import { ENDED_PLAN_STATUSES } from "@/server/domain/plan-journey";
import type { ServiceContext } from "@/server/services/core/context";
import type { FieldProblem } from "@/server/services/api/problem";
import {
  confirmedReason,
  MEASURE_FOR_VALUES,
  replacementsIn,
  requireMayEnterValues,
  valueChanges,
  valueEntryProblems,
  writeValueChanges,
  type MeasureForValues,
  type ValueChange,
  type ValueEntry,
} from "@/server/services/measures/measure-values";

/** A refusal of some of the values: every problem, each at its place in the body. */
export class ValuesRefused extends Error {
  constructor(
    readonly errors: FieldProblem[],
    readonly replacements: Array<{ measure: string; periodEnd: string; before: number; after: number }> = [],
  ) {
    super(`${errors.length === 1 ? "1 value was" : `${errors.length} values were`} refused: nothing was written.`);
    this.name = "ValuesRefused";
  }
}

type Item = PushValuesInput["values"][number];
type MeasureRow = MeasureForValues & { ref: string };

/**
 * The measures the items name, by id (any of the area's) or by reference in the current plan
 * (any case). One query for the lot.
 */
async function measuresNamed(ctx: ServiceContext, localAreaId: string, items: readonly Item[]) {
  const keys = [...new Set(items.map((i) => i.measure))];
  const rows = await ctx.db.measure.findMany({
    where: {
      localAreaId,
      OR: [{ id: { in: keys } }, { plan: CURRENT_PLAN.where, OR: keys.map((k) => ({ ref: { equals: k, mode: "insensitive" as const } })) }],
    },
    select: { ...MEASURE_FOR_VALUES, ref: true },
  });
  const byKey = new Map<string, MeasureRow>();
  for (const key of keys) {
    const found = rows.find((m) => m.id === key) ?? rows.find((m) => m.ref.toLowerCase() === key.toLowerCase() && !(ENDED_PLAN_STATUSES as readonly string[]).includes(m.plan.status));
    if (found) byKey.set(key, found);
  }
  return byKey;
}

export async function pushValues(ctx: ServiceContext, slug: string, input: PushValuesInput, options: { dryRun: boolean }): Promise<PushValuesResult> {
  const area = await areaBySlug(ctx, slug, "plan.read");
  const measures = await measuresNamed(ctx, area.id, input.values);

  // Everything that can be checked before reading the values recorded, item by item.
  const errors: FieldProblem[] = [];
  const seen = new Map<string, number>();
  input.values.forEach((item, i) => {
    const measure = measures.get(item.measure);
    if (!measure) {
      errors.push({ pointer: `/values/${i}/measure`, detail: `There is no measure “${item.measure}” in the area's current plan.` });
      return;
    }
    const key = `${measure.id}|${item.periodEnd}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ pointer: `/values/${i}/periodEnd`, detail: `Measure ${measure.ref} has a value for the period ending ${item.periodEnd} already, at /values/${first}: send each period once.` });
    } else seen.set(key, i);
    for (const p of valueEntryProblems(item, measure)) errors.push({ pointer: `/values/${i}/${p.field}`, detail: p.message });
  });
  if (errors.length > 0) throw new ValuesRefused(errors);

  // The permission and the plan, measure by measure: the plan lead may enter values on every
  // measure of the area (a token acts as the plan lead), but not on an ended plan's.
  const groups = new Map<string, { measure: MeasureRow; items: { index: number; entry: ValueEntry }[] }>();
  input.values.forEach((item, index) => {
    const measure = measures.get(item.measure)!;
    const group = groups.get(measure.id) ?? { measure, items: [] };
    group.items.push({ index, entry: { periodEnd: item.periodEnd, value: item.value, status: item.status, note: item.note } });
    groups.set(measure.id, group);
  });
  for (const { measure } of groups.values()) requireMayEnterValues(ctx, measure);

  const reason = confirmedReason({ confirmReplace: input.replace, replaceReason: input.reason });
  const work = async (tx: Tx) => {
    const changes = new Map<string, ValueChange[]>();
    for (const [id, group] of groups) changes.set(id, await valueChanges(tx, id, group.items.map((i) => i.entry)));
    // Replacing recorded figures is said out loud, as on the value form: with replace and a reason.
    const refused: FieldProblem[] = [];
    const replacements: ValuesRefused["replacements"] = [];
    for (const [id, group] of groups) {
      const replacing = replacementsIn(changes.get(id)!);
      for (const r of replacing) {
        const index = group.items.find((i) => i.entry.periodEnd === r.periodEnd)!.index;
        const shown = (n: number) => formatMeasureValue(n, group.measure.unit);
        replacements.push({ measure: group.measure.ref, ...r });
        refused.push({
          pointer: `/values/${index}/value`,
          detail: `A value is already recorded for measure ${group.measure.ref} for the period ending ${formatDate(r.periodEnd)} (${shown(r.before)}). To replace it with ${shown(r.after)}, send "replace": true and a "reason".`,
        });
      }
    }
    if (refused.length > 0 && !reason) throw new ValuesRefused(refused, replacements);

    const counts = { created: 0, replaced: 0, updated: 0, unchanged: 0 };
    for (const [id, group] of groups) {
      const list = changes.get(id)!;
      if (options.dryRun) {
        for (const c of list) counts[c.kind] += 1;
        continue;
      }
      const written = await writeValueChanges(tx, ctx, group.measure, list, { action: "measure.pushValues", reason });
      for (const kind of ["created", "replaced", "updated", "unchanged"] as const) counts[kind] += written[kind];
    }
    // Each item's outcome, in the order sent.
    const outcomes: PushValuesResult["values"] = new Array(input.values.length);
    for (const group of groups.values()) {
      group.items.forEach(({ index, entry }, n) => {
        const change = changes.get(group.measure.id)![n]!;
        outcomes[index] = {
          measure: { id: group.measure.id, ref: group.measure.ref },
          periodEnd: entry.periodEnd,
          value: entry.value,
          outcome: change.kind,
          before: change.kind === "replaced" ? change.before.value : null,
        };
      });
    }
    return { dryRun: options.dryRun, ...counts, values: outcomes };
  };
  // A dry run reads in a transaction too, so what it reports is one moment's state; it writes nothing.
  return inTransaction(ctx, work, { timeoutMs: 30_000 });
}
