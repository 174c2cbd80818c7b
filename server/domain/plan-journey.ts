/**
 * Where a plan is in its journey (docs/domain.md, the cycle): written, submitted, accepted, in
 * delivery, judged at its follow-up inspection, then ended, either closed or superseded by the plan
 * that carries it forward. Pure: no database.
 */
import { dayNumber, fromDay } from "@/lib/calendar";
import { formatDate, formatDateRange } from "@/lib/format/dates";
import { INSPECTION_KIND, PLAN_TYPE } from "@/lib/labels";
import { followUpHasHappened, followUpKind } from "@/server/domain/inspections";
import type { InspectionFramework, InspectionKind, Judgement, PlanStatus, PlanType } from "@/server/generated/prisma/enums";

/** A plan in one of these has ended: it is read-only history, and not the area's current plan. */
export const ENDED_PLAN_STATUSES = ["CLOSED", "SUPERSEDED"] as const satisfies readonly PlanStatus[];

export function isEnded(status: PlanStatus): boolean {
  return (ENDED_PLAN_STATUSES as readonly PlanStatus[]).includes(status);
}

/** What a plan's row says of how it ended (read with PLAN_ENDING, server/services/core/ended-plan.ts). */
export type PlanEndingFacts = {
  id: string;
  status: PlanStatus;
  type: PlanType;
  title: string;
  updatedAt: Date;
  /** The plans that followed it, earliest first. */
  successors: ReadonlyArray<{ id: string; type: PlanType; title: string; createdAt: Date }>;
};

/** How an ended plan ended: what the pages' banner shows and a refused change says. */
export type PlanEnding = {
  id: string;
  status: (typeof ENDED_PLAN_STATUSES)[number];
  type: PlanType;
  title: string;
  /**
   * When: for a superseded plan, the day its successor was started (which superseded it in the
   * same transaction); for a closed one, its last change, which nothing follows once it is closed.
   */
  on: Date;
  /** The plan that took over from it, when one did. */
  successor: { id: string; type: PlanType; title: string } | null;
};

/** How the plan ended, or null while it is open (its records may still change). */
export function planEnding(plan: PlanEndingFacts): PlanEnding | null {
  if (plan.status !== "CLOSED" && plan.status !== "SUPERSEDED") return null;
  const next = plan.successors[0] ?? null;
  return {
    id: plan.id,
    status: plan.status,
    type: plan.type,
    title: plan.title,
    on: plan.status === "SUPERSEDED" && next ? next.createdAt : plan.updatedAt,
    successor: next && { id: next.id, type: next.type, title: next.title },
  };
}

/** "written statement of action": a plan's type inside a sentence. */
export const planTypeWords = (type: PlanType) => PLAN_TYPE[type].toLowerCase();

/**
 * Why a change to a record of an ended plan is refused: its records are history, kept as they were
 * left, and the work goes on in the current plan.
 */
export function endedPlanRefusal(ending: PlanEnding): string {
  const how = ending.status === "SUPERSEDED" && ending.successor ? `was superseded by ${ending.successor.title}` : ending.status === "SUPERSEDED" ? "was superseded" : "was closed";
  return `This ${planTypeWords(ending.type)} ${how} on ${formatDate(ending.on)}: its records are kept as they were. Make changes in the current plan.`;
}

/** The status a plan reaches once its follow-up inspection has judged it: revisited (2016) or monitored (2023). */
export function followedUpStatus(framework: InspectionFramework): PlanStatus {
  return framework === "FRAMEWORK_2016" ? "REVISITED" : "MONITORED";
}

/**
 * The status a plan moves to when judgements are recorded on its findings: once every finding has
 * one, the follow-up has happened. An ended plan keeps its status, and one already followed up
 * stays so.
 */
export function statusAfterJudgements(
  status: PlanStatus,
  framework: InspectionFramework,
  findings: readonly { judgement: unknown }[],
): PlanStatus {
  if (isEnded(status) || status === "REVISITED" || status === "MONITORED") return status;
  if (findings.length === 0 || findings.some((f) => f.judgement == null)) return status;
  return followedUpStatus(framework);
}

/** The framework a plan answers to when its source inspection does not say: its follow-up's kind, else its type. */
export function planFramework(plan: {
  framework: InspectionFramework | null | undefined;
  followUpKind?: InspectionKind | null;
  type: PlanType;
}): InspectionFramework {
  if (plan.framework) return plan.framework;
  if (plan.followUpKind === "REVISIT") return "FRAMEWORK_2016";
  if (plan.followUpKind === "MONITORING") return "FRAMEWORK_2023";
  return plan.type === "WSOA" || plan.type === "APP" ? "FRAMEWORK_2016" : "FRAMEWORK_2023";
}

