import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FindingForm } from "@/components/plan/finding-form";
import { BackLink } from "@/components/ui/back-link";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

type Params = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Add a finding" };

export default async function NewFindingPage({ params }: Params) {
  const { slug } = await params;
  const { area, plan } = await loadForPage(getQueryClient().fetchQuery(trpc.plan.settings.queryOptions({ slug })), routes.findingNew(slug));
  if (!plan) notFound();
  return (
    <>
      <BackLink href={routes.plan(slug)}>Back to the plan</BackLink>
      <p className="mb-1 text-xl text-secondary">{area.name}</p>
      <h1 className="mb-6 text-4xl">Add a finding</h1>
      <FindingForm slug={slug} planId={plan.id} />
    </>
  );
}
