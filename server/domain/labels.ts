/**
 * The words the UI shows for each code. One list, used by pages, emails, exports and imports
 * (which accept these words as well as the codes).
 */
import type {
  ActionStatus,
  AreaRole,
  CoproductionLevel,
  FindingKind,
  InspectionKind,
  PlanStatus,
  PlanType,
  Region,
} from "@/server/generated/prisma/enums";
import type { DeliveryRag } from "@/server/domain/delivery-rag";

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
  CLOSED: "Closed",
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

export const DELIVERY_RAG: Record<DeliveryRag, string> = {
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
