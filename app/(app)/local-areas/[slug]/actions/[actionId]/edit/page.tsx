import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/plan/action-form";
import { BackLink } from "@/components/ui/back-link";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";

type Params = { params: Promise<{ slug: string; actionId: string }> };

export const metadata: Metadata = { title: "Edit an action" };

export default async function EditActionPage({ params }: Params) {
  const { slug, actionId } = await params;
  const { area, values, choices } = await loadForPage(
    getQueryClient().fetchQuery(trpc.action.forEdit.queryOptions({ id: actionId })),
    `/local-areas/${slug}/actions/${actionId}/edit`,
  );
  if (area.slug !== slug) notFound();
  return (
    <>
      <BackLink href={`/local-areas/${slug}/actions/${actionId}`}>Back to the action</BackLink>
      <p className="mb-1 text-xl text-secondary">{area.name}</p>
      <h1 className="mb-6 text-4xl">Edit action {values.ref}</h1>
      <ActionForm slug={slug} choices={choices} action={values} />
    </>
  );
}
