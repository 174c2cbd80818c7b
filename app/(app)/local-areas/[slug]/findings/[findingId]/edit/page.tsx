import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FindingForm } from "@/components/plan/finding-form";
import { BackLink } from "@/components/ui/back-link";
import { EndedPlanBanner } from "@/components/plan-history/ended-plan-banner";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

type Params = { params: Promise<{ slug: string; findingId: string }> };

export const metadata: Metadata = { title: "Edit a finding" };

export default async function EditFindingPage({ params }: Params) {
  const { slug, findingId } = await params;
  const finding = await loadForPage(
    getQueryClient().fetchQuery(trpc.finding.forEdit.queryOptions({ id: findingId })),
    routes.findingEdit(slug, findingId),
  );
  if (finding.localArea.slug !== slug) notFound();
  const { id, version, ref, kind, inspectorsWording, summary } = finding;
  return (
    <>
      <BackLink href={routes.plan(slug)}>Back to the plan</BackLink>
      <p className="mb-1 text-xl text-secondary">{finding.localArea.name}</p>
      <h1 className="mb-6 text-4xl">Edit finding {ref}</h1>
      {/* A finding of an ended plan is kept as it was: no form, only where the work goes on. */}
      {finding.ended ? (
        <>
          <EndedPlanBanner slug={slug} ending={finding.ended} />
          <p>
            <Link href={routes.finding(slug, id)}>Back to finding {ref}</Link>
          </p>
        </>
      ) : (
        <FindingForm slug={slug} finding={{ id, version, ref, kind, inspectorsWording, summary }} />
      )}
    </>
  );
}
