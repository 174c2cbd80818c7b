import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MeasureStatusTag, ValueStatusTag } from "@/components/ui/tag";
import { formatExpectedValue, formatMeasureValue } from "@/lib/format/measure-value";
import { PasteValuesForm } from "@/components/measures/paste-values-form";
import { RecordValueForm } from "@/components/measures/record-value-form";
import { ValidateValueButton } from "@/components/measures/validate-value-button";
import { MeasureChart } from "@/components/charts/measure-chart";
import { ChangeHistorySection } from "@/components/change-requests/change-history-section";
import { CommentsSection } from "@/components/comments/comments-section";
import { EvidenceSection } from "@/components/evidence/evidence-section";
import { BackLink } from "@/components/ui/back-link";
import { EndedPlanBanner } from "@/components/plan-history/ended-plan-banner";
import { buttonClass } from "@/components/ui/button";
import { fromDay } from "@/lib/calendar";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { HowWorkedOut } from "@/components/ui/how-worked-out";
import { SummaryList } from "@/components/ui/summary-list";
import { cell, rowClass, Table } from "@/components/ui/table";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { MEASURE_DIRECTION, MEASURE_UNIT } from "@/lib/labels";
import { DEFAULT_TOLERANCE } from "@/server/domain/measure-status";
import { valueRangeHint } from "@/server/domain/measure-value-range";
import { routes } from "@/lib/routes";
import { findingTitle } from "@/lib/format/finding-title";

type Params = { params: Promise<{ slug: string; measureId: string }> };

async function load(slug: string, measureId: string) {
  const measure = await loadForPage(
    getQueryClient().fetchQuery(trpc.measure.byId.queryOptions({ id: measureId })),
    routes.measure(slug, measureId),
  );
  // The address must name the measure's own area.
  if (measure.localArea.slug !== slug) notFound();
  return measure;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, measureId } = await params;
  const measure = await load(slug, measureId);
  return { title: `${measure.ref} ${measure.name}` };
}

const POINT = { BASELINE: "Baseline", MILESTONE: "Milestone", TARGET: "Target" } as const;

