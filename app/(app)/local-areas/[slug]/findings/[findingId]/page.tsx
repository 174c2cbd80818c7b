import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EvidenceSection } from "@/components/evidence/evidence-section";
import { FindingReadiness } from "@/components/findings/finding-readiness";
import { BackLink } from "@/components/ui/back-link";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { FINDING_KIND, PLAN_TYPE } from "@/server/domain/labels";

type Params = { params: Promise<{ slug: string; findingId: string }> };

async function load(slug: string, findingId: string) {
  const finding = await loadForPage(
    getQueryClient().fetchQuery(trpc.finding.byId.queryOptions({ id: findingId })),
    `/local-areas/${slug}/findings/${findingId}`,
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

/** One finding: what the inspectors found, what is being done about it, whether it is working. */
export default async function FindingPage({ params }: Params) {
  const { slug, findingId } = await params;
  const finding = await load(slug, findingId);
  return (
    <>
      <BackLink href={`/local-areas/${slug}`}>Back to {finding.localArea.name}</BackLink>
      <p className="mb-1 text-xl text-secondary">
        {PLAN_TYPE[finding.plan.type]} · {FINDING_KIND[finding.kind]}
      </p>
      <h1 className="mb-4 text-4xl">
        Finding {finding.ref}: {finding.summary}
      </h1>
      {finding.viewerCan.edit ? (
        <p className="mb-6">
          <Link href={`/local-areas/${slug}/findings/${finding.id}/edit`}>Edit this finding</Link>
        </p>
      ) : null}
      <h2 className="mb-2 text-2xl">What the inspectors found</h2>
      <blockquote className="mb-8 max-w-3xl border-l-4 border-border pl-4 whitespace-pre-line">{finding.inspectorsWording}</blockquote>
      <h2 className="mb-4 text-2xl">Is it on course?</h2>
      <FindingReadiness slug={slug} finding={finding} />
      <EvidenceSection target={{ findingId: finding.id }} canAdd={finding.viewerCan.edit} canReview={finding.viewerCan.reviewEvidence} />
    </>
  );
}
