/**
 * Where a plan is in its journey, as a line of steps: Draft > Submitted > Accepted > In delivery >
 * Revisited, then Closed or Superseded once it has ended. An ordered list, so a screen reader hears
 * the steps in order with their number; each step says in words whether it is done, the current
 * stage (also aria-current), still to come or did not happen, so colour and arrows are never the
 * only signal. The steps wrap at narrow widths.
 */
import type { JourneyStep, PlanJourney } from "@/server/domain/plan-journey";

const STATE_WORDS: Record<JourneyStep["state"], string> = {
  done: "done",
  current: "current stage",
  "to come": "still to come",
  skipped: "did not happen",
};

const STATE_CLASS: Record<JourneyStep["state"], string> = {
  done: "",
  current: "bg-ink px-2 font-bold text-white",
  "to come": "text-secondary",
  skipped: "text-secondary line-through",
};

export function PlanJourneyLine({ journey, label = "Where the plan is" }: { journey: Pick<PlanJourney, "steps">; label?: string }) {
  return (
    <nav aria-label={label} className="mb-6">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-base">
        {journey.steps.map((step, i) => (
          <li key={step.stage} className="flex items-center gap-x-2" aria-current={step.state === "current" ? "step" : undefined}>
            {i > 0 ? (
              <span aria-hidden="true" className="text-secondary">
                &gt;
              </span>
            ) : null}
            <span className={STATE_CLASS[step.state]}>
              {step.label}
              <span className="sr-only"> ({STATE_WORDS[step.state]})</span>
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
