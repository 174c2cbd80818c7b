import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MeasureChart } from "@/components/charts/measure-chart";
import { CommentsSection } from "@/components/comments/comments-section";
import { FindingNoteFormSection } from "@/components/adviser/finding-note-form-section";
import { AdviserNotes } from "@/components/findings/adviser-notes";
import { FindingAtAGlance } from "@/components/findings/finding-at-a-glance";
import { FindingEvidence } from "@/components/findings/finding-evidence";
import { FindingActions } from "@/components/findings/finding-actions";
import { FindingJudgementDetail, judgedAt } from "@/components/findings/finding-judgement";
import { ForumVerdicts } from "@/components/findings/forum-verdicts";
import { PackDetails, PackSection } from "@/components/findings/pack-section";
import { VerdictSection } from "@/components/forum/verdict-section";
import { PrintButton } from "@/components/findings/print-button";
import { ContinuedFromSection, ContinuesLink } from "@/components/plan-history/continued-from";
import { EndedPlanBanner } from "@/components/plan-history/ended-plan-banner";
import { BackLink } from "@/components/ui/back-link";
import { formatDate } from "@/lib/format/dates";
import { deliveryCountsLine, measureCountsLine } from "@/lib/format/finding-counts";
import { pluralise } from "@/lib/format/plurals";
import { FindingDeliveryTag, FindingImpactTag, MeasureStatusTag } from "@/components/ui/tag";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { FINDING_KIND, PLAN_TYPE } from "@/lib/labels";
import { today } from "@/server/services/core/today";
import { routes } from "@/lib/routes";
import { findingShortTitle, hasSummary, SUMMARY_TO_WRITE, summaryAfterTitle } from "@/lib/format/finding-title";

type Params = { params: Promise<{ slug: string; findingId: string }> };

async function load(slug: string, findingId: string) {
  const finding = await loadForPage(
    getQueryClient().fetchQuery(trpc.finding.byId.queryOptions({ id: findingId })),
    routes.finding(slug, findingId),
  );
  // The address must name the finding's own area.
  if (finding.localArea.slug !== slug) notFound();
  return finding;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, findingId } = await params;
  const finding = await load(slug, findingId);
  return { title: `Finding ${finding.ref}` };
}

/** The sections the summary at the top links down to. */
const SECTION = { actions: "on-course", measures: "working", evidence: "evidence", forum: "forum-says", adviser: "adviser-view" };

/**
 * One finding as the revisit evidence pack: what the inspectors found, where it stands at a glance,
 * then what is being done about it, whether it is working, the evidence, and what the forum and the
 * advisers say, each section's detail folded until opened (and open when printed). Headed by the
 * finding's short title, the inspectors' full wording below it. Everything but the comments comes
 * from finding.byId: one query.
 */
