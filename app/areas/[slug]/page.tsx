import type { Metadata } from "next";
import { findingAnchor } from "@/components/public/anchors";
import { FindingSection } from "@/components/public/finding-section";
import { YouSaidWeDid } from "@/components/public/what-parents-say";
import { BackLink } from "@/components/ui/back-link";
import { formatDate } from "@/lib/format/dates";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { PLAN_TYPE, REGION } from "@/lib/labels";
import { routes } from "@/lib/routes";
import { findingTitle } from "@/lib/format/finding-title";

type Params = { params: Promise<{ slug: string }> };

// An unpublished or unknown area is "page not found" (loadForPage), the same for everyone.
const load = (slug: string) => loadForPage(getQueryClient().fetchQuery(trpc.publicArea.bySlug.queryOptions({ slug })), routes.publicArea(slug));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { area } = await load((await params).slug);
  return {
    title: `${area.name}: SEND improvement plan progress`,
    description: `What inspectors found in ${area.name}'s support for children with SEND, what is being done, and whether it is working.`,
  };
}

/** A published area's progress, for families: plain English, organisations not people, every item dated. */
export default async function PublicAreaPage({ params }: Params) {
  const page = await load((await params).slug);
  const { area, plan } = page;
  return (
    <>
      <div className="no-print">
        <BackLink href={routes.publicAreas()}>All published areas</BackLink>
      </div>
      <p className="mb-1 text-xl text-secondary">{REGION[area.region]}</p>
      <h1 className="mb-4 text-4xl">{area.name}: support for children and young people with SEND</h1>
      <div className="mb-8 max-w-3xl">
        {plan ? (
          <p className="mb-4 text-xl">
            Inspectors found that parts of {area.name}&apos;s support for children and young people with special
            educational needs and disabilities (SEND) needed to get better. The council and the NHS are working to a
            plan, the {PLAN_TYPE[plan.type].toLowerCase()}
            {plan.acceptedDate ? `, agreed on ${formatDate(plan.acceptedDate)}` : ""}. This page shows how it is going.
          </p>
        ) : (
          <p className="mb-4 text-xl">{area.name} has no improvement plan under way at the moment.</p>
        )}
        {plan?.followUpOutcome ? (
          <div className="mb-4 border-l-[10px] border-brand bg-panel p-4">
            <h2 className="mb-2 text-2xl">
              {plan.followUpOutcome.kind === "REVISIT" ? "When the inspectors came back" : "When the inspectors checked progress"}
            </h2>
            <p className="mb-2">{plan.followUpOutcome.plain}</p>
            {plan.followUpOutcome.letterUrl ? (
              <p className="mb-0">
                <a href={plan.followUpOutcome.letterUrl} rel="noopener noreferrer">
                  Read the inspectors&apos; letter
                </a>
              </p>
            ) : null}
          </div>
        ) : null}
        {page.lastUpdated ? <p className="mb-2 font-bold">Last updated {formatDate(page.lastUpdated)}</p> : null}
        {plan ? (
          <p className="text-secondary">
            Each part shows when it was last updated. Work is meant to be updated at least every {plan.cadenceDays} days;
            anything that has not been is marked &ldquo;Not updated since&rdquo;. We name the organisations doing the work,
            not the people.
          </p>
        ) : null}
      </div>

      {page.findings.length ? (
        <nav aria-label="On this page" className="no-print mb-10">
          <h2 className="mb-2 text-xl">On this page</h2>
          <ul className="list-disc space-y-1 pl-5">
            {page.findings.map((f) => (
              <li key={f.ref}>
                <a href={`#${findingAnchor(f.ref)}`}>{findingTitle(f)}</a>
              </li>
            ))}
            <li>
              <a href="#you-said-we-did">You said, we did</a>
            </li>
          </ul>
        </nav>
      ) : null}

      {page.findings.map((f) => (
        <FindingSection key={f.ref} finding={f} />
      ))}

      <section aria-labelledby="you-said-we-did" className="border-t-4 border-ink pt-4">
        <h2 id="you-said-we-did" className="mb-4 text-3xl">
          You said, we did
        </h2>
        <p className="mb-4 max-w-3xl">What families told {area.name}, and what was done about it.</p>
        <YouSaidWeDid entries={page.youSaidWeDid} empty="Nothing has been published here yet." />
      </section>
    </>
  );
}
