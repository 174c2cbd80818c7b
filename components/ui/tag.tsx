/**
 * Status tags in the GOV.UK palette. Colour is never the only signal: the word is always shown.
 */
import { ACTION_STATUS, DELIVERY_RAG } from "@/server/domain/labels";
import type { DeliveryRag } from "@/server/domain/delivery-rag";
import type { ActionStatus } from "@/server/generated/prisma/enums";

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
