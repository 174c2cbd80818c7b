import type { Metadata } from "next";
import Link from "next/link";
import { formatMeasureValue } from "@/lib/format/measure-value";
import { MeasureStatusTag, Tag, type TagColour } from "@/components/ui/tag";
import { BackLink } from "@/components/ui/back-link";
import { buttonClass } from "@/components/ui/button";
import { formatDate } from "@/lib/format/dates";
import { HowWorkedOut } from "@/components/ui/how-worked-out";
import { cell, rowClass, Table } from "@/components/ui/table";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { MEASURE_TREND, PLAN_TYPE } from "@/lib/labels";
import type { MeasureTrend } from "@/server/domain/measure-trend";
import { routes } from "@/lib/routes";

type Params = { params: Promise<{ slug: string }> };

const TREND_COLOUR: Record<MeasureTrend, TagColour> = { IMPROVING: "green", WORSENING: "red", NO_CHANGE: "grey", NOT_ENOUGH_VALUES: "grey" };

async function load(slug: string) {
  return loadForPage(getQueryClient().fetchQuery(trpc.measure.list.queryOptions({ slug })), routes.measures(slug));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const { area } = await load(slug);
  return { title: `Measures – ${area.name}` };
}

export default async function MeasuresPage({ params }: Params) {
  const { slug } = await params;
  const { area, plan, measures, viewerCan } = await load(slug);

  return (
    <>
      <BackLink href={routes.area(slug)}>Back to {area.name}</BackLink>
      <p className="mb-1 text-xl text-secondary">{plan ? `${area.name}: ${PLAN_TYPE[plan.type]}` : area.name}</p>
      <h1 className="mb-6 text-4xl">Measures</h1>
      {!plan ? (
        <p>This local area has no current improvement plan.</p>
      ) : (
        <>
          <p className="mb-6 max-w-3xl">
            How the plan shows its impact: each measure&apos;s latest value against the trajectory from its baseline, through its
            milestones, to its target.
          </p>
          {viewerCan.create ? (
            <p className="mb-8">
              <Link href={routes.measureNew(slug)} className={`${buttonClass.primary} text-white! no-underline`}>
                Add a measure
              </Link>
            </p>
          ) : null}
          {measures.length === 0 ? (
            <p className="mb-8">No measures have been added to this plan yet.</p>
          ) : (
            <Table caption={`Measures of the ${PLAN_TYPE[plan.type].toLowerCase()}`} columns={["Ref", "Measure", "Latest value", "Trend", "Target", "Status"]}>
              {measures.map((m) => (
                <tr key={m.id} className={rowClass}>
                  <td className={`${cell} whitespace-nowrap`}>{m.ref}</td>
                  <td className={cell}>
                    <Link href={routes.measure(slug, m.id)}>{m.name}</Link>
                    <div className="text-secondary">
                      {m.findingRefs.length === 1 ? "Finding " : "Findings "}
                      {m.findingRefs.join(", ")}
                      {m.ownerName ? ` · ${m.ownerName}` : ""}
                    </div>
                  </td>
                  <td className={cell}>
                    {m.latest ? (
                      <>
                        {formatMeasureValue(m.latest.value, m.unit)}
                        <div className="text-secondary">to {formatDate(m.latest.periodEnd)}</div>
                      </>
                    ) : (
                      <span className="text-secondary">No values yet</span>
                    )}
                  </td>
                  <td className={cell}>
                    <Tag colour={TREND_COLOUR[m.trend.trend]}>{MEASURE_TREND[m.trend.trend]}</Tag>
                    {m.trend.previous ? (
                      <div className="text-secondary">
                        from {formatMeasureValue(m.trend.previous.value, m.unit)} in the period to {formatDate(m.trend.previous.periodEnd)}
                      </div>
                    ) : null}
                  </td>
                  <td className={cell}>
                    {m.targetValue !== null ? (
                      <>
                        {formatMeasureValue(m.targetValue, m.unit)}
                        <div className="text-secondary">by {formatDate(m.targetDate)}</div>
                      </>
                    ) : (
                      <span className="text-secondary">Not set</span>
                    )}
                  </td>
                  <td className={cell}>
                    <MeasureStatusTag status={m.status.status} />
                  </td>
                </tr>
              ))}
            </Table>
          )}
          <div className="mt-6">
            <HowWorkedOut label="How the status and trend are worked out">
              <p className="mb-2">
                Each measure has a trajectory: straight lines from its baseline, through its milestones, to its target. The
                latest value is compared with where the trajectory was at the end of that value&apos;s period.
              </p>
              <p className="mb-2">
                On track when it meets the trajectory in the measure&apos;s direction (higher or lower is better); slightly
                behind when it falls short by no more than a tenth of the change planned from baseline to target; off track
                beyond that.
              </p>
              <p className="mb-2">
                No recent data when no value has been entered for two update cycles of the plan. Values for periods before the
                baseline are kept as history but not judged. Each measure&apos;s page shows its own figures.
              </p>
              <p>
                The trend compares the latest value with the one before it, in the measure&apos;s direction: improving when it
                moved the way that is better (up when higher is better, down when lower is better), worsening when it moved the
                other way, no change when it is the same. A trend needs two values since the baseline.
              </p>
            </HowWorkedOut>
          </div>
        </>
      )}
    </>
  );
}
