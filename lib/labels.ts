/**
 * The words the UI shows for each code. One list, used by pages, emails, exports and imports
 * (which accept these words as well as the codes).
 *
 * The codes the rules work out rather than the database stores (a delivery RAG, a measure's
 * status, a finding's delivery and impact, the fields under change control) are the keys of their
 * lists here: server/domain takes its types from these keys, or checks its own list against them,
 * so a code cannot exist without its words. This file imports nothing of the rules.
 */
import type {
  ActionStatus,
  AdviserView,
  AreaRole,
  ChangeRequestStatus,
  CommentVisibility,
  Cornerstone,
  CoproductionLevel,
  CoproductionParticipant,
  CoproductionStage,
  EvidenceKind,
  FindingKind,
  InspectionFramework,
  InspectionKind,
  Judgement,
  MeasureDirection,
  MeasureUnit,
  MeasureValueStatus,
  OrganisationKind,
  PlanStatus,
  PlanType,
  Region,
  ReviewStatus,
  VerdictKind,
  Visibility,
} from "@/server/generated/prisma/enums";

export const PLAN_TYPE: Record<PlanType, string> = {
  WSOA: "Written statement of action",
  APP: "Accelerated progress plan",
  PRIORITY_ACTION_PLAN: "Priority action plan",
  IMPROVEMENT_PLAN: "Improvement plan",
};

export const PLAN_STATUS: Record<PlanStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  ACCEPTED: "Accepted",
  ACTIVE: "Active",
  REVISITED: "Revisited",
  MONITORED: "Monitored",
  CLOSED: "Closed",
  SUPERSEDED: "Superseded",
};

export const FINDING_KIND: Record<FindingKind, string> = {
  SIGNIFICANT_WEAKNESS: "Area of significant weakness",
  PRIORITY_ACTION: "Area for priority action",
  AREA_FOR_IMPROVEMENT: "Area for improvement",
};

export const ACTION_STATUS: Record<ActionStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  COMPLETE: "Complete",
  DEFERRED: "Deferred",
  CANCELLED: "Cancelled",
};

/** An action's delivery RAG (server/domain/delivery-rag.ts). */
export const DELIVERY_RAG = {
  GREEN: "Green: on track",
  AMBER: "Amber: some slippage",
  RED: "Red: off track",
  COMPLETE: "Complete",
  UNSCHEDULED: "No due date",
  CANCELLED: "Cancelled",
  DEFERRED: "Deferred",
};

export const AREA_ROLE: Record<AreaRole | "NATIONAL", string> = {
  LEAD: "Plan lead",
  CONTRIBUTOR: "Action owner",
  FORUM: "Parent carer forum",
  ADVISER: "Adviser",
  VIEWER: "Viewer",
  NATIONAL: "National team",
};

export const INSPECTION_KIND: Record<InspectionKind, string> = {
  FULL: "Full inspection",
  REVISIT: "Revisit",
  MONITORING: "Monitoring inspection",
};

/** Revisit (2016) and monitoring inspection (2023) judgements on a finding, in docs/domain.md's words. */
export const JUDGEMENT: Record<Judgement, string> = {
  SUFFICIENT: "Sufficient progress",
  NOT_SUFFICIENT: "Not sufficient progress",
  EFFECTIVE: "Effective action",
  NOT_EFFECTIVE: "Not effective action",
};

/** The same judgements as families read them on the public page: "they found …". */
export const JUDGEMENT_PLAIN: Record<Judgement, string> = {
  SUFFICIENT: "enough progress had been made",
  NOT_SUFFICIENT: "not enough progress had been made",
  EFFECTIVE: "the action taken was working",
  NOT_EFFECTIVE: "the action taken was not working well enough",
};

/** The parent carer forum's verdict. */
export const VERDICT: Record<VerdictKind, string> = {
  AGREE: "Agree",
  AGREE_WITH_COMMENTS: "Agree with comments",
  DISAGREE: "Disagree",
};

/** The four cornerstones of co-production (Contact's framework), as the forum judges them. */
export const CORNERSTONE: Record<Cornerstone, string> = {
  WELCOME_AND_CARE: "Welcome and care",
  VALUE_AND_INCLUDE: "Value and include",
  COMMUNICATE: "Communicate",
  WORK_IN_PARTNERSHIP: "Work in partnership",
};

/** An adviser's view on the likely judgement at the revisit. */
export const ADVISER_VIEW: Record<AdviserView, string> = {
  LIKELY_SUFFICIENT: "Likely sufficient",
  AT_RISK: "At risk",
  UNLIKELY: "Unlikely",
};

export const REGION: Record<Region, string> = {
  NORTH_EAST: "North East",
  NORTH_WEST: "North West",
  YORKSHIRE_AND_THE_HUMBER: "Yorkshire and the Humber",
  EAST_MIDLANDS: "East Midlands",
  WEST_MIDLANDS: "West Midlands",
  EAST_OF_ENGLAND: "East of England",
  LONDON: "London",
  SOUTH_EAST: "South East",
  SOUTH_WEST: "South West",
};

