import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MeasureChart } from "@/components/charts/measure-chart";
import { CommentsSection } from "@/components/comments/comments-section";
import { EvidenceSection } from "@/components/evidence/evidence-section";
import { FindingNoteFormSection } from "@/components/adviser/finding-note-form-section";
import { AdviserNotes } from "@/components/findings/adviser-notes";
import { FindingReadiness } from "@/components/findings/finding-readiness";
import { FindingJudgementDetail, judgedAt } from "@/components/findings/finding-judgement";
import { ForumVerdicts } from "@/components/findings/forum-verdicts";
import { VerdictSection } from "@/components/forum/verdict-section";
import { ImpactEvidence } from "@/components/findings/impact-evidence";
import { PrintButton } from "@/components/findings/print-button";
import { ContinuedFromSection, ContinuesLink } from "@/components/plan-history/continued-from";
import { EndedPlanBanner } from "@/components/plan-history/ended-plan-banner";
import { BackLink } from "@/components/ui/back-link";
import { formatDate } from "@/lib/format/dates";
import { MeasureStatusTag } from "@/components/ui/tag";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { FINDING_KIND, PLAN_TYPE } from "@/lib/labels";
import { today } from "@/server/services/core/today";
import { routes } from "@/lib/routes";
import { findingTitle, hasSummary, SUMMARY_TO_WRITE } from "@/lib/format/finding-title";

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

/**
 * One finding as the revisit evidence pack: what the inspectors found, what is being done about
 * it, whether it is working, the evidence, and what the forum and the advisers say. Printable.
 * Everything but the evidence list (which loads in the browser) comes from finding.byId: one query.
 */
export default async function FindingPage({ params }: Params) {
  const { slug, findingId } = await params;
  const finding = await load(slug, findingId);
  // A finding carried forward reads the history of the one it continues where it was made.
  const continued = await getQueryClient().fetchQuery(trpc.finding.continues.queryOptions({ id: finding.id }));
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
      <h1 className="mb-4 text-4xl">
        Finding {finding.ref}: {findingTitle(finding)}
      </h1>
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
          <h2 className="mb-4 text-2xl">
            What the {judgedAt(finding.judgement)} judged
          </h2>
          <FindingJudgementDetail judgement={finding.judgement} />
        </>
      ) : null}

      <h2 className="mb-4 text-2xl">Is it on course?</h2>
      <FindingReadiness slug={slug} finding={finding} />

      <h2 className="mt-8 mb-4 text-2xl">Is it working?</h2>
      {finding.measures.length === 0 ? (
        <p className="mb-8">No measures show the impact of this finding&apos;s work yet.</p>
      ) : (
        finding.measures.map((m) => (
          <section key={m.id} aria-labelledby={`measure-${m.id}`} className="mb-8">
            <h3 id={`measure-${m.id}`} className="mb-2 text-xl">
              <Link href={routes.measure(slug, m.id)}>
                {m.ref} {m.name}
              </Link>
            </h3>
            <p className="mb-2">
              <MeasureStatusTag status={m.status} />
            </p>
            <MeasureChart chart={m.chart} titleId={`measure-${m.id}`} />
          </section>
        ))
      )}

      <h2 className="mb-4 text-2xl">Accepted impact evidence</h2>
      <ImpactEvidence items={finding.impactEvidence} findingRef={finding.ref} />

      <h2 className="mb-4 text-2xl">What the parent carer forum says</h2>
      <ForumVerdicts verdicts={finding.verdicts} />
      {/* The forum gives its verdict on the finding here; the verdicts themselves are above */}
      <div className="no-print">
        <VerdictSection target={{ findingId: finding.id }} what={`finding ${finding.ref}`} showHistory={false} verdicts={finding.forumVerdict} />
      </div>

      {finding.adviserNotes ? (
        <>
          <h2 className="mb-4 text-2xl">Adviser&apos;s view</h2>
          <AdviserNotes notes={finding.adviserNotes} />
          <FindingNoteFormSection slug={slug} finding={{ id: finding.id, ref: finding.ref }} mayWrite={finding.viewerCan.recordAdviserNote} />
        </>
      ) : null}

      {continued ? <ContinuedFromSection slug={slug} history={continued} /> : null}

      <EvidenceSection target={{ findingId: finding.id }} canAdd={finding.viewerCan.edit} canReview={finding.viewerCan.reviewEvidence} />

      <CommentsSection target={{ findingId: finding.id }} what="this finding" comments={finding.comments} />
    </>
  );
}
