/**
 * The colours a board pack puts behind a status (RAG, a measure's status, a finding's delivery and
 * impact), from the GOV.UK palette, each with the text colour that reads on it. The colour is never
 * the only signal: the status is always written in the cell. Each pair's contrast is at least 4.5:1
 * (WCAG 2.2 AA for normal text), which board-pack.test.ts checks with contrastRatio below.
 */
import type { DeliveryRag } from "@/server/domain/delivery-rag";
import type { FindingDelivery, FindingImpact } from "@/server/domain/finding-summary";
import type { MeasureStatus } from "@/server/domain/measure-status";

export type Tone = "red" | "amber" | "green" | "blue" | "grey";

/** Fill and text colours, as #rrggbb. */
export const TONES: Record<Tone, { fill: string; text: string }> = {
  red: { fill: "#d4351c", text: "#ffffff" },
  amber: { fill: "#f47738", text: "#0b0c0c" },
  green: { fill: "#00703c", text: "#ffffff" },
  blue: { fill: "#1d70b8", text: "#ffffff" },
  grey: { fill: "#e5e6e7", text: "#0b0c0c" },
};

export const RAG_TONE: Record<DeliveryRag, Tone> = {
  RED: "red",
  AMBER: "amber",
  GREEN: "green",
  COMPLETE: "blue",
  UNSCHEDULED: "grey",
  CANCELLED: "grey",
  DEFERRED: "grey",
};

export const MEASURE_TONE: Record<MeasureStatus, Tone> = {
  OFF_TRACK: "red",
  AMBER: "amber",
  ON_TRACK: "green",
  NO_DATA: "grey",
  NO_TRAJECTORY: "grey",
};

export const DELIVERY_TONE: Record<FindingDelivery, Tone> = {
  RED: "red",
  AMBER: "amber",
  GREEN: "green",
  COMPLETE: "blue",
  NO_ACTIONS: "grey",
};

export const IMPACT_TONE: Record<FindingImpact, Tone> = { ...MEASURE_TONE, NO_MEASURES: "grey" };

/** WCAG's relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG's contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
