import type { Metadata } from "next";
import { CompareAreas } from "@/components/statistics/compare-areas";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Compare areas on a published measure" };

type Props = { searchParams: Promise<{ measure?: string | string[] }> };

/** Areas ranked on one published measure (national team: every area; advisers: their areas). */
export default async function ComparePage({ searchParams }: Props) {
  const given = (await searchParams).measure;
  const measure = typeof given === "string" && given !== "" ? given : undefined;
  const data = await loadForPage(getQueryClient().fetchQuery(trpc.statistics.compare.queryOptions({ measure })), routes.nationalCompare({ measure }));
  return (
    <>
      <h1 className="mb-4 text-4xl">Compare areas on a published measure</h1>
      <CompareAreas data={data} />
    </>
  );
}
