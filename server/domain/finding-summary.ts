/**
 * Finding readiness (docs/design.md section 3): two axes shown side by side, never merged into one
 * number.
 *
 * - Delivery, from the finding's actions (their shown RAG): cancelled and deferred actions are
 *   counted but not judged. No live action: NO_ACTIONS. Every live action complete: COMPLETE.
 *   Otherwise the worst live RAG: any RED is RED; any AMBER or without a due date is AMBER;
 *   otherwise GREEN (complete actions count as on course).
 * - Impact, from the finding's measures: any OFF_TRACK is OFF_TRACK; any AMBER is AMBER; no
 *   measure with recent data against a trajectory is NO_DATA; some without data and the rest on
 *   track is AMBER (the finding cannot show it is on track); all on track is ON_TRACK. Accepted
 *   impact evidence is counted and shown beside the status; it does not change it.
 */
import type { DeliveryRag } from "@/server/domain/delivery-rag";
import type { MeasureStatus } from "@/server/domain/measure-status";
import { pluralise } from "@/lib/format/plurals";
import type { FINDING_DELIVERY, FINDING_IMPACT } from "@/lib/labels";

/** COMPLETE, GREEN, AMBER, RED or NO_ACTIONS: the codes lib/labels.ts has words for. */
export type FindingDelivery = keyof typeof FINDING_DELIVERY;

/** ON_TRACK, AMBER, OFF_TRACK, NO_DATA or NO_MEASURES: the codes lib/labels.ts has words for. */
export type FindingImpact = keyof typeof FINDING_IMPACT;

export function findingDelivery(actions: ReadonlyArray<{ rag: DeliveryRag }>): {
  status: FindingDelivery;
  counts: Record<DeliveryRag, number>;
  live: number;
  explanation: string;
} {
  const counts: Record<DeliveryRag, number> = { COMPLETE: 0, GREEN: 0, AMBER: 0, RED: 0, UNSCHEDULED: 0, CANCELLED: 0, DEFERRED: 0 };
  for (const a of actions) counts[a.rag] += 1;
  const notJudged = counts.CANCELLED + counts.DEFERRED;
  const live = actions.length - notJudged;
  const setAsideParts = [
    counts.CANCELLED > 0 ? `${counts.CANCELLED} cancelled` : null,
    counts.DEFERRED > 0 ? `${counts.DEFERRED} deferred` : null,
  ].filter(Boolean);
  const setAside =
    notJudged === 0
      ? ""
      : ` ${setAsideParts.join(" and ")} ${notJudged === 1 ? "action is" : "actions are"} counted but not judged.`;

  if (live === 0) {
    const why =
      actions.length === 0
        ? "This finding has no actions, so there is no delivery to judge."
        : `Every one of the finding's ${pluralise(actions.length, "action")} is cancelled or deferred, so there is no live action to judge.`;
    return { status: "NO_ACTIONS", counts, live, explanation: why + setAside };
  }
  if (counts.COMPLETE === live) {
    return {
      status: "COMPLETE",
      counts,
      live,
      explanation: `All ${pluralise(live, "live action")} ${live === 1 ? "is" : "are"} complete.${setAside}`,
    };
  }
  const status: FindingDelivery = counts.RED > 0 ? "RED" : counts.AMBER + counts.UNSCHEDULED > 0 ? "AMBER" : "GREEN";
  return {
    status,
    counts,
    live,
    explanation:
      `The worst RAG of the ${pluralise(live, "live action")} (${counts.RED} red, ${counts.AMBER} amber, ${counts.UNSCHEDULED} ` +
      `without a due date, ${counts.GREEN} green, ${counts.COMPLETE} complete): any red makes it RED; any amber or without ` +
      `a due date, AMBER; otherwise GREEN, with complete actions counting as on course.${setAside}`,
  };
}

export function findingImpact(
  measures: ReadonlyArray<{ status: MeasureStatus }>,
  acceptedImpactEvidence: number,
): {
  status: FindingImpact;
  counts: Record<MeasureStatus, number>;
  acceptedImpactEvidence: number;
  explanation: string;
} {
  const counts: Record<MeasureStatus, number> = { ON_TRACK: 0, AMBER: 0, OFF_TRACK: 0, NO_DATA: 0, NO_TRAJECTORY: 0 };
  for (const m of measures) counts[m.status] += 1;
  const total = measures.length;
  const evidence = ` Accepted impact evidence, shown beside the status and not changing it: ${pluralise(acceptedImpactEvidence, "item")}.`;
  const withoutData = counts.NO_DATA + counts.NO_TRAJECTORY;

  const done = (status: FindingImpact, why: string) => ({ status, counts, acceptedImpactEvidence, explanation: why + evidence });

  if (total === 0) return done("NO_MEASURES", "No measures evidence this finding, so its impact cannot be judged from data.");

  const tally =
    `Of ${pluralise(total, "measure")}: ${counts.ON_TRACK} on track, ${counts.AMBER} slightly behind, ${counts.OFF_TRACK} off track, ` +
    `${counts.NO_DATA} without recent data, ${counts.NO_TRAJECTORY} without a trajectory.`;
  if (counts.OFF_TRACK > 0) return done("OFF_TRACK", `${tally} Any measure off track makes the finding off track.`);
  if (counts.AMBER > 0) return done("AMBER", `${tally} No measure is off track, but any slightly behind makes the finding slightly behind.`);
  if (withoutData === total) {
    return done("NO_DATA", `${tally} No measure has recent data against a trajectory, so impact cannot be judged yet.`);
  }
  if (withoutData > 0) {
    const gaps = [
      counts.NO_DATA > 0 ? `${pluralise(counts.NO_DATA, "measure")} ${counts.NO_DATA === 1 ? "has" : "have"} no recent data` : null,
      counts.NO_TRAJECTORY > 0
        ? `${pluralise(counts.NO_TRAJECTORY, "measure")} ${counts.NO_TRAJECTORY === 1 ? "has" : "have"} no trajectory set`
        : null,
    ]
      .filter(Boolean)
      .join(" and ");
    return done("AMBER", `${tally} The rest are on track, but ${gaps}, so the finding counts as slightly behind until every measure can be judged.`);
  }
  return done("ON_TRACK", `${tally} Every measure is on track.`);
}