export const COPRODUCTION_LEVEL: Record<CoproductionLevel, string> = {
  INFORMING: "Informing",
  CONSULTING: "Consulting",
  ENGAGING: "Engaging",
  CO_DESIGNING: "Co-designing",
  CO_PRODUCING: "Co-producing",
};

/** When families were involved in an action: the stage of the work. */
export const COPRODUCTION_STAGE: Record<CoproductionStage, string> = {
  DEFINE: "Defining the problem",
  DESIGN: "Designing the response",
  DELIVER: "Delivering it",
  REVIEW: "Reviewing it",
};

/** Who was involved in a piece of co-production. */
export const COPRODUCTION_PARTICIPANT: Record<CoproductionParticipant, string> = {
  PARENT_CARER_FORUM: "Parent carer forum",
  YOUNG_PEOPLES_GROUP: "Young people's group",
  SENDIASS: "SENDIASS",
  SCHOOLS: "Schools",
  OTHER: "Others",
};

/** A measure against its trajectory (server/domain/measure-status.ts). */
export const MEASURE_STATUS = {
  ON_TRACK: "On track",
  AMBER: "Slightly behind",
  OFF_TRACK: "Off track",
  NO_DATA: "No recent data",
  NO_TRAJECTORY: "No trajectory set",
};

/** A measure's latest value against the one before, in its direction (server/domain/measure-trend.ts). */
export const MEASURE_TREND = {
  IMPROVING: "Improving",
  WORSENING: "Worsening",
  NO_CHANGE: "No change",
  NOT_ENOUGH_VALUES: "Not enough values",
};

/** A finding's delivery and impact (server/domain/finding-summary.ts). */
export const FINDING_DELIVERY = {
  COMPLETE: "Complete",
  GREEN: "Green: on track",
  AMBER: "Amber: some slippage",
  RED: "Red: off track",
  NO_ACTIONS: "No live actions",
};

export const FINDING_IMPACT = {
  ON_TRACK: "On track",
  AMBER: "Slightly behind",
  OFF_TRACK: "Off track",
  NO_DATA: "No recent data",
  NO_MEASURES: "No measures",
};

export const MEASURE_UNIT: Record<MeasureUnit, string> = {
  PERCENT: "Percentage",
  COUNT: "Count",
  DAYS: "Days",
  WEEKS: "Weeks",
  RATE: "Rate",
};

export const MEASURE_DIRECTION: Record<MeasureDirection, string> = {
  HIGHER_IS_BETTER: "Higher is better",
  LOWER_IS_BETTER: "Lower is better",
};

export const MEASURE_VALUE_STATUS: Record<MeasureValueStatus, string> = {
  PROVISIONAL: "Provisional",
  VALIDATED: "Validated",
};

export const EVIDENCE_KIND: Record<EvidenceKind, string> = {
  ACTIVITY: "Activity",
  IMPACT: "Impact",
};

export const VISIBILITY: Record<Visibility, string> = {
  INTERNAL: "Internal",
  PARTNERS: "Partners and forum",
  PUBLIC: "Public",
};

export const REVIEW_STATUS: Record<ReviewStatus, string> = {
  PENDING: "Awaiting review",
  ACCEPTED: "Accepted",
  REJECTED: "Rejected",
};

export const ORGANISATION_KIND: Record<OrganisationKind, string> = {
  COUNCIL: "Council",
  ICB: "Integrated care board",
  NHS_TRUST: "NHS trust",
  SCHOOL: "School",
  PARENT_CARER_FORUM: "Parent carer forum",
  DFE: "Department for Education",
  NHSE: "NHS England",
  OTHER: "Other",
};

export const INSPECTION_FRAMEWORK: Record<InspectionFramework, string> = {
  FRAMEWORK_2016: "2016 framework (revisit)",
  FRAMEWORK_2023: "2023 framework (monitoring inspection)",
};

/** A code-to-word map as the options of a drop-down. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

/** A change request's decision. */
export const CHANGE_REQUEST_STATUS: Record<ChangeRequestStatus, string> = {
  PENDING: "Awaiting the adviser's decision",
  APPROVED: "Approved",
  REJECTED: "Rejected",
};

/** The fields under change control once a plan is accepted (server/domain/change-control.ts). */
export const CONTROLLED_FIELD = {
  "action.title": "Title",
  "action.description": "Description",
  "action.dueDate": "Due date",
  "measure.targetValue": "Target value",
  "measure.targetDate": "Target date",
  "measure.milestones": "Milestones",
};

/** Who can read a comment. */
export const COMMENT_VISIBILITY: Record<CommentVisibility, string> = {
  INTERNAL: "Council and partners only",
  WITH_FORUM: "Shared with the forum",
};
