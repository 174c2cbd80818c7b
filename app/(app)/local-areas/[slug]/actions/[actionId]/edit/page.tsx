import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RequestChangeForm } from "@/components/change-requests/request-change-form";
import { ActionForm } from "@/components/plan/action-form";
import { BackLink } from "@/components/ui/back-link";
import { EndedPlanBanner } from "@/components/plan-history/ended-plan-banner";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

type Params = { params: Promise<{ slug: string; actionId: string }> };

export const metadata: Metadata = { title: "Edit an action" };

export default async function EditActionPage({ params }: Params) {
  const { slug, actionId } = await params;
  const { area, values, choices, planAccepted, ended } = await loadForPage(
    getQueryClient().fetchQuery(trpc.action.forEdit.queryOptions({ id: actionId })),
    routes.actionEdit(slug, actionId),
  );
  if (area.slug !== slug) notFound();
  return (
    <>
      <BackLink href={routes.action(slug, actionId)}>Back to the action</BackLink>
      <p className="mb-1 text-xl text-secondary">{area.name}</p>
      <h1 className="mb-6 text-4xl">Edit action {values.ref}</h1>
      {/* An action of an ended plan is kept as it was: no form, only where the work goes on. */}
      {ended ? (
        <EndedPlanBanner slug={slug} ending={ended} />
      ) : (
        <>
          {/* Once the plan is accepted, its promises (title, description, due date) change only through a request an adviser approves. */}
          {planAccepted ? (
            <>
              <RequestChangeForm
                slug={slug}
                entityId={values.id}
                what={`action ${values.ref}`}
                options={[
                  { field: "action.title", current: values.title },
                  { field: "action.description", current: values.description },
                  { field: "action.dueDate", current: values.dueDate || null },
                ]}
              />
              <h2 className="mb-2 text-2xl">Edit the other details</h2>
              <p className="mb-6 max-w-3xl">The title, description and due date below are as approved: change them with a request above.</p>
            </>
          ) : null}
          <ActionForm slug={slug} choices={choices} action={values} />
        </>
      )}
    </>
  );
}
