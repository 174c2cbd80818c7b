import type { Metadata } from "next";
import Link from "next/link";
import { FindingStatusTerms, HowWeWorkItOut } from "@/components/public/finding-status";
import { IsItWorking } from "@/components/public/is-it-working";
import { LastUpdated } from "@/components/public/last-updated";
import { restOfSummary, shortTitle } from "@/components/public/titles";
import { WhatIsBeingDone } from "@/components/public/what-is-being-done";
import { WhatParentsSay, YouSaidWeDid } from "@/components/public/what-parents-say";
import { BackLink } from "@/components/ui/back-link";
import { Tag } from "@/components/ui/tag";
import { formatDate } from "@/lib/format/dates";
import { FINDING_KIND, JUDGEMENT, JUDGEMENT_PLAIN } from "@/lib/labels";
import { routes } from "@/lib/routes";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";

type Params = { params: Promise<{ slug: string; ref: string }> };

// An unpublished area, or a ref its current plan does not have, is "page not found" (loadForPage).
const load = (slug: string, ref: string) =>
  loadForPage(getQueryClient().fetchQuery(trpc.publicArea.finding.queryOptions({ slug, ref })), routes.publicFinding(slug, ref));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, ref } = await params;
  const { area, finding } = await load(slug, ref);
  return {
    title: `${shortTitle(finding)} – ${area.name}`,
    description: `What is being done in ${area.name} about one area the inspectors found needed to get better, and whether it is working.`,
  };
}

const GOOD_JUDGEMENT = new Set(["SUFFICIENT", "EFFECTIVE"]);

const SECTIONS = [
  ["what-the-inspectors-said", "What the inspectors said"],
  ["what-is-being-done", "What is being done"],
  ["is-it-working", "Is it working?"],
  ["what-parents-say", "What parents say"],
  ["you-said-we-did", "You said, we did"],
] as const;

/** One finding of a published area, for families: the detail behind its card on the area's summary. */
export default async function PublicFindingPage({ params }: Params) {
  const { slug, ref } = await params;
  const { area, finding, position } = await load(slug, ref);
  const section = (id: (typeof SECTIONS)[number][0]) => ({ id, title: SECTIONS.find(([s]) => s === id)![1] });
  const heading = (id: (typeof SECTIONS)[number][0]) => {
    const s = section(id);
    return (
      <h2 id={s.id} className="mt-10 mb-3 border-t-4 border-ink pt-4 text-3xl">
        {s.title}
      </h2>
    );
  };

  return (
    <>
      <div className="no-print">
        <BackLink href={routes.publicArea(area.slug)}>{area.name}: every area of the plan</BackLink>
      </div>
      <p className="mb-1 text-xl text-secondary">
        {area.name} · {FINDING_KIND[finding.kind]} {finding.ref} ({position.number} of {position.of})
      </p>
      <h1 className="mb-4 text-4xl break-words">{shortTitle(finding)}</h1>
      {restOfSummary(finding) ? <p className="mb-4 max-w-3xl text-xl">{restOfSummary(finding)}</p> : null}
      <FindingStatusTerms finding={finding} className="mb-4" />
      <p className="mb-4">
        <LastUpdated date={finding.lastUpdated} stale={false} />
      </p>
      <HowWeWorkItOut />

      <nav aria-label="On this page" className="no-print mb-6">
        <h2 className="mb-2 text-xl">On this page</h2>
        <ul className="list-disc space-y-1 pl-5">
          {SECTIONS.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="what-the-inspectors-said">
        {heading("what-the-inspectors-said")}
        <blockquote className="mb-4 max-w-3xl border-l-4 border-border pl-4 break-words whitespace-pre-line">{finding.inspectorsWording}</blockquote>
        {finding.judgement ? (
          <p className="mb-4">
            When the inspectors came back{finding.judgementDate ? ` (${formatDate(finding.judgementDate)})` : ""}, they found that{" "}
            {JUDGEMENT_PLAIN[finding.judgement]}.{" "}
            <Tag colour={GOOD_JUDGEMENT.has(finding.judgement) ? "green" : "red"}>{JUDGEMENT[finding.judgement]}</Tag>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="what-is-being-done">
        {heading("what-is-being-done")}
        <WhatIsBeingDone finding={finding} />
      </section>

      <section aria-labelledby="is-it-working">
        {heading("is-it-working")}
        <IsItWorking finding={finding} />
      </section>

      <section aria-labelledby="what-parents-say">
        {heading("what-parents-say")}
        <WhatParentsSay verdicts={finding.verdicts} />
      </section>

      <section aria-labelledby="you-said-we-did">
        {heading("you-said-we-did")}
        <YouSaidWeDid entries={finding.youSaidWeDid} empty="Nothing has been published about this area of the plan yet." />
      </section>

      {position.previous || position.next ? (
        <nav aria-label="Other areas of the plan" className="no-print mt-10 border-t border-border pt-4">
          <ul className="flex flex-col gap-4 sm:flex-row sm:justify-between">
            {position.previous ? (
              <li className="min-w-0 sm:max-w-[48%]">
                <span className="block text-secondary">Previous</span>
                <Link href={routes.publicFinding(area.slug, position.previous.ref)} className="break-words">
                  {position.previous.ref}. {shortTitle(position.previous)}
                </Link>
              </li>
            ) : null}
            {position.next ? (
              <li className="min-w-0 sm:ml-auto sm:max-w-[48%] sm:text-right">
                <span className="block text-secondary">Next</span>
                <Link href={routes.publicFinding(area.slug, position.next.ref)} className="break-words">
                  {position.next.ref}. {shortTitle(position.next)}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
