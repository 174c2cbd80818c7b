/**
 * What the revisit or monitoring inspection found, in place of the countdown once it has happened:
 * the outcome in the inspectors' words and the published letter, or (held, not yet judged) that
 * the judgements are awaited.
 */
import { HowWorkedOut } from "@/components/ui/how-worked-out";
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
      <HowWorkedOut label={`How the ${kind.toLowerCase()}'s outcome is worked out`}>
        <p className="mb-2">
          The {kind.toLowerCase()} has happened once a finding has been judged, or once its start date has come. From then
          on it is never counted as overdue.
        </p>
        <p className="mb-2">
          The outcome counts the findings judged {journey.followUpKind === "REVISIT" ? "as making sufficient progress" : "as having effective action"}{" "}
          out of those judged so far, with the dates of the {kind.toLowerCase()} that judged them (or, when none is linked, the
          dates of the judgements). The plan is marked {journey.followUpKind === "REVISIT" ? "revisited" : "monitored"} once
          every finding has a judgement.
        </p>
      </HowWorkedOut>
    </section>
  );
}