export default async function MeasurePage({ params }: Params) {
  const { slug, measureId } = await params;
  const m = await load(slug, measureId);
  const value = (v: number | null) => formatMeasureValue(v, m.unit);
  // What the value forms check a figure against, and the figures they would replace.
  const rule = { unit: m.unit, plausibleMin: m.plausibleMin, plausibleMax: m.plausibleMax };
  const recorded = m.values.map((v) => ({ periodEnd: fromDay(v.periodEnd), value: v.value }));
  const { status } = m;
  const pointName = (i: number) => {
    const kind = status.trajectory[i]!.kind;
    return kind === "MILESTONE" ? `Milestone ${status.trajectory.slice(0, i + 1).filter((p) => p.kind === "MILESTONE").length}` : POINT[kind];
  };

  return (
    <>
      <BackLink href={routes.measures(slug)}>Back to measures</BackLink>
      <p className="mb-1 text-xl text-secondary">
        {m.findings.length === 1 ? "Finding " : "Findings "}
        {m.findings.map((f) => f.ref).join(", ")}
      </p>
      <h1 className="mb-4 text-4xl">
        {m.ref} {m.name}
      </h1>
      {m.ended ? <EndedPlanBanner slug={slug} ending={m.ended} /> : null}
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <MeasureStatusTag status={status.status} />
        {status.latest ? (
          <span>
            Latest {value(status.latest.value)} to {formatDate(status.latest.periodEnd)}
            {status.expected !== null ? `; ${formatExpectedValue(status.expected, m.unit, status.latest.value)} expected by then` : ""}
          </span>
        ) : null}
      </div>
      <div className="mb-8">
        <HowWorkedOut>
          <p className="mb-2">{status.explanation}</p>
          <ul className="mb-2 list-disc pl-6">
            <li>
              Trajectory: straight lines between the baseline, the milestones and the target (
              {pluralise(status.trajectory.length, "dated point")}; see the table below).
            </li>
            <li>{MEASURE_DIRECTION[m.direction]}.</li>
            <li>
              Slightly behind: short of the trajectory by no more than {DEFAULT_TOLERANCE * 100}% of the change planned from
              baseline to target.
            </li>
            <li>
              No recent data: no value for a period ending in the last {m.plan.updateCadenceDays * 2} days (two of the plan&apos;s{" "}
              {m.plan.updateCadenceDays}-day update cycles).
            </li>
            <li>Values for periods before the baseline date are kept as history but not judged.</li>
          </ul>
        </HowWorkedOut>
      </div>

      {m.viewerCan.edit ? (
        <p className="mb-4">
          <Link href={routes.measureEdit(slug, m.id)} className={`${buttonClass.secondary} text-ink! no-underline`}>
            Edit measure<span className="sr-only"> {m.ref}</span>
          </Link>
        </p>
      ) : null}
      <p className="mb-8">
        <Link href={routes.measureHistory(slug, m.id)}>History of this measure</Link>
      </p>

      <h2 className="mb-4 text-2xl">Details</h2>
      <SummaryList
        rows={[
          { key: "Definition", value: m.definition ? <span className="whitespace-pre-line">{m.definition}</span> : null },
          { key: "Unit", value: MEASURE_UNIT[m.unit] },
          { key: "Values it can take", value: valueRangeHint(rule) },
          { key: "Which way is better", value: MEASURE_DIRECTION[m.direction] },
          { key: "Source", value: m.source || null },
          {
            key: "Benchmark",
            value:
              m.benchmarkValue !== null
                ? `${value(m.benchmarkValue)}${m.benchmarkLabel ? `, ${m.benchmarkLabel}` : ""}${m.benchmarkDate ? ` (${formatDate(m.benchmarkDate)})` : ""}`
                : null,
          },
          {
            key: "Published measure",
            value: m.catalogueMeasure
              ? `${m.catalogueMeasure.name}: England, the region and the statistical neighbours are charted beside it (${m.catalogueMeasure.sourceName})`
              : "Not linked to a published measure",
          },
          { key: "Owner", value: m.owner?.name ?? "No owner" },
          {
            key: m.findings.length === 1 ? "Finding it evidences" : "Findings it evidences",
            value: (
              <ul>
                {m.findings.map((f) => (
                  <li key={f.id}>
                    {f.ref}. {findingTitle(f)}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />

      <h2 id="measure-chart" className="mb-4 text-2xl">
        Chart
      </h2>
      {/* The figures are in the tables below, so the chart's own copy of them starts closed. */}
      <MeasureChart chart={m.chart} titleId="measure-chart" figuresCollapsed />

      <h2 className="mb-4 text-2xl">Trajectory</h2>
      {status.trajectory.length === 0 ? (
        <p className="mb-8">No baseline, milestones or target have been set.</p>
      ) : (
        <div className="mb-8">
          <Table caption="Trajectory: baseline, milestones and target, in date order" columns={["Point", "Date", "Value"]}>
            {status.trajectory.map((p, i) => (
              <tr key={`${p.kind}-${String(p.date)}`} className={rowClass}>
                <td className={cell}>{pointName(i)}</td>
                <td className={cell}>{formatDate(p.date)}</td>
                <td className={cell}>{value(p.value)}</td>
              </tr>
            ))}
          </Table>
        </div>
      )}

      <h2 className="mb-4 text-2xl">Values</h2>
      {m.values.length === 0 ? (
        <p className="mb-8">No values have been entered yet.</p>
      ) : (
        <div className="mb-8">
          <Table caption="Values, newest first" columns={["Period ending", "Value", "Status", "Entered by", "Note"]}>
            {m.values.map((v) => (
              <tr key={v.id} className={rowClass}>
                <td className={`${cell} whitespace-nowrap`}>
                  {formatDate(v.periodEnd)}
                  {v.beforeBaseline ? <div className="text-secondary">Before the baseline: not judged</div> : null}
                </td>
                <td className={cell}>{value(v.value)}</td>
                <td className={cell}>
                  <ValueStatusTag status={v.status} />
                  {v.status === "PROVISIONAL" && m.viewerCan.enterValues ? (
                    <div className="mt-1">
                      <ValidateValueButton valueId={v.id} label={`the value for the period ending ${formatDate(v.periodEnd)}`} />
                    </div>
                  ) : null}
                </td>
                <td className={cell}>
                  {v.enteredBy?.name ?? "A former user"}
                  <div className="text-secondary">{formatDateTime(v.updatedAt)}</div>
                </td>
                <td className={`${cell} whitespace-pre-line`}>{v.note}</td>
              </tr>
            ))}
          </Table>
        </div>
      )}

      {m.viewerCan.enterValues ? (
        <div className="grid gap-x-12 lg:grid-cols-2">
          <RecordValueForm measureId={m.id} rule={rule} recorded={recorded} />
          <PasteValuesForm measureId={m.id} rule={rule} recorded={recorded} />
        </div>
      ) : null}

      {/* Changes to the target and milestones since the plan was accepted: what the area was first held to stays visible. */}
      <ChangeHistorySection slug={slug} entityType="Measure" entityId={m.id} what="measure" editHref={routes.measureEdit(slug, m.id)} />

      <EvidenceSection target={{ measureId: m.id }} canAdd={m.viewerCan.enterValues} canReview={m.viewerCan.reviewEvidence} />

      <CommentsSection target={{ measureId: m.id }} what="this measure" />
    </>
  );
}