/** The stages of a plan's journey, in order; a plan ends either closed or superseded. */
export const PLAN_STAGES = ["DRAFT", "SUBMITTED", "ACCEPTED", "IN_DELIVERY", "FOLLOWED_UP", "CLOSED", "SUPERSEDED"] as const;
export type PlanStage = (typeof PLAN_STAGES)[number];

const STAGE_OF_STATUS: Record<PlanStatus, PlanStage> = {
  DRAFT: "DRAFT",
  SUBMITTED: "SUBMITTED",
  ACCEPTED: "ACCEPTED",
  ACTIVE: "IN_DELIVERY",
  REVISITED: "FOLLOWED_UP",
  MONITORED: "FOLLOWED_UP",
  CLOSED: "CLOSED",
  SUPERSEDED: "SUPERSEDED",
};

/** A stage in the plan's words; the follow-up is "Revisited" or "Monitored" by the kind of inspection. */
export function stageLabel(stage: PlanStage, kind: FollowUpKind): string {
  switch (stage) {
    case "DRAFT":
      return "Draft";
    case "SUBMITTED":
      return "Submitted";
    case "ACCEPTED":
      return "Accepted";
    case "IN_DELIVERY":
      return "In delivery";
    case "FOLLOWED_UP":
      return kind === "REVISIT" ? "Revisited" : "Monitored";
    case "CLOSED":
      return "Closed";
    case "SUPERSEDED":
      return "Superseded";
  }
}

export type FollowUpKind = "REVISIT" | "MONITORING";

/** An inspection as the journey reads it. */
export type JourneyInspection = { id?: string; kind: InspectionKind; startDate: Date | null; endDate: Date | null; reportUrl: string | null };

export type JourneyInput = {
  status: PlanStatus;
  type: PlanType;
  /** The framework of the inspection the plan answers, when known. */
  framework?: InspectionFramework | null;
  /** The revisit or monitoring inspection the plan works towards. */
  followUp: (JourneyInspection & { expectedDate: Date | null; dateIsEstimate: boolean }) | null;
  findings: ReadonlyArray<{
    judgement: Judgement | null;
    judgementDate: Date | null;
    judgementSource: string | null;
    judgementInspection: JourneyInspection | null;
  }>;
  now: Date;
};

export type JourneyStep = {
  stage: PlanStage;
  label: string;
  /** "skipped": a plan that ended without its follow-up having happened. */
  state: "done" | "current" | "to come" | "skipped";
};

/** What the follow-up inspection judged, once it has judged at least one finding. */
export type FollowUpOutcome = {
  kind: FollowUpKind;
  /** "yyyy-mm-dd": the judging inspection's dates, or (none linked, or it has none) the first and last judgement dates. */
  startDate: string | null;
  endDate: string | null;
  datesFrom: "inspection" | "judgements";
  findings: number;
  judged: number;
  /** Sufficient progress, or effective action. */
  positive: number;
  /** Every finding judged. */
  complete: boolean;
  /** The published letter. */
  letterUrl: string | null;
  /** In the inspectors' words: "Revisit 4 to 6 October 2022: sufficient progress in 4 of 5 areas". */
  sentence: string;
  /** For families: "The inspectors came back from 4 to 6 October 2022. They found enough progress in 4 of the 5 areas." */
  plain: string;
  /** For a table cell: "4 of 5 sufficient". */
  short: string;
};

export type PlanJourney = {
  stage: PlanStage;
  stageLabel: string;
  steps: JourneyStep[];
  followUpKind: FollowUpKind;
  /** A finding has been judged, or the follow-up's start date is today or earlier: it is never overdue then. */
  hasHappened: boolean;
  /** What to say in place of a countdown once it has happened: the outcome, or that judgements are awaited. */
  headline: string | null;
  outcome: FollowUpOutcome | null;
};

/**
 * What the plan's own record says of its follow-up: a finding judged, or the plan marked revisited
 * or monitored. With the follow-up's start date (followUpHasHappened), whether it has happened.
 */
export function isFollowedUp(plan: { status: PlanStatus; findings: ReadonlyArray<{ judgement: unknown }> }): boolean {
  return plan.status === "REVISITED" || plan.status === "MONITORED" || plan.findings.some((f) => f.judgement != null);
}

const isFollowUp = (kind: InspectionKind | null | undefined): kind is FollowUpKind => kind === "REVISIT" || kind === "MONITORING";
const isPositive = (j: Judgement) => j === "SUFFICIENT" || j === "EFFECTIVE";

