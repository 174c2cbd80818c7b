import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/history/record-history";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { moreShown, shownFrom } from "@/server/schemas/history";
import { routes } from "@/lib/routes";

type Params = {
  params: Promise<{ slug: string; findingId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "History of the finding" };

/** Who changed the finding and its evidence, comments and updates, and when: for anyone who may read it. */
export default async function FindingHistoryPage({ params, searchParams }: Params) {
  const { slug, findingId } = await params;
  const shown = shownFrom(await searchParams);
  const history = await loadForPage(
    getQueryClient().fetchQuery(trpc.history.ofRecord.queryOptions({ kind: "Finding", id: findingId, limit: shown })),
    routes.findingHistory(slug, findingId),
  );
  // The address must name the record's own area.
  if (history.area.slug !== slug) notFound();
  const more = moreShown(shown);
  return <RecordHistory history={history} moreHref={more ? routes.findingHistory(slug, findingId, { shown: more }) : undefined} />;
}
