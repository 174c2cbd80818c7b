import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { RequestChangeForm } from "@/components/change-requests/request-change-form";
import { MeasureForm } from "@/components/measures/measure-form";
import { BackLink } from "@/components/ui/back-link";
import { EndedPlanBanner } from "@/components/plan-history/ended-plan-banner";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

type Params = { params: Promise<{ slug: string; measureId: string }> };

async function load(slug: string, measureId: string) {
  const measure = await loadForPage(
    getQueryClient().fetchQuery(trpc.measure.byId.queryOptions({ id: measureId })),
    routes.measureEdit(slug, measureId),
  );
  // The address must name the measure's own area.
  if (measure.localArea.slug !== slug) notFound();
  return measure;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, measureId } = await params;
  const measure = await load(slug, measureId);
  return { title: `Edit measure ${measure.ref}` };
}

export default async function EditMeasurePage({ params }: Params) {
  const { slug, measureId } = await params;
  const measure = await load(slug, measureId);
  if (!measure.ended && !measure.viewerCan.edit) forbidden();

  return (
    <>
      <BackLink href={routes.measure(slug, measureId)}>Back to the measure</BackLink>
      <p className="mb-1 text-xl text-secondary">{measure.localArea.name}</p>
      <h1 className="mb-6 text-4xl">
        Edit measure {measure.ref} {measure.name}
      </h1>
      {/* A measure of an ended plan is kept as it was: no form, only where the work goes on. */}
      {measure.ended ? (
        <EndedPlanBanner slug={slug} ending={measure.ended} />
      ) : (
        <>
          {/* Once the plan is accepted, the target and milestones change only through a request an adviser approves. */}
          {measure.planAccepted ? (
            <>
              <RequestChangeForm
                slug={slug}
                entityId={measure.id}
                what={`measure ${measure.ref}`}
                unit={measure.unit}
                options={[
                  { field: "measure.targetValue", current: measure.form.targetValue },
                  { field: "measure.targetDate", current: measure.form.targetDate || null },
                  { field: "measure.milestones", current: measure.form.milestones },
                ]}
              />
              <h2 className="mb-2 text-2xl">Edit the other details</h2>
              <p className="mb-6 max-w-3xl">The target and milestones below are as approved: change them with a request above.</p>
            </>
          ) : null}
          <MeasureForm slug={slug} measure={measure.form} findings={measure.plan.findings} owners={measure.owners} catalogue={measure.catalogue} />
        </>
      )}
    </>
  );
}
