/**
 * One finding on the area's summary, as a card: what it is about, how the work is going, whether
 * it is working, and when it was last updated; its title leads to the finding's own page, which
 * holds the detail.
 */
import Link from "next/link";
import { FindingStatusTerms } from "@/components/public/finding-status";
import { LastUpdated } from "@/components/public/last-updated";
import { shortTitle } from "@/components/public/titles";
import type { PublicFindingCard } from "@/components/public/types";
import { Tag } from "@/components/ui/tag";
import { pluralise } from "@/lib/format/plurals";
import { FINDING_KIND, JUDGEMENT } from "@/lib/labels";
import { routes } from "@/lib/routes";

const GOOD_JUDGEMENT = new Set(["SUFFICIENT", "EFFECTIVE"]);

export function FindingCard({ slug, finding }: { slug: string; finding: PublicFindingCard }) {
  const { actions, measures } = finding.notUpdated;
  const notUpdated = [actions ? pluralise(actions, "action") : null, measures ? pluralise(measures, "measure") : null].filter(Boolean).join(" and ");
  return (
    <li className="flex min-w-0 flex-col border border-border border-t-4 border-t-brand p-4">
      <p className="mb-1 text-base text-secondary">
        {FINDING_KIND[finding.kind]} {finding.ref}
      </p>
      <h3 className="mb-3 text-xl break-words">
        <Link href={routes.publicFinding(slug, finding.ref)}>{shortTitle(finding)}</Link>
      </h3>
      <FindingStatusTerms finding={finding} className="mb-3">
        {finding.judgement ? (
          <div>
            <dt className="inline font-bold">When the inspectors came back: </dt>
            <dd className="inline">
              <Tag colour={GOOD_JUDGEMENT.has(finding.judgement) ? "green" : "red"}>{JUDGEMENT[finding.judgement]}</Tag>
            </dd>
          </div>
        ) : null}
      </FindingStatusTerms>
      <p className="mt-auto mb-0 text-base">
        <LastUpdated date={finding.lastUpdated} stale={false} />
        {notUpdated ? (
          <>
            {" "}
            <Tag colour="orange">{notUpdated} not updated on time</Tag>
          </>
        ) : null}
      </p>
    </li>
  );
}
