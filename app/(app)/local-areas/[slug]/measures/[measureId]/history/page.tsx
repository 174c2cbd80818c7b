import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/history/record-history";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { moreShown, shownFrom } from "@/server/schemas/history";
import { routes } from "@/lib/routes";

type Params = {
  params: Promise<{ slug: string; measureId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "History of the measure" };

/** Who changed the measure, its values, evidence and comments, and when: for anyone who may read it. */
export default async function MeasureHistoryPage({ params, searchParams }: Params) {
  const { slug, measureId } = await params;
  const shown = shownFrom(await searchParams);
  const history = await loadForPage(
    getQueryClient().fetchQuery(trpc.history.ofRecord.queryOptions({ kind: "Measure", id: measureId, limit: shown })),
    routes.measureHistory(slug, measureId),
  );
  // The address must name the record's own area.
  if (history.area.slug !== slug) notFound();
  const more = moreShown(shown);
  return <RecordHistory history={history} moreHref={more ? routes.measureHistory(slug, measureId, { shown: more }) : undefined} />;
}
