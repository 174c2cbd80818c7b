import type { Metadata } from "next";
import { MeasureForm } from "@/components/measures/measure-form";
import { BackLink } from "@/components/ui/back-link";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

type Params = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Add a measure" };

export default async function NewMeasurePage({ params }: Params) {
  const { slug } = await params;
  const { area, planId, findings, owners, catalogue } = await loadForPage(
    getQueryClient().fetchQuery(trpc.measure.formChoices.queryOptions({ slug })),
    routes.measureNew(slug),
  );

  return (
    <>
      <BackLink href={routes.measures(slug)}>Back to measures</BackLink>
      <p className="mb-1 text-xl text-secondary">{area.name}</p>
      <h1 className="mb-6 text-4xl">Add a measure</h1>
      {planId ? (
        <MeasureForm slug={slug} planId={planId} findings={findings} owners={owners} catalogue={catalogue} />
      ) : (
        <p>This local area has no current improvement plan to add a measure to.</p>
      )}
    </>
  );
}
