/**
 * A finding's two sides in families' words: is the work being done (delivery, from its actions)
 * and is it working (impact, from its measures). The rules are the area home's
 * (server/domain/finding-summary.ts); the words are plainer. Always a word as well as a colour.
 */
import { Tag, type TagColour } from "@/components/ui/tag";
import type { FindingDelivery, FindingImpact } from "@/server/domain/finding-summary";

const DELIVERY: Record<FindingDelivery, { words: string; colour: TagColour }> = {
  COMPLETE: { words: "All done", colour: "blue" },
  GREEN: { words: "On track", colour: "green" },
  AMBER: { words: "Some delays", colour: "orange" },
  RED: { words: "Behind", colour: "red" },
  NO_ACTIONS: { words: "No work under way", colour: "grey" },
};

const IMPACT: Record<FindingImpact, { words: string; colour: TagColour }> = {
  ON_TRACK: { words: "On track", colour: "green" },
  AMBER: { words: "Slightly behind", colour: "orange" },
  OFF_TRACK: { words: "Off track", colour: "red" },
  NO_DATA: { words: "No recent figures", colour: "grey" },
  NO_MEASURES: { words: "No measures yet", colour: "grey" },
};

export function DeliveryTag({ status }: { status: FindingDelivery }) {
  return <Tag colour={DELIVERY[status].colour}>{DELIVERY[status].words}</Tag>;
}

export function ImpactTag({ status }: { status: FindingImpact }) {
  return <Tag colour={IMPACT[status].colour}>{IMPACT[status].words}</Tag>;
}

/** The two rules in plain words, once per page, under a disclosure. */
/**
 * "The work" and "Is it working?" for a finding, as terms and their tags: the card on the summary
 * and the finding's own page say them the same way. `children` follow as further terms (a card's
 * judgement).
 */
export function FindingStatusTerms({
  finding,
  className,
  children,
}: {
  finding: { delivery: FindingDelivery; impact: FindingImpact; isItWorking: string };
  className: string;
  children?: React.ReactNode;
}) {
  return (
    <dl className={`${className} space-y-2`}>
      <div>
        <dt className="inline font-bold">The work: </dt>
        <dd className="inline">
          <DeliveryTag status={finding.delivery} />
        </dd>
      </div>
      <div>
        <dt className="inline font-bold">Is it working? </dt>
        <dd className="inline">
          <ImpactTag status={finding.impact} /> <span className="block sm:inline">{finding.isItWorking}</span>
        </dd>
      </div>
      {children}
    </dl>
  );
}

export function HowWeWorkItOut() {
  return (
    <details className="mb-6 max-w-3xl">
      <summary className="cursor-pointer text-link underline">How we work out &ldquo;The work&rdquo; and &ldquo;Is it working?&rdquo;</summary>
      <div className="mt-2 border-l-4 border-border pl-4">
        <p className="mb-2">
          <strong>The work</strong> compares each action&apos;s progress with its dates. If any action is well behind, it says
          &ldquo;Behind&rdquo;; if any is a little behind or has no due date, &ldquo;Some delays&rdquo;; otherwise &ldquo;On
          track&rdquo;. &ldquo;All done&rdquo; means every action is complete. Cancelled and deferred actions are not counted.
        </p>
        <p className="mb-0">
          <strong>Is it working?</strong> compares each measure&apos;s latest figure with where the plan said it would be by
          then. If any measure is well short, it says &ldquo;Off track&rdquo;; if any is a little short, or some have no recent
          figures, &ldquo;Slightly behind&rdquo;; &ldquo;On track&rdquo; means every measure is where the plan said it would be.
        </p>
      </div>
    </details>
  );
}
