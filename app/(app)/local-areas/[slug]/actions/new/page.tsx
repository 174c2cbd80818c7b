import type { Metadata } from "next";
import { ActionForm } from "@/components/plan/action-form";
import { BackLink } from "@/components/ui/back-link";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ finding?: string | string[] }> };

export const metadata: Metadata = { title: "Add an action" };

export default async function NewActionPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { finding } = await searchParams;
  const { area, choices } = await loadForPage(getQueryClient().fetchQuery(trpc.action.newForm.queryOptions({ slug })), routes.actionNew(slug));
  const findingId = typeof finding === "string" && choices.findings.some((f) => f.id === finding) ? finding : undefined;
  return (
    <>
      <BackLink href={routes.plan(slug)}>Back to the plan</BackLink>
      <p className="mb-1 text-xl text-secondary">{area.name}</p>
      <h1 className="mb-6 text-4xl">Add an action</h1>
      <ActionForm slug={slug} choices={choices} findingId={findingId} />
    </>
  );
}