export default async function FindingPage({ params }: Params) {
  const { slug, findingId } = await params;
  const finding = await load(slug, findingId);
  // A finding carried forward reads the history of the one it continues where it was made.
  const continued = await getQueryClient().fetchQuery(trpc.finding.continues.queryOptions({ id: finding.id }));
  const restOfSummary = summaryAfterTitle(finding);
  return (
    <>
      <div className="no-print">
        <BackLink href={routes.area(slug)}>Back to {finding.localArea.name}</BackLink>
      </div>
      <p className="print-only mb-2 text-base">
        {finding.localArea.name} · Printed {formatDate(today())}
      </p>
      <p className="mb-1 text-xl text-secondary">
        {PLAN_TYPE[finding.plan.type]} · {FINDING_KIND[finding.kind]}
      </p>
      <h1 className="mb-4 max-w-4xl text-3xl sm:text-4xl">
        Finding {finding.ref}: {findingShortTitle(finding)}
      </h1>
      {restOfSummary ? <p className="mb-4 max-w-3xl text-xl whitespace-pre-line">{restOfSummary}</p> : null}
      {finding.ended ? (
        <EndedPlanBanner
          slug={slug}
          ending={finding.ended}
          continuedBy={finding.successors.map((s) => ({ href: routes.finding(slug, s.id), label: `finding ${s.ref} of ${s.planTitle}` }))}
        />
      ) : null}
      {hasSummary(finding) ? null : <p className="mb-4 max-w-3xl border-l-4 border-brand bg-panel p-3">{SUMMARY_TO_WRITE}</p>}
      <div className="no-print mb-6 flex flex-wrap items-center gap-4">
        <PrintButton />
        {finding.viewerCan.edit ? <Link href={routes.findingEdit(slug, finding.id)}>Edit this finding</Link> : null}
        <Link href={routes.findingHistory(slug, finding.id)}>History of this finding</Link>
      </div>
      {continued ? <ContinuesLink slug={slug} history={continued} /> : null}

      <h2 className="mb-2 text-2xl">What the inspectors found</h2>
      <blockquote className="mb-8 max-w-3xl border-l-4 border-border pl-4 whitespace-pre-line">{finding.inspectorsWording}</blockquote>

      {finding.judgement ? (
        <>
          <h2 className="mb-4 text-2xl">What the {judgedAt(finding.judgement)} judged</h2>
          <FindingJudgementDetail judgement={finding.judgement} />
        </>
      ) : null}

      <h2 className="mb-2 text-2xl">Where it stands</h2>
      <FindingAtAGlance finding={finding} to={SECTION} />

      <PackSection id={SECTION.actions} title="Is it on course?">
        <p className="mb-1">
          <FindingDeliveryTag status={finding.delivery.status} /> {deliveryCountsLine(finding.delivery.counts)}
          {finding.updates.overdue > 0 ? `; ${pluralise(finding.updates.overdue, "update", "updates")} overdue` : ""}.
        </p>
        {finding.actions.length === 0 ? (
          <p className="mb-4">No actions yet.</p>
        ) : (
          <PackDetails summary={`Show the actions (${finding.actions.length})`}>
            <FindingActions slug={slug} finding={finding} />
          </PackDetails>
        )}
      </PackSection>

      <PackSection id={SECTION.measures} title="Is it working?">
        <p className="mb-4">
          <FindingImpactTag status={finding.impact.status} /> {measureCountsLine(finding.impact.counts)}.
        </p>
        {finding.measures.length === 0 ? (
          <p className="mb-4">No measures show the impact of this finding&apos;s work yet.</p>
        ) : (
          <ul className="space-y-4">
            {finding.measures.map((m) => (
              <li key={m.id} className="border-l-4 border-border pl-4">
                <h3 id={`measure-${m.id}`} className="mb-1 text-xl">
                  <Link href={routes.measure(slug, m.id)}>
                    {m.ref} {m.name}
                  </Link>
                </h3>
                <p>
                  <MeasureStatusTag status={m.status} />
                </p>
                <PackDetails summary={`Show the chart and figures for ${m.ref}`}>
                  <MeasureChart chart={m.chart} titleId={`measure-${m.id}`} />
                </PackDetails>
              </li>
            ))}
          </ul>
        )}
      </PackSection>

      <PackSection id={SECTION.evidence} title="Evidence">
        <FindingEvidence
          findingId={finding.id}
          items={finding.evidence.items}
          counts={finding.evidence.counts}
          canAdd={finding.viewerCan.edit}
          canReview={finding.viewerCan.reviewEvidence}
          canWithdraw={finding.viewerCan.withdrawEvidence}
        />
      </PackSection>

      <PackSection id={SECTION.forum} title="What the parent carer forum says">
        <ForumVerdicts verdicts={finding.verdicts} />
        {/* The forum gives its verdict on the finding here; the verdicts themselves are above */}
        <div className="no-print">
          <VerdictSection target={{ findingId: finding.id }} what={`finding ${finding.ref}`} showHistory={false} verdicts={finding.forumVerdict} />
        </div>
      </PackSection>

      {finding.adviserNotes ? (
        <PackSection id={SECTION.adviser} title="Adviser's view">
          <AdviserNotes notes={finding.adviserNotes} />
          <FindingNoteFormSection slug={slug} finding={{ id: finding.id, ref: finding.ref }} mayWrite={finding.viewerCan.recordAdviserNote} />
        </PackSection>
      ) : null}

      {continued ? <ContinuedFromSection slug={slug} history={continued} /> : null}

      <CommentsSection target={{ findingId: finding.id }} what="this finding" comments={finding.comments} />
    </>
  );
}
