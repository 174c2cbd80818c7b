/**
 * The national ranking on one published measure: a plain GET form to choose the measure (so the
 * address can be shared and it works without script), then the areas in view by their figure for
 * the latest period published, best first, with England's and each area's region's figure beside
 * them; areas without a figure for that period after, unranked.
 */
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/form-field";
import { cell, rowClass, Table } from "@/components/ui/table";
import { HowWorkedOut } from "@/components/ui/how-worked-out";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { formatMeasureValue } from "@/lib/format/measure-value";
import { pluralise } from "@/lib/format/plurals";
import { MEASURE_DIRECTION, MEASURE_UNIT, REGION } from "@/lib/labels";
import { routes } from "@/lib/routes";

type Compare = RouterOutputs["statistics"]["compare"];

export function CompareAreas({ data }: { data: Compare }) {
  const { measure, comparison } = data;
  return (
    <>
      <p className="mb-6 max-w-3xl text-xl">
        Local areas side by side on a measure the DfE or the LGA publishes for every local authority, by their latest published figure.
      </p>
      <form method="get" action={routes.nationalCompare()} role="search" aria-label="Choose a published measure" className="mb-8 bg-panel p-4">
        <label htmlFor="compare-measure" className="mb-1 block font-bold">
          Published measure
        </label>
        <div className="flex flex-wrap items-end gap-4">
          <Select
            id="compare-measure"
            name="measure"
            defaultValue={measure?.id ?? ""}
            className="border-ink sm:max-w-xl"
            placeholder="Choose a measure"
            options={data.catalogue.map((c) => ({ value: c.id, label: c.name }))}
          />
          <button type="submit" className={buttonClass.secondary}>
            Compare
          </button>
        </div>
      </form>
      {measure && comparison ? <Ranking measure={measure} comparison={comparison} /> : <p>Choose a published measure to compare areas on it.</p>}
    </>
  );
}

function Ranking({ measure, comparison }: { measure: NonNullable<Compare["measure"]>; comparison: NonNullable<Compare["comparison"]> }) {
  const v = (n: number | null) => (n === null ? "Not published" : formatMeasureValue(n, measure.unit));
  const period = comparison.period;
  return (
    <section aria-labelledby="ranking-heading">
      <h2 id="ranking-heading" className="mb-2 text-2xl">
        {measure.name}
      </h2>
      <p className="mb-2 max-w-3xl">{measure.definition}</p>
      <p className="mb-2 text-secondary">
        {MEASURE_UNIT[measure.unit]}. {MEASURE_DIRECTION[measure.direction]}. Source: {measure.sourceName},{" "}
        <a href={measure.sourceUrl} className="break-all">
          {measure.sourceUrl}
        </a>
      </p>
      <HowWorkedOut label="How the areas are ranked">
        <p className="mb-2">
          Each area&apos;s figure is the one published for its local authority (matched by its LA code) for the latest period any local
          authority has a figure for. Areas are listed best first ({MEASURE_DIRECTION[measure.direction].toLowerCase()}); areas with the
          same figure share a rank. An area without a figure for that period is listed after, with its latest earlier figure if it has one.
        </p>
        <p className="mb-2">England&apos;s figure and each area&apos;s region&apos;s are for the same period, for reference.</p>
      </HowWorkedOut>
      {period === null ? (
        <p className="mt-6">No local authority figures have been imported for this measure yet.</p>
      ) : (
        <>
          <p className="mt-6 mb-4" role="status">
            {period.label}: England {v(comparison.england)}. {pluralise(comparison.ranked.length, "area")} ranked
            {comparison.unranked.length ? `, ${pluralise(comparison.unranked.length, "area")} without a figure for ${period.label}` : ""}.
          </p>
          {/* The headings sit outside the tables, so they wrap on a narrow screen while a table scrolls. */}
          {comparison.ranked.length ? (
            <div>
              <h3 className="mb-2 text-xl font-bold">Ranked, best first</h3>
              <Table
                caption={`Local areas ranked on ${measure.name}, ${period.label}, best first`}
                columns={["Rank", "Local area", `Figure ${period.label}`, "Region's figure", "England"]}
              >
                {comparison.ranked.map((r) => (
                  <tr key={r.area.id} className={rowClass}>
                    <td className={cell}>
                      {r.rank}
                      {r.tied ? <span className="text-secondary"> (joint)</span> : null}
                    </td>
                    <th scope="row" className={`${cell} text-left font-normal`}>
                      <Link href={routes.area(r.area.slug)}>{r.area.name}</Link>
                      <span className="block text-secondary">
                        {REGION[r.area.region]}, LA code {r.area.laCode}
                      </span>
                    </th>
                    <td className={`${cell} font-bold`}>{v(r.value)}</td>
                    <td className={cell}>
                      {v(r.regionValue)}
                      <span className="sr-only"> ({REGION[r.area.region]})</span>
                    </td>
                    <td className={cell}>{v(comparison.england)}</td>
                  </tr>
                ))}
              </Table>
            </div>
          ) : null}
          {comparison.unranked.length ? (
            <div className="mt-8">
              <h3 className="mb-2 text-xl font-bold">Without a figure for {period.label}</h3>
              <Table caption={`Local areas without a figure for ${period.label}`} columns={["Local area", "Latest published figure"]}>
                {comparison.unranked.map((r) => (
                  <tr key={r.area.id} className={rowClass}>
                    <th scope="row" className={`${cell} text-left font-normal`}>
                      <Link href={routes.area(r.area.slug)}>{r.area.name}</Link>
                      <span className="block text-secondary">
                        {REGION[r.area.region]}, LA code {r.area.laCode}
                      </span>
                    </th>
                    <td className={cell}>{r.latest ? `${v(r.latest.value)} (${r.latest.period})` : "None published"}</td>
                  </tr>
                ))}
              </Table>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
