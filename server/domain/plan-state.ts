/**
 * A plan's state at one moment, as plain JSON: what a snapshot freezes, what "changes since"
 * compares (plan-changes.ts) and what a board pack prints. The shape only: the service
 * server/services/plans/plan-state.ts builds it from the database.
 */
import type {
  ActionStatus,
  AdviserView,
  CoproductionLevel,
  Cornerstone,
  EvidenceKind,
  FindingKind,
  InspectionKind,
  PlanStatus,
  PlanType,
  ReviewStatus,
  VerdictKind,
  Visibility,
} from "@/server/generated/prisma/enums";
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";
import type { DeliveryRag } from "@/server/domain/delivery-rag";
import type { FindingDelivery, FindingImpact } from "@/server/domain/finding-summary";
import type { MeasureStatus } from "@/server/domain/measure-status";
import type { FindingJudgement, PlanJourney } from "@/server/domain/plan-journey";

/**
 * Bump when the shape changes; readers refuse states they do not understand. A field added as
 * optional (snapshots taken before it lack it) keeps the number: readers treat it as absent.
 */
export const PLAN_STATE_SCHEMA = 1;

export type ActionState = {
  id: string;
  ref: string;
  title: string;
  status: ActionStatus;
  progress: number;
  startDate: string | null;
  dueDate: string | null;
  completedAt: string | null;
  rag: DeliveryRag;
  ragCalculated: DeliveryRag;
  overrideReason: string | null;
  ownerName: string | null;
  leadOrganisation: string | null;
  updateOverdue: boolean;
  /** The owner's latest commentary: what a board reads beside a red action. */
  latestUpdate: { at: string; narrative: string; authorName: string | null } | null;
};

export type MeasureState = {
  id: string;
  ref: string;
  name: string;
  status: MeasureStatus;
  explanation: string;
  chart: MeasureChartData;
};

export type FindingState = {
  id: string;
  ref: string;
  kind: FindingKind;
  summary: string;
  inspectorsWording: string;
  delivery: { status: FindingDelivery; explanation: string };
  impact: { status: FindingImpact; explanation: string; acceptedImpactEvidence: number };
  forum: { verdict: VerdictKind; levelRecognised: CoproductionLevel | null; at: string } | null;
  disagreements: number;
  adviserView: { view: AdviserView; date: string } | null;
  /** The follow-up inspection's judgement on the finding; absent in snapshots taken before it was kept. */
  judgement?: FindingJudgement | null;
  actions: ActionState[];
  measures: MeasureState[];
};

export type EvidenceState = {
  id: string;
  title: string;
  kind: EvidenceKind;
  visibility: Visibility;
  reviewStatus: ReviewStatus;
  createdAt: string;
  /** What it hangs on, as a reader would name it: "Action 1.2", "Finding 3", "Measure M1". */
  on: string;
};

export type VerdictState = {
  id: string;
  on: string;
  findingRef: string | null;
  verdict: VerdictKind;
  levelRecognised: CoproductionLevel | null;
  cornerstonesMet: Cornerstone[];
  text: string;
  isPublic: boolean;
  createdAt: string;
  /** Not superseded by a later verdict on the same item. */
  current: boolean;
  authorName: string | null;
};

export type AdviserNoteState = {
  id: string;
  findingRef: string | null;
  view: AdviserView | null;
  date: string;
  note: string;
  authorName: string | null;
  createdAt: string;
};

export type PlanState = {
  schema: typeof PLAN_STATE_SCHEMA;
  asAt: string;
  area: { id: string; name: string; slug: string };
  plan: { id: string; type: PlanType; title: string; status: PlanStatus; cadenceDays: number };
  /** `happened` and `overdue` are absent in snapshots taken before they were kept: read the days then. */
  followUp: {
    kind: InspectionKind;
    date: string | null;
    isEstimate: boolean;
    daysToGo: number | null;
    happened?: boolean;
    overdue?: boolean;
  } | null;
  /** Where the plan was in its journey, and the follow-up's outcome; absent in snapshots taken before it was kept. */
  journey?: PlanJourney;
  findings: FindingState[];
  evidence: EvidenceState[];
  verdicts: VerdictState[];
  adviserNotes: AdviserNoteState[];
};
