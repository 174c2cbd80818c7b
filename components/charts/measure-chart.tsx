/**
 * A measure charted against its trajectory, with the same figures as a table beside it (the
 * accessible alternative, and what a reader copies from). A server component: it sends SVG and
 * HTML, no JavaScript.
 */
import { Fragment } from "react";
import { MeasureChartSvg } from "@/lib/charts/measure-chart-svg";
import { chartSummary, EMPTY_CHART_TEXT, isEmptyChart, trajectoryPointNames } from "@/lib/charts/measure-chart-text";
import { formatMeasureValue } from "@/lib/format/measure-value";
import { formatDate } from "@/lib/format/dates";
import { cell, rowClass } from "@/components/ui/table";
import { MEASURE_DIRECTION, MEASURE_UNIT, MEASURE_VALUE_STATUS } from "@/lib/labels";
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";
import { comparisonLegend } from "@/lib/charts/measure-chart-svg";
import { comparisonFigure, neighboursCount } from "@/lib/charts/measure-chart-text";

/**
 * The published figures drawn beside the area's own (a measure linked to the catalogue), one row
 * per period and one column per line, with where they come from.
 */
function PublishedFigures({ chart }: { chart: MeasureChartData }) {
  const lines = chart.comparisons?.lines.filter((l) => l.points.length > 0) ?? [];
  if (!chart.comparisons || lines.length === 0) return null;
  const periods = new Map<string, string>();
  for (const line of lines) for (const p of line.points) periods.set(p.date, p.period);
  const rows = [...periods.entries()].sort(([a], [b]) => a.localeCompare(b));
  const { source } = chart.comparisons;
  return (
    <div className="mt-6 overflow-x-auto">
      <table className="w-full border-collapse text-left text-base">
        <caption className="mb-2 text-left font-bold">
          Published figures for {chart.ref}: {chart.comparisons.measure}
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className={cell}>
              Period
            </th>
            {lines.map((line) => (
              <th key={line.series} scope="col" className={cell}>
                {comparisonLegend(line)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([date, period]) => (
            <tr key={date} className={rowClass}>
              <th scope="row" className={`${cell} font-normal`}>
                {period}
              </th>
              {lines.map((line) => {
                const p = line.points.find((q) => q.date === date);
                return (
                  <td key={line.series} className={cell}>
                    {p ? comparisonFigure(line, p.value, chart.unit) : "Not published"}
                    {p?.count !== undefined ? <span className="block text-secondary">{neighboursCount(p.count)}</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-secondary">
        Source: {source.name},{" "}
        <a href={source.url} className="break-all">
          {source.url}
        </a>
      </p>
    </div>
  );
}

function Figures({ collapsed, label, children }: { collapsed: boolean; label: string; children: React.ReactNode }) {
  if (!collapsed) return <>{children}</>;
  return (
    <details className="mb-4">
      <summary className="mb-2 cursor-pointer text-link underline">{label}</summary>
      {children}
    </details>
  );
}

/** Where the plan changed, in the values table at its date: the upright line the chart draws. */
function PlanChangeRow({ change }: { change: NonNullable<MeasureChartData["planChange"]> }) {
  return (
    <tr className={rowClass}>
      <th scope="row" className={`${cell} font-normal`}>
        {formatDate(change.date)}
      </th>
      <td className={`${cell} font-bold`} colSpan={2}>
        {change.label}
      </td>
    </tr>
  );
}

/** An id fragment from a measure ref ("M1.2" -> "m1-2"). */
const idFrom = (ref: string) => ref.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "measure";

/**
 * `titleId`: the id of a heading elsewhere on the page that names the measure; the chart is then
 * labelled by it and does not repeat the name. Without it the figure shows its own caption.
 */
/**
 * `figuresCollapsed`: the tables sit behind a "Show the figures" disclosure, for pages read
 * end to end by families (the public page); the evidence pack keeps them open.
 */
export function MeasureChart({ chart, titleId, figuresCollapsed = false }: { chart: MeasureChartData; titleId?: string; figuresCollapsed?: boolean }) {
  const base = titleId ?? `measure-chart-${idFrom(chart.ref)}`;
  const ids = { title: `${base}-svg-title`, desc: `${base}-svg-desc` };
  const v = (n: number) => formatMeasureValue(n, chart.unit);
  const names = trajectoryPointNames(chart);
  const empty = isEmptyChart(chart);

  return (
    <figure className="measure-chart mb-8" aria-labelledby={titleId ?? `${base}-caption`}>
      {titleId ? null : (
        <figcaption id={`${base}-caption`} className="mb-2 text-xl font-bold">
          {chart.ref} {chart.name}
        </figcaption>
      )}
      <p className="mb-2 text-secondary">
        {MEASURE_UNIT[chart.unit]}. {MEASURE_DIRECTION[chart.direction]}.
      </p>
      {empty ? (
        <p className="mb-4">{EMPTY_CHART_TEXT}</p>
      ) : (
        <>
          <p id={`${base}-summary`} className="mb-2">
            {chartSummary(chart)}
          </p>
          <div className="mb-4 max-w-[640px] border border-border">
            <MeasureChartSvg chart={chart} ids={ids} labelledBy={titleId ?? `${base}-caption`} describedBy={`${base}-summary`} className="block h-auto w-full" />
          </div>
        </>
      )}
      <Figures collapsed={figuresCollapsed} label={`Show the figures for ${chart.ref}`}>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-base">
            <caption className="mb-2 text-left font-bold">Values for {chart.ref}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className={cell}>
                  Period ending
                </th>
                <th scope="col" className={cell}>
                  Value
                </th>
                <th scope="col" className={cell}>
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {chart.values.length === 0 ? (
                <tr className={rowClass}>
                  <td className={cell} colSpan={3}>
                    No values have been recorded yet.
                  </td>
                </tr>
              ) : (
                chart.values.map((p, i) => (
                  <Fragment key={p.date}>
                    {chart.planChange && p.date >= chart.planChange.date && (i === 0 || chart.values[i - 1]!.date < chart.planChange.date) ? (
                      <PlanChangeRow change={chart.planChange} />
                    ) : null}
                    <tr className={rowClass}>
                      <th scope="row" className={`${cell} font-normal`}>
                        {formatDate(p.date)}
                      </th>
                      <td className={cell}>{v(p.value)}</td>
                      <td className={cell}>{MEASURE_VALUE_STATUS[p.status]}</td>
                    </tr>
                  </Fragment>
                ))
              )}
              {chart.planChange && chart.values.length > 0 && chart.values.at(-1)!.date < chart.planChange.date ? (
                <PlanChangeRow change={chart.planChange} />
              ) : null}
            </tbody>
          </table>
        </div>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-base">
            <caption className="mb-2 text-left font-bold">Trajectory and benchmark for {chart.ref}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className={cell}>
                  Point
                </th>
                <th scope="col" className={cell}>
                  Date
                </th>
                <th scope="col" className={cell}>
                  Value
                </th>
              </tr>
            </thead>
            <tbody>
              {chart.trajectory.map((p, i) => (
                <tr key={`${p.kind}-${p.date}`} className={rowClass}>
                  <th scope="row" className={`${cell} font-normal`}>
                    {names[i]}
                  </th>
                  <td className={cell}>{formatDate(p.date)}</td>
                  <td className={cell}>{v(p.value)}</td>
                </tr>
              ))}
              {chart.trajectory.length === 0 ? (
                <tr className={rowClass}>
                  <td className={cell} colSpan={3}>
                    No baseline, milestones or target have been set.
                  </td>
                </tr>
              ) : null}
              {chart.benchmark ? (
                <tr className={rowClass}>
                  <th scope="row" className={`${cell} font-normal`}>
                    Benchmark{chart.benchmark.label ? `: ${chart.benchmark.label}` : ""}
                  </th>
                  <td className={cell}>{chart.benchmark.date ? formatDate(chart.benchmark.date) : "Not dated"}</td>
                  <td className={cell}>{v(chart.benchmark.value)}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      </div>
      {chart.superseded?.length ? (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full border-collapse text-left text-base">
            <caption className="mb-2 text-left font-bold">Superseded trajectories for {chart.ref}, replaced by approved changes</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className={cell}>
                  Trajectory
                </th>
                <th scope="col" className={cell}>
                  Date
                </th>
                <th scope="col" className={cell}>
                  Value
                </th>
              </tr>
            </thead>
            <tbody>
              {chart.superseded.flatMap((line) =>
                line.points.map((p) => (
                  <tr key={`${line.label}-${p.date}`} className={rowClass}>
                    <th scope="row" className={`${cell} font-normal`}>
                      {line.label}
                    </th>
                    <td className={cell}>{formatDate(p.date)}</td>
                    <td className={cell}>{v(p.value)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
      <PublishedFigures chart={chart} />
      </Figures>
    </figure>
  );
}
