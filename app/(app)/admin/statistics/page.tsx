import type { Metadata } from "next";
import { StatisticsImport } from "@/components/statistics/statistics-import";
import { StatisticsOverview } from "@/components/statistics/statistics-overview";
import { BackLink } from "@/components/ui/back-link";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Published statistics" };

/** Administrators: the catalogue of standard measures, the figures held for each, and importing more. */
export default async function StatisticsPage() {
  const overview = await loadForPage(getQueryClient().fetchQuery(trpc.statistics.overview.queryOptions()), routes.adminStatistics());
  return (
    <>
      <BackLink href={routes.admin()}>Back to administration</BackLink>
      <h1 className="mb-4 text-4xl">Published statistics</h1>
      <p className="mb-8 max-w-3xl text-xl">
        Standard measures the DfE and the LGA publish for every local authority. A plan lead links an area&apos;s measure to one, and its
        chart then shows England, the region and the statistical neighbours beside the area&apos;s own figures; the national team can
        compare areas on it.
      </p>
      <StatisticsOverview overview={overview} />
      <section aria-labelledby="statistics-import-heading" className="mt-12">
        <h2 id="statistics-import-heading" className="mb-2 text-2xl">
          Import figures or neighbours
        </h2>
        <p className="mb-6 max-w-3xl">
          The whole file is imported or nothing is: a row that cannot be read stops the import, and the report names it. Importing the same
          file again changes nothing; figures for periods not in the file are kept.
        </p>
        <StatisticsImport targets={overview.measures.map((m) => ({ id: m.id, name: m.name }))} />
      </section>
    </>
  );
}
