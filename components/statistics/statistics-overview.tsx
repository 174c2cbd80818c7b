/** The catalogue of standard measures, with what is held for each, and the statistical neighbours. */
import { cell, rowClass, Table } from "@/components/ui/table";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { MEASURE_DIRECTION, MEASURE_UNIT } from "@/lib/labels";
import { routes } from "@/lib/routes";

type Overview = RouterOutputs["statistics"]["overview"];

export function StatisticsOverview({ overview }: { overview: Overview }) {
  return (
    <>
      <h2 className="mb-4 text-2xl">The catalogue</h2>
      <Table caption="Standard measures and the published figures held for each" columns={["Measure", "Figures held", "Linked measures"]}>
        {overview.measures.map((m) => {
          const total = m.figures.national + m.figures.regional + m.figures.localAuthority;
          return (
            <tr key={m.id} className={rowClass}>
              <td className={cell}>
                <p className="font-bold">{m.name}</p>
                <p className="mb-1">{m.definition}</p>
                <p className="text-secondary">
                  {MEASURE_UNIT[m.unit]}. {MEASURE_DIRECTION[m.direction]}. Source: {m.sourceName},{" "}
                  <span className="break-all">{m.sourceUrl}</span>
                </p>
                <p>
                  <a href={routes.nationalCompare({ measure: m.id })}>
                    Compare areas<span className="sr-only"> on {m.name}</span>
                  </a>
                </p>
              </td>
              <td className={cell}>
                {total === 0 ? (
                  "None yet"
                ) : (
                  <>
                    England {m.figures.national}, regions {m.figures.regional}, local authorities {m.figures.localAuthority}
                    {m.latestPeriodEnd ? <span className="block text-secondary">Latest period ends {m.latestPeriodEnd}</span> : null}
                  </>
                )}
                {m.mappingSavedAt ? <span className="block text-secondary">Column choices saved {formatDate(m.mappingSavedAt)}</span> : null}
              </td>
              <td className={cell}>{m.linkedMeasures}</td>
            </tr>
          );
        })}
      </Table>
      <h2 className="mt-8 mb-2 text-2xl">Statistical neighbours</h2>
      <p className="max-w-3xl">
        {overview.neighbours.authorities === 0
          ? "No statistical neighbours imported yet: charts show England and the region only."
          : `Ten neighbours held for ${pluralise(overview.neighbours.authorities, "local authority", "local authorities")}.`}
      </p>
    </>
  );
}
