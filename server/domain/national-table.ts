/**
 * The national view's table: one row per local area, the shares it shows, and the order its
 * columns sort in. Pure, so the service and its tests agree on every rule.
 *
 * Sorting is stable and total: ties fall back to the area's name, then its id; an empty cell (no
 * plan, no actions, no date) always sorts last, whichever way the column is sorted.
 */
import { PLAN_TYPE, REGION } from "@/lib/labels";
import type { FindingDelivery, FindingImpact } from "@/server/domain/finding-summary";
import { followUpKind } from "@/server/domain/inspections";
import { notYetFollowedUp, planFramework, type FollowUpKind } from "@/server/domain/plan-journey";
import type { AdviserView, InspectionKind, PlanType, Region } from "@/server/generated/prisma/enums";

export const NATIONAL_SORT_KEYS = [
  "area",
  "planType",
  "findings",
  "delivery",
  "impact",
  "adviserView",
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

/** Each sort key's column, as its heading names it. */
export const NATIONAL_SORT_LABEL: Record<NationalSortKey, string> = {
  area: "Local area",
  planType: "Plan type",
  findings: "Findings",
  delivery: "Delivery",
  impact: "Impact",
  adviserView: "Adviser's view",
  red: "Actions red",
  offTrack: "Measures off track",
  overdue: "Updates overdue",
  sinceUpdate: "Days since last update",
  nextInspection: "Next inspection",
  lastFollowUp: "Last revisit or monitoring",
  disagreements: "Forum disagreements",
};

/** What a first click on a column does: worst first for the counts, soonest first for dates, A to Z for words. */
export const FIRST_DIR: Record<NationalSortKey, SortDir> = {
  area: "asc",
  planType: "asc",
  findings: "desc",
  delivery: "desc",
  impact: "desc",
  adviserView: "desc",
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
  /**
   * The plan's delivery and impact: the finding rules (server/domain/finding-summary.ts) over all
   * its actions and all its measures, side by side, never merged.
   */
  delivery: FindingDelivery;
  impact: FindingImpact;
  /**
   * Actions red and measures off track as they were a month before today (monthAgo), worked out
   * from the history; null when the plan did not exist yet then.
   */
  monthAgo: { red: number; offTrack: number } | null;
};

/** The adviser's latest view on an area: on the area as a whole (findingRef null) or on one finding of a plan not ended. */
export type AreaAdviserView = { view: AdviserView; date: Date; findingRef: string | null };

export type Adviser = { id: string; name: string };

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
  /** The latest monitoring note with a view on the likely judgement; null before any. */
  adviserView: AreaAdviserView | null;
  /** The area's advisers (ADVISER in the area), by name. */
  advisers: Adviser[];
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

/** The national view's filter on the adviser's latest view: one of the views, or none recorded yet. */
export const ADVISER_VIEW_FILTERS = ["LIKELY_SUFFICIENT", "AT_RISK", "UNLIKELY", "NONE"] as const;
export type AdviserViewFilter = (typeof ADVISER_VIEW_FILTERS)[number];

export const ADVISER_VIEW_FILTER_LABEL: Record<AdviserViewFilter, string> = {
  LIKELY_SUFFICIENT: "Likely sufficient",
  AT_RISK: "At risk",
  UNLIKELY: "Unlikely",
  NONE: "No view yet",
};

export function matchesAdviserViewFilter(row: Pick<NationalRow, "adviserView">, filter: AdviserViewFilter): boolean {
  return filter === "NONE" ? row.adviserView === null : row.adviserView?.view === filter;
}

/** Advisers of the areas in `rows`, each once, by name: the choices of the adviser filter. */
export function advisersOf(rows: ReadonlyArray<Pick<NationalRow, "advisers">>): Adviser[] {
  const byId = new Map<string, Adviser>();
  for (const r of rows) for (const a of r.advisers) byId.set(a.id, a);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || (a.id < b.id ? -1 : 1));
}

/** The filters of a view in words ("North West", "advised by Martin Cole"), for the page's count and the export. */
export function filterWords(
  view: { region?: Region; planType?: PlanType; followUp?: FollowUpFilter; adviser?: string; adviserView?: AdviserViewFilter },
  advisers: readonly Adviser[],
): string[] {
  const adviser = view.adviser ? (advisers.find((a) => a.id === view.adviser)?.name ?? "an adviser of none of these areas") : null;
  return [
    view.region ? REGION[view.region] : null,
    view.planType ? PLAN_TYPE[view.planType] : null,
    view.followUp ? FOLLOW_UP_FILTER_LABEL[view.followUp] : null,
    adviser ? `advised by ${adviser}` : null,
    view.adviserView ? `adviser's view: ${ADVISER_VIEW_FILTER_LABEL[view.adviserView].toLowerCase()}` : null,
  ].filter((w): w is string => w !== null);
}

/**
 * The day a month before `today`: the same day of the previous month, or that month's last day
 * when it is shorter (31 March to 28 or 29 February). UTC midnight, as every day in Headway.
 */
export function monthBefore(today: Date): Date {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() - 1;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(today.getUTCDate(), lastDay)));
}

const shortDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** "8 Nov": the day a change is counted from, short enough for a table cell. */
export const shortDate = (d: Date) => shortDay.format(d);

/**
 * A count's change since a month ago, as the view and its export say it: the arrow and number
 * to see ("▲2 since 8 Nov"), the words to hear ("2 more since 8 Nov"), and the signed difference;
 * null when there is no figure for then.
 */
export function changeSince(now: number, then: number | null, since: Date): { delta: number; shown: string; spoken: string } | null {
  if (then === null) return null;
  const delta = now - then;
  const day = shortDate(since);
  if (delta === 0) return { delta, shown: `no change since ${day}`, spoken: `no change since ${day}` };
  const n = Math.abs(delta);
  return delta > 0
    ? { delta, shown: `▲${n} since ${day}`, spoken: `${n} more since ${day}` }
    : { delta, shown: `▼${n} since ${day}`, spoken: `${n} fewer since ${day}` };
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

/** Worst first when sorted descending: the order a person scanning for trouble reads them in. */
const DELIVERY_SEVERITY: Record<FindingDelivery, number | null> = { RED: 4, AMBER: 3, GREEN: 2, COMPLETE: 1, NO_ACTIONS: null };
const IMPACT_SEVERITY: Record<FindingImpact, number | null> = { OFF_TRACK: 4, AMBER: 3, NO_DATA: 2, ON_TRACK: 1, NO_MEASURES: null };
const VIEW_SEVERITY: Record<AdviserView, number> = { UNLIKELY: 3, AT_RISK: 2, LIKELY_SUFFICIENT: 1 };

const VALUE: Record<NationalSortKey, (row: NationalRow) => SortValue> = {
  area: (r) => r.name,
  planType: (r) => (r.plan ? PLAN_TYPE[r.plan.type] : null),
  findings: (r) => r.plan?.findings ?? null,
  delivery: (r) => (r.plan ? DELIVERY_SEVERITY[r.plan.delivery] : null),
  impact: (r) => (r.plan ? IMPACT_SEVERITY[r.plan.impact] : null),
  adviserView: (r) => (r.adviserView ? VIEW_SEVERITY[r.adviserView.view] : null),
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
