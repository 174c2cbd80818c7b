/**
 * The national view's table: one row per local area, the shares it shows, and the order its
 * columns sort in. Pure, so the service and its tests agree on every rule.
 *
 * Sorting is stable and total: ties fall back to the area's name, then its id; an empty cell (no
 * plan, no actions, no date) always sorts last, whichever way the column is sorted.
 */
import { PLAN_TYPE } from "@/lib/labels";
import { followUpKind } from "@/server/domain/inspections";
import { notYetFollowedUp, planFramework, type FollowUpKind } from "@/server/domain/plan-journey";
import type { InspectionKind, PlanType, Region } from "@/server/generated/prisma/enums";

export const NATIONAL_SORT_KEYS = [
  "area",
  "planType",
  "findings",
  "red",
  "offTrack",
  "overdue",
  "sinceUpdate",
  "nextInspection",
  "lastFollowUp",
  "disagreements",
] as const;
export type NationalSortKey = (typeof NATIONAL_SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

/** What a first click on a column does: worst first for the counts, soonest first for dates, A to Z for words. */
export const FIRST_DIR: Record<NationalSortKey, SortDir> = {
  area: "asc",
  planType: "asc",
  findings: "desc",
  red: "desc",
  offTrack: "desc",
  overdue: "desc",
  sinceUpdate: "desc",
  nextInspection: "asc",
  lastFollowUp: "asc",
  disagreements: "desc",
};

export type AreaPlanFigures = {
  type: PlanType;
  findings: number;
  actions: { total: number; red: number; updateOverdue: number };
  measures: { total: number; offTrack: number };
  /** Days since the latest update on any of the plan's actions; null before the first. */
  daysSinceUpdate: number | null;
  nextInspection: { kind: InspectionKind; date: Date | null; isEstimate: boolean } | null;
};

export type NationalRow = {
  id: string;
  name: string;
  slug: string;
  region: Region;
  /** The area's current plan; null when it has none. */
  plan: AreaPlanFigures | null;
  /** The forum's current verdicts that disagree, across the area. */
  disagreements: number;
  /**
   * What the area's latest revisit or monitoring inspection judged: on the latest of its plans with
   * a finding judged (the current plan, or the one it follows on from); null before any.
   */
  lastFollowUp: LastFollowUp | null;
};

export type LastFollowUp = {
  kind: FollowUpKind;
  /** Findings judged, and of those sufficient (2016) or effective (2023). */
  judged: number;
  positive: number;
  complete: boolean;
  /** "4 of 5 sufficient" */
  short: string;
  /** "Revisit 4 to 6 October 2022: sufficient progress in 4 of 5 areas" */
  sentence: string;
  /** The plan it judged, and whether that is the area's current plan. */
  planType: PlanType;
  ofCurrentPlan: boolean;
};

/** The last follow-up's cell: its outcome, or "Not yet revisited" / "Not yet monitored" for the current plan. */
export function lastFollowUpText(row: Pick<NationalRow, "plan" | "lastFollowUp">): string {
  if (row.lastFollowUp) return row.lastFollowUp.short;
  if (!row.plan) return "No plan";
  const next = row.plan.nextInspection?.kind;
  const kind = next === "REVISIT" || next === "MONITORING" ? next : (followUpKind(planFramework({ framework: null, type: row.plan.type })) as FollowUpKind);
  return notYetFollowedUp(kind);
}

/** The national view's filter on the last follow-up. */
export const FOLLOW_UP_FILTERS = ["NOT_YET", "ALL_POSITIVE", "SOME_NOT"] as const;
export type FollowUpFilter = (typeof FOLLOW_UP_FILTERS)[number];

export const FOLLOW_UP_FILTER_LABEL: Record<FollowUpFilter, string> = {
  NOT_YET: "Not yet revisited or monitored",
  ALL_POSITIVE: "Every finding judged sufficient or effective",
  SOME_NOT: "Some findings judged not sufficient or not effective",
};

export function matchesFollowUpFilter(row: Pick<NationalRow, "lastFollowUp">, filter: FollowUpFilter): boolean {
  const last = row.lastFollowUp;
  if (filter === "NOT_YET") return last === null;
  if (!last) return false;
  return filter === "SOME_NOT" ? last.positive < last.judged : last.positive === last.judged;
}

/** part / whole, or null when there is nothing to take a share of. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * A share as a person reads it: "3 of 26 (12%)". A share that rounds to 0% or 100% without being
 * exactly that says so, so a single red action is never shown as none.
 */
export function shareText(part: number, whole: number): string {
  if (whole === 0) return "0 of 0";
  const exact = (part * 100) / whole;
  const rounded = Math.round(exact);
  const percent =
    part > 0 && rounded === 0 ? "less than 1%" : part < whole && rounded === 100 ? "more than 99%" : `${rounded}%`;
  return `${part} of ${whole} (${percent})`;
}

type SortValue = string | number | null;

const VALUE: Record<NationalSortKey, (row: NationalRow) => SortValue> = {
  area: (r) => r.name,
  planType: (r) => (r.plan ? PLAN_TYPE[r.plan.type] : null),
  findings: (r) => r.plan?.findings ?? null,
  red: (r) => (r.plan ? share(r.plan.actions.red, r.plan.actions.total) : null),
  offTrack: (r) => r.plan?.measures.offTrack ?? null,
  overdue: (r) => r.plan?.actions.updateOverdue ?? null,
  sinceUpdate: (r) => r.plan?.daysSinceUpdate ?? null,
  nextInspection: (r) => r.plan?.nextInspection?.date?.getTime() ?? null,
  // The share judged sufficient or effective: first the areas the inspectors found least progress in.
  lastFollowUp: (r) => (r.lastFollowUp ? share(r.lastFollowUp.positive, r.lastFollowUp.judged) : null),
  disagreements: (r) => r.disagreements,
};

const byName = (a: NationalRow, b: NationalRow) =>
  a.name.localeCompare(b.name, "en", { sensitivity: "base", numeric: true }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function compareValues(x: SortValue, y: SortValue): number {
  if (typeof x === "string" && typeof y === "string") return x.localeCompare(y, "en", { sensitivity: "base", numeric: true });
  return (x as number) - (y as number);
}

/** The rows in the order the column asks for; a new array. */
export function sortNationalRows(rows: readonly NationalRow[], key: NationalSortKey, dir: SortDir): NationalRow[] {
  const value = VALUE[key];
  const sign = dir === "asc" ? 1 : -1;
  return rows
    .map((row) => ({ row, v: value(row) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) {
        if (a.v !== b.v) return a.v === null ? 1 : -1;
        return byName(a.row, b.row);
      }
      return sign * compareValues(a.v, b.v) || byName(a.row, b.row);
    })
    .map(({ row }) => row);
}

/** Where a column heading's link goes: the other way round when it is the sorted column, else its first direction. */
export function headingDir(key: NationalSortKey, sorted: { sort: NationalSortKey; dir: SortDir }): SortDir {
  if (key !== sorted.sort) return FIRST_DIR[key];
  return sorted.dir === "asc" ? "desc" : "asc";
}