/** "Not yet revisited", "Not yet monitored": a follow-up that has judged nothing yet. */
export const notYetFollowedUp = (kind: FollowUpKind) => (kind === "REVISIT" ? "Not yet revisited" : "Not yet monitored");

function kindOf(input: JourneyInput, judging: JourneyInspection | null): FollowUpKind {
  if (isFollowUp(judging?.kind)) return judging.kind;
  if (isFollowUp(input.followUp?.kind)) return input.followUp.kind;
  if (input.framework) return followUpKind(input.framework) as FollowUpKind;
  const judged = input.findings.find((f) => f.judgement)?.judgement;
  if (judged) return judged === "SUFFICIENT" || judged === "NOT_SUFFICIENT" ? "REVISIT" : "MONITORING";
  return followUpKind(planFramework({ framework: null, type: input.type })) as FollowUpKind;
}

const inspectionKey = (i: JourneyInspection) => i.id ?? `${i.kind}|${i.startDate?.getTime() ?? ""}|${i.endDate?.getTime() ?? ""}`;

/**
 * The inspection that judged the findings: the one most judged findings point at, the latest of
 * those that tie. Null when no judged finding points at one.
 */
function judgingInspection(findings: JourneyInput["findings"]): JourneyInspection | null {
  const groups = new Map<string, { inspection: JourneyInspection; count: number }>();
  for (const f of findings) {
    const i = f.judgement ? f.judgementInspection : null;
    if (!i) continue;
    const group = groups.get(inspectionKey(i)) ?? { inspection: i, count: 0 };
    group.count += 1;
    groups.set(inspectionKey(i), group);
  }
  let best: { inspection: JourneyInspection; count: number } | null = null;
  for (const g of groups.values()) {
    const later = (g.inspection.startDate?.getTime() ?? 0) > (best?.inspection.startDate?.getTime() ?? 0);
    if (!best || g.count > best.count || (g.count === best.count && later)) best = g;
  }
  return best?.inspection ?? null;
}

const areas = (n: number) => (n === 1 ? "area" : "areas");

function outcomeOf(input: JourneyInput, kind: FollowUpKind, judging: JourneyInspection | null): FollowUpOutcome | null {
  const judged = input.findings.filter((f) => f.judgement !== null);
  if (judged.length === 0) return null;
  const positive = judged.filter((f) => isPositive(f.judgement!)).length;
  const findings = input.findings.length;
  const complete = judged.length === findings;

  let start: Date | null;
  let end: Date | null;
  const inspectionDated = judging !== null && (judging.startDate !== null || judging.endDate !== null);
  if (inspectionDated) {
    [start, end] = [judging.startDate, judging.endDate];
  } else {
    const days = judged.map((f) => f.judgementDate).filter((d): d is Date => d !== null).sort((a, b) => dayNumber(a) - dayNumber(b));
    [start, end] = [days[0] ?? null, days.at(-1) ?? null];
  }
  const when = formatDateRange(start, end);
  const span = start && end && dayNumber(start) !== dayNumber(end);

  const judgedBy = judging ? judged.filter((f) => f.judgementInspection && inspectionKey(f.judgementInspection) === inspectionKey(judging)) : judged;
  const letterUrl = judging?.reportUrl ?? judgedBy.find((f) => f.judgementSource)?.judgementSource ?? judged.find((f) => f.judgementSource)?.judgementSource ?? null;

  const revisit = kind === "REVISIT";
  const result = revisit ? "sufficient progress" : "action effective";
  const notYet = findings - judged.length;
  const sentence =
    `${INSPECTION_KIND[kind]}${when ? ` ${when}` : ""}: ${result} in ${positive} of ${judged.length} ${areas(judged.length)}` +
    (complete ? "" : ` judged so far; ${notYet} ${notYet === 1 ? "finding" : "findings"} not yet judged`);
  const cameBack = `The inspectors came back${when ? ` ${span ? "from" : "on"} ${when}` : ""}.`;
  const found = revisit ? "enough progress" : "that the action taken was working";
  const notFound = revisit ? "not enough progress" : "that the action taken was not working well enough";
  const plain = complete
    ? judged.length === 1
      ? `${cameBack} They looked at one area and found ${positive ? found : notFound}.`
      : `${cameBack} They found ${found} in ${positive} of the ${judged.length} ${areas(judged.length)} they looked at.`
    : `${cameBack} So far they have judged ${judged.length} of the ${findings} ${areas(findings)}, and found ${found} in ${positive}.`;
  const short = `${positive} of ${judged.length} ${revisit ? "sufficient" : "effective"}${complete ? "" : " so far"}`;

  return {
    kind,
    startDate: fromDay(start) || null,
    endDate: fromDay(end) || null,
    datesFrom: inspectionDated ? "inspection" : "judgements",
    findings,
    judged: judged.length,
    positive,
    complete,
    letterUrl,
    sentence,
    plain,
    short,
  };
}

