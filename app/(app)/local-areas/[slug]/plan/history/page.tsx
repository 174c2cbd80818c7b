import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/history/record-history";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { moreShown, shownFrom } from "@/server/schemas/history";
import { routes } from "@/lib/routes";

type Params = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "History of the plan" };

/** Who changed the plan's details and took its snapshots, and when (`?plan=<id>`: an area has had more than one). */
export default async function PlanHistoryPage({ params, searchParams }: Params) {
  const { slug } = await params;
  const query = await searchParams;
  const planId = Array.isArray(query.plan) ? query.plan[0] : query.plan;
  if (!planId) notFound();
  const shown = shownFrom(query);
  const history = await loadForPage(
    getQueryClient().fetchQuery(trpc.history.ofRecord.queryOptions({ kind: "Plan", id: planId, limit: shown })),
    routes.planHistory(slug, planId),
  );
  // The address must name the plan's own area.
  if (history.area.slug !== slug) notFound();
  const more = moreShown(shown);
  return <RecordHistory history={history} moreHref={more ? routes.planHistory(slug, planId, { shown: more }) : undefined} />;
}
