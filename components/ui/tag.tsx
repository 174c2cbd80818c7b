/**
 * Status tags in the GOV.UK palette. Colour is never the only signal: the word is always shown.
 */
import type { DeliveryRag } from "@/server/domain/delivery-rag";
import type { FindingDelivery, FindingImpact } from "@/server/domain/finding-summary";
import {
  ACTION_STATUS,
  ADVISER_VIEW,
  DELIVERY_RAG,
  FINDING_DELIVERY,
  FINDING_IMPACT,
  MEASURE_STATUS,
  MEASURE_VALUE_STATUS,
  REVIEW_STATUS,
  VERDICT,
} from "@/lib/labels";
import type { MeasureStatus } from "@/server/domain/measure-status";
import type { ActionStatus, AdviserView, MeasureValueStatus, ReviewStatus, VerdictKind } from "@/server/generated/prisma/enums";

export type TagColour = "green" | "orange" | "red" | "blue" | "grey" | "yellow" | "purple";

const COLOURS: Record<TagColour, string> = {
  green: "bg-[#cce2d8] text-[#005a30]",
  orange: "bg-[#fcd6c3] text-[#6e3619]",
  red: "bg-[#f4cdc6] text-[#2a0b06]",
  blue: "bg-[#bbd4ea] text-[#0c2d4a]",
  grey: "bg-[#e5e6e7] text-[#0b0c0c]",
  yellow: "bg-[#fff7bf] text-[#594d00]",
  purple: "bg-[#dbd5e9] text-[#3d2375]",
};

export function Tag({ colour, children }: { colour: TagColour; children: React.ReactNode }) {
  return <strong className={`tag ${COLOURS[colour]}`}>{children}</strong>;
}

const RAG_COLOUR: Record<DeliveryRag, TagColour> = {
  GREEN: "green",
  AMBER: "orange",
  RED: "red",
  COMPLETE: "blue",
  UNSCHEDULED: "grey",
  CANCELLED: "grey",
  DEFERRED: "grey",
};

export function RagTag({ rag, overridden = false }: { rag: DeliveryRag; overridden?: boolean }) {
  return (
    <Tag colour={RAG_COLOUR[rag]}>
      {DELIVERY_RAG[rag]}
      {overridden ? " (set by hand)" : ""}
    </Tag>
  );
}

const STATUS_COLOUR: Record<ActionStatus, TagColour> = {
  NOT_STARTED: "grey",
  IN_PROGRESS: "purple",
  COMPLETE: "blue",
  DEFERRED: "yellow",
  CANCELLED: "grey",
};

export function ActionStatusTag({ status }: { status: ActionStatus }) {
  return <Tag colour={STATUS_COLOUR[status]}>{ACTION_STATUS[status]}</Tag>;
}

const MEASURE_COLOUR: Record<MeasureStatus, TagColour> = {
  ON_TRACK: "green",
  AMBER: "orange",
  OFF_TRACK: "red",
  NO_DATA: "grey",
  NO_TRAJECTORY: "grey",
};

export function MeasureStatusTag({ status }: { status: MeasureStatus }) {
  return <Tag colour={MEASURE_COLOUR[status]}>{MEASURE_STATUS[status]}</Tag>;
}

const DELIVERY_COLOUR: Record<FindingDelivery, TagColour> = { ...RAG_COLOUR, NO_ACTIONS: "grey" } as Record<FindingDelivery, TagColour>;

/** A finding's delivery axis: from its actions. */
export function FindingDeliveryTag({ status }: { status: FindingDelivery }) {
  return <Tag colour={DELIVERY_COLOUR[status]}>{FINDING_DELIVERY[status]}</Tag>;
}

const IMPACT_COLOUR: Record<FindingImpact, TagColour> = { ...MEASURE_COLOUR, NO_MEASURES: "grey" } as Record<FindingImpact, TagColour>;

/** A finding's impact axis: from its measures. */
export function FindingImpactTag({ status }: { status: FindingImpact }) {
  return <Tag colour={IMPACT_COLOUR[status]}>{FINDING_IMPACT[status]}</Tag>;
}

export function ValueStatusTag({ status }: { status: MeasureValueStatus }) {
  return <Tag colour={status === "VALIDATED" ? "blue" : "yellow"}>{MEASURE_VALUE_STATUS[status]}</Tag>;
}

const REVIEW_COLOUR: Record<ReviewStatus, TagColour> = { PENDING: "yellow", ACCEPTED: "green", REJECTED: "red" };

export function ReviewStatusTag({ status }: { status: ReviewStatus }) {
  return <Tag colour={REVIEW_COLOUR[status]}>{REVIEW_STATUS[status]}</Tag>;
}

const VERDICT_COLOUR: Record<VerdictKind, TagColour> = { AGREE: "green", AGREE_WITH_COMMENTS: "yellow", DISAGREE: "red" };

/** The parent carer forum's verdict. */
export function VerdictTag({ verdict }: { verdict: VerdictKind }) {
  return <Tag colour={VERDICT_COLOUR[verdict]}>Forum: {VERDICT[verdict]}</Tag>;
}

const ADVISER_VIEW_COLOUR: Record<AdviserView, TagColour> = { LIKELY_SUFFICIENT: "green", AT_RISK: "orange", UNLIKELY: "red" };

/** An adviser's view on the likely judgement. `bare`: without "Adviser:", where a heading already says whose view it is. */
export function AdviserViewTag({ view, bare = false }: { view: AdviserView; bare?: boolean }) {
  return (
    <Tag colour={ADVISER_VIEW_COLOUR[view]}>
      {bare ? "" : "Adviser: "}
      {ADVISER_VIEW[view]}
    </Tag>
  );
}
