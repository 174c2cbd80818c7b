import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/history/record-history";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { moreShown, shownFrom } from "@/server/schemas/history";
import { routes } from "@/lib/routes";

type Params = {
  params: Promise<{ slug: string; actionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "History of the action" };

/** Who changed the action and its evidence, comments and updates, and when: for anyone who may read it. */
export default async function ActionHistoryPage({ params, searchParams }: Params) {
  const { slug, actionId } = await params;
  const shown = shownFrom(await searchParams);
  const history = await loadForPage(
    getQueryClient().fetchQuery(trpc.history.ofRecord.queryOptions({ kind: "Action", id: actionId, limit: shown })),
    routes.actionHistory(slug, actionId),
  );
  // The address must name the record's own area.
  if (history.area.slug !== slug) notFound();
  const more = moreShown(shown);
  return <RecordHistory history={history} moreHref={more ? routes.actionHistory(slug, actionId, { shown: more }) : undefined} />;
}
