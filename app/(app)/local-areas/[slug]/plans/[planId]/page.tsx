import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlanFacts, PlanSnapshots } from "@/components/plan-history/plan-facts";
import { BackLink } from "@/components/ui/back-link";
import { ActionStatusTag, Tag } from "@/components/ui/tag";
import { cell, rowClass, Table } from "@/components/ui/table";
import { formatDate } from "@/lib/format/dates";
import { formatMeasureValue } from "@/lib/format/measure-value";
import { FINDING_KIND, JUDGEMENT, PLAN_STATUS, PLAN_TYPE } from "@/lib/labels";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";
import { findingTitle } from "@/lib/format/finding-title";

type Params = { params: Promise<{ slug: string; planId: string }> };

async function load(slug: string, planId: string) {
  const plan = await loadForPage(getQueryClient().fetchQuery(trpc.plan.record.queryOptions({ id: planId })), routes.planRecord(slug, planId));
  // The address must name the plan's own area.
  if (plan.localArea.slug !== slug) notFound();
  return plan;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, planId } = await params;
  const plan = await load(slug, planId);
  return { title: plan.title };
}

/**
 * One plan as it stands, to read: its findings with their judgements, actions and measures, where
 * each went on to, and its snapshots. No edit controls: a closed or superseded plan is history, and
 * the current plan is changed from its own pages.
 */
export default async function PlanRecordPage({ params }: Params) {
  const { slug, planId } = await params;
  const plan = await load(slug, planId);
  const measureById = new Map(plan.measures.map((m) => [m.id, m]));
  return (
    <>
      <BackLink href={routes.plans(slug)}>Back to the area&apos;s plans</BackLink>
      <p className="mb-1 text-xl text-secondary">
        {plan.localArea.name} · {PLAN_TYPE[plan.type]}
      </p>
      <h1 className="mb-4 text-4xl">{plan.title}</h1>
      <p className="mb-4">
        <Tag colour={plan.isCurrent ? "blue" : plan.ended ? "grey" : "yellow"}>{PLAN_STATUS[plan.status]}</Tag>
      </p>
      {plan.ended ? (
        <div className="mb-8 max-w-3xl border-l-[10px] border-border bg-panel p-4">
          <p className="mb-0">
            This plan has ended{plan.status === "SUPERSEDED" ? ": it was superseded by the plan that carried its findings forward" : ""}. It is
            shown as it was left, to read only.
            {plan.successors.length ? (
              <>
                {" "}
                The work goes on in{" "}
                {plan.successors.map((s, i) => (
                  <span key={s.id}>
                    {i > 0 ? ", " : ""}
                    <Link href={routes.planRecord(slug, s.id)}>{s.title}</Link>
                  </span>
                ))}
                .
              </>
            ) : null}
          </p>
        </div>
      ) : plan.isCurrent ? (
        <p className="mb-8 max-w-3xl">
          This is the area&apos;s current plan, shown here to read. Work on it from <Link href={routes.area(slug)}>the area&apos;s home page</Link>.
        </p>
      ) : null}

      <PlanFacts slug={slug} plan={plan} />

      <h2 className="mb-4 text-3xl">Findings</h2>
      {plan.findingList.length === 0 ? <p className="mb-8">This plan has no findings.</p> : null}
      {plan.findingList.map((f) => (
        <section key={f.id} aria-labelledby={`finding-${f.id}`} className="mb-10">
          <h3 id={`finding-${f.id}`} className="mb-1 text-2xl">
            <Link href={routes.finding(slug, f.id)}>
              Finding {f.ref}: {findingTitle(f)}
            </Link>
          </h3>
          <p className="mb-2 text-secondary">{FINDING_KIND[f.kind]}</p>
          <p className="mb-2">
            {f.judgement ? (
              <>
                <span className="font-bold">{JUDGEMENT[f.judgement]}</span>
                {f.judgementDate ? `, judged ${formatDate(f.judgementDate)}` : ""}
                {f.judgementSource ? (
                  <>
                    {" "}
                    (<a href={f.judgementSource} rel="noopener noreferrer">published letter<span className="sr-only"> for finding {f.ref}</span></a>)
                  </>
                ) : null}
              </>
            ) : (
              "Not judged yet"
            )}
          </p>
          {f.predecessor ? (
            <p className="mb-2">
              <Link href={routes.finding(slug, f.predecessor.id)}>
                Continues finding {f.predecessor.ref} of {f.predecessor.plan.title}
              </Link>
            </p>
          ) : null}
          {f.successors.map((s) => (
            <p key={s.id} className="mb-2">
              <Link href={routes.finding(slug, s.id)}>
                Carried forward as finding {s.ref} of {s.plan.title}
              </Link>
            </p>
          ))}

          {f.actions.length === 0 ? (
            <p className="mb-4">No actions.</p>
          ) : (
            <Table caption={`Actions of finding ${f.ref}`} captionHidden={false} columns={["Action", "Status", "Progress", "Owner", "Due", "Carried into"]}>
              {f.actions.map((a) => (
                <tr key={a.id} className={rowClass}>
                  <th scope="row" className={`${cell} font-normal`}>
                    <Link href={routes.action(slug, a.id)}>
                      {a.ref} {a.title}
                    </Link>
                  </th>
                  <td className={cell}>
                    <ActionStatusTag status={a.status} />
                  </td>
                  <td className={cell}>{a.progress}%</td>
                  <td className={cell}>{a.ownerName ?? "Not assigned"}</td>
                  <td className={cell}>{formatDate(a.dueDate) || "No date"}</td>
                  <td className={cell}>
                    {a.successors.length
                      ? a.successors.map((s) => (
                          <Link key={s.id} href={routes.action(slug, s.id)} className="block">
                            Action {s.ref} of {s.plan.title}
                          </Link>
                        ))
                      : "Not carried"}
                  </td>
                </tr>
              ))}
            </Table>
          )}
          {f.measureIds.length ? (
            <div className="mt-6">
              <Table caption={`Measures of finding ${f.ref}`} captionHidden={false} columns={["Measure", "Latest value", "Target", "Now in"]}>
                {f.measureIds.map((id) => {
                  const m = measureById.get(id)!;
                  return (
                    <tr key={id} className={rowClass}>
                      <th scope="row" className={`${cell} font-normal`}>
                        <Link href={routes.measure(slug, m.id)}>
                          {m.ref} {m.name}
                        </Link>
                      </th>
                      <td className={cell}>
                        {m.latest ? `${formatMeasureValue(m.latest.value, m.unit)} for the period ending ${formatDate(m.latest.periodEnd)}` : "No values"}
                      </td>
                      <td className={cell}>
                        {m.targetValue !== null ? `${formatMeasureValue(m.targetValue, m.unit)}${m.targetDate ? ` by ${formatDate(m.targetDate)}` : ""}` : "No target"}
                      </td>
                      <td className={cell}>{m.movedTo ? <Link href={routes.planRecord(slug, m.movedTo.id)}>{m.movedTo.title}</Link> : "This plan"}</td>
                    </tr>
                  );
                })}
              </Table>
            </div>
          ) : null}
        </section>
      ))}

      <PlanSnapshots slug={slug} snapshots={plan.snapshots} headingLevel={2} />
    </>
  );
}
