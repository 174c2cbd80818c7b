/**
 * What the revisit or monitoring inspection found, in place of the countdown once it has happened:
 * the outcome in the inspectors' words and the published letter, or (held, not yet judged) that
 * the judgements are awaited.
 */
import { INSPECTION_KIND } from "@/lib/labels";
import type { PlanJourney } from "@/server/domain/plan-journey";

export function FollowUpOutcome({ journey, headingId }: { journey: PlanJourney; headingId: string }) {
  const kind = INSPECTION_KIND[journey.followUpKind];
  const { outcome } = journey;
  return (
    <section aria-labelledby={headingId} className="mb-8 border-l-[10px] border-brand bg-panel p-4">
      <h2 id={headingId} className="mb-2 text-2xl">
        {outcome ? `What the ${kind.toLowerCase()} found` : `The ${kind.toLowerCase()}`}
      </h2>
      <p className="mb-2 text-xl font-bold">{journey.headline}</p>
      {outcome ? (
        <>
          {outcome.datesFrom === "judgements" ? (
            <p className="mb-2 text-base text-secondary">
              No {kind.toLowerCase()} is linked to the judgements, so the dates are those of the judgements.
            </p>
          ) : null}
          {outcome.letterUrl ? (
            <p className="mb-0">
              <a href={outcome.letterUrl} rel="noopener noreferrer">
                Read the published letter
              </a>
            </p>
          ) : (
            <p className="mb-0 text-base">No link to the published letter has been recorded.</p>
          )}
        </>
      ) : (
        <p className="mb-0">An adviser records each finding&apos;s judgement once the letter is published.</p>
      )}
    </section>
  );
}
