/**
 * One area the inspectors found wanting, as families read it: what was found, what is being done,
 * whether it is working, what parents say, and what was done about what they said.
 */
import { findingAnchor } from "@/components/public/anchors";
import { IsItWorking } from "@/components/public/is-it-working";
import { LastUpdated } from "@/components/public/last-updated";
import { WhatIsBeingDone } from "@/components/public/what-is-being-done";
import { WhatParentsSay, YouSaidWeDid } from "@/components/public/what-parents-say";
import type { PublicFinding } from "@/components/public/types";
import { formatDate } from "@/lib/format/dates";
import { Tag } from "@/components/ui/tag";
import { FINDING_KIND, JUDGEMENT, JUDGEMENT_PLAIN } from "@/lib/labels";
import { findingTitle } from "@/lib/format/finding-title";

const GOOD_JUDGEMENT = new Set(["SUFFICIENT", "EFFECTIVE"]);

export function FindingSection({ finding }: { finding: PublicFinding }) {
  const id = findingAnchor(finding.ref);
  return (
    <section aria-labelledby={id} className="mb-12 border-t-4 border-ink pt-4">
      <p className="mb-1 text-secondary">
        What the inspectors found · {FINDING_KIND[finding.kind]} {finding.ref}
      </p>
      <h2 id={id} className="mb-2 text-3xl">
        {findingTitle(finding)}
      </h2>
      <p className="mb-6">
        <LastUpdated date={finding.lastUpdated} stale={false} />
      </p>

      <h3 className="mb-2 text-2xl">What the inspectors said</h3>
      <blockquote className="mb-4 max-w-3xl border-l-4 border-border pl-4 whitespace-pre-line">{finding.inspectorsWording}</blockquote>
      {finding.judgement ? (
        <p className="mb-6">
          When the inspectors came back{finding.judgementDate ? ` (${formatDate(finding.judgementDate)})` : ""}, they found that{" "}
          {JUDGEMENT_PLAIN[finding.judgement]}.{" "}
          <Tag colour={GOOD_JUDGEMENT.has(finding.judgement) ? "green" : "red"}>{JUDGEMENT[finding.judgement]}</Tag>
        </p>
      ) : (
        <div className="mb-6" />
      )}

      <h3 className="mb-2 text-2xl">What is being done</h3>
      <WhatIsBeingDone finding={finding} />

      <h3 className="mb-2 text-2xl">Is it working?</h3>
      <IsItWorking finding={finding} />

      <h3 className="mb-2 text-2xl">What parents say</h3>
      <WhatParentsSay verdicts={finding.verdicts} />

      <h3 className="mb-2 text-2xl">You said, we did</h3>
      <YouSaidWeDid entries={finding.youSaidWeDid} empty="Nothing has been published here yet." />
    </section>
  );
}