/**
 * Where a plan is in its journey: its stage (from its status, and followed up as soon as the
 * follow-up has happened, whatever the status says yet), the steps to show, whether the follow-up
 * has happened, and once it has judged a finding, the outcome in the inspectors' words.
 */
export function planJourney(input: JourneyInput): PlanJourney {
  const judging = judgingInspection(input.findings);
  const kind = kindOf(input, judging);
  const hasHappened = followUpHasHappened(input.followUp, isFollowedUp(input), input.now);
  const fromStatus = STAGE_OF_STATUS[input.status];
  const stage: PlanStage = !isEnded(input.status) && hasHappened ? "FOLLOWED_UP" : fromStatus;

  const path: PlanStage[] = ["DRAFT", "SUBMITTED", "ACCEPTED", "IN_DELIVERY", "FOLLOWED_UP"];
  if (stage === "CLOSED" || stage === "SUPERSEDED") path.push(stage);
  const at = path.indexOf(stage);
  const steps = path.map((s, i): JourneyStep => {
    const state = i < at ? (s === "FOLLOWED_UP" && !hasHappened ? "skipped" : "done") : i === at ? "current" : "to come";
    return { stage: s, label: stageLabel(s, kind), state };
  });

  const outcome = outcomeOf(input, kind, judging);
  const followUpWhen = input.followUp && formatDateRange(input.followUp.startDate, input.followUp.endDate);
  const headline = outcome
    ? outcome.sentence
    : hasHappened
      ? `${INSPECTION_KIND[kind]}${followUpWhen ? ` ${followUpWhen}` : ""}: judgements not yet recorded`
      : null;
  return { stage, stageLabel: stageLabel(stage, kind), steps, followUpKind: kind, hasHappened, headline, outcome };
}

/** Spread into a finding's `select`: what the journey and a finding's judgement read. */
export const JUDGEMENT_FIELDS = {
  judgement: true,
  judgementDate: true,
  judgementSource: true,
  judgementImported: true,
  judgementInspection: { select: { id: true, kind: true, startDate: true, endDate: true, reportUrl: true } },
} as const;

/** Spread into a plan's `select` (beside its type, status, FOLLOW_UP_FIELDS and findings with JUDGEMENT_FIELDS): the framework it answers. */
export const JOURNEY_PLAN_FIELDS = { sourceInspection: { select: { framework: true } } } as const;

type JudgementRow = {
  judgement: Judgement | null;
  judgementDate: Date | null;
  judgementSource: string | null;
  judgementImported: boolean;
  judgementInspection: JourneyInspection | null;
};

/** A plan read with JOURNEY_PLAN_FIELDS, FOLLOW_UP_FIELDS and its findings' JUDGEMENT_FIELDS, to its journey. */
export function journeyOf(
  plan: {
    status: PlanStatus;
    type: PlanType;
    sourceInspection: { framework: InspectionFramework } | null;
    followUpInspection: (Omit<JourneyInspection, "id"> & { expectedDate: Date | null; dateIsEstimate: boolean }) | null;
    findings: ReadonlyArray<Omit<JudgementRow, "judgementImported">>;
  },
  now: Date,
): PlanJourney {
  return planJourney({
    status: plan.status,
    type: plan.type,
    framework: plan.sourceInspection?.framework ?? null,
    followUp: plan.followUpInspection,
    findings: plan.findings,
    now,
  });
}

/** One finding's judgement as the pages show it: the word, its date, the letter, and the inspection that made it. */
export type FindingJudgement = {
  judgement: Judgement;
  /** "yyyy-mm-dd" */
  date: string | null;
  letterUrl: string | null;
  /** Read from the published letter by an import, not entered by the adviser. */
  imported: boolean;
  inspection: { kind: InspectionKind; startDate: string | null; endDate: string | null } | null;
};

export function findingJudgement(f: JudgementRow): FindingJudgement | null {
  if (!f.judgement) return null;
  const i = f.judgementInspection;
  return {
    judgement: f.judgement,
    date: fromDay(f.judgementDate) || null,
    letterUrl: f.judgementSource ?? i?.reportUrl ?? null,
    imported: f.judgementImported,
    inspection: i && { kind: i.kind, startDate: fromDay(i.startDate) || null, endDate: fromDay(i.endDate) || null },
  };
}
