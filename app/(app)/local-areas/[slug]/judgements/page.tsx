import type { Metadata } from "next";
import Link from "next/link";
import { JudgementForm } from "@/components/judgements/judgement-form";
import { StartAppPanel } from "@/components/judgements/start-app-panel";
import { BackLink } from "@/components/ui/back-link";
import { formatDate } from "@/lib/format/dates";
import { cell, rowClass, Table } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { isInsufficient } from "@/server/domain/follow-on-plan";
import { INSPECTION_KIND, JUDGEMENT, PLAN_STATUS, PLAN_TYPE } from "@/lib/labels";
import { fromDay } from "@/lib/calendar";
import { routes } from "@/lib/routes";
import { findingTitle } from "@/lib/format/finding-title";

type Params = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Judgements" };

/**
 * The judgement a revisit or monitoring inspection made on each finding of the current plan, with
 * the letter that made it. Advisers record them; after insufficient progress on a WSOA, the plan
 * lead starts an Accelerated Progress Plan from here.
 */
export default async function JudgementsPage({ params }: Params) {
  const { slug } = await params;
  const { area, plan, inspections, app, viewerCan } = await loadForPage(
    getQueryClient().fetchQuery(trpc.adviser.judgements.queryOptions({ slug })),
    routes.judgements(slug),
  );
  const inspectionLabel = (i: (typeof inspections)[number]) => {
    const date = i.startDate ?? i.expectedDate;
    return `${INSPECTION_KIND[i.kind]}${date ? ` ${i.startDate ? "on" : "expected"} ${formatDate(date)}` : ""}`;
  };
  const held = inspections.filter((i) => i.startDate);

  return (
    <>
      <BackLink href={routes.area(slug)}>Back to {area.name}</BackLink>
      <p className="mb-1 text-xl text-secondary">{area.name}</p>
      <h1 className="mb-4 text-4xl">Judgements</h1>
      {!plan ? (
        <p>This local area has no current improvement plan.</p>
      ) : (
        <>
          <p className="mb-2 text-xl">
            {plan.title} <Tag colour="grey">{PLAN_STATUS[plan.status]}</Tag>
          </p>
          {plan.predecessor ? (
            <p className="mb-6 max-w-3xl">
              This {PLAN_TYPE[plan.type].toLowerCase()} follows on from {plan.predecessor.title}. It carries forward{" "}
              {plan.findings.length === 1 ? "one finding" : `${plan.findings.length} findings`}: {plan.findings.map((f) => f.ref).join(", ")}.
            </p>
          ) : (
            <p className="mb-6 max-w-3xl">
              At a revisit (2016 framework) inspectors judge whether each area of significant weakness has made sufficient
              progress; at a monitoring inspection (2023 framework) whether action on each priority area has been effective.
            </p>
          )}

          <h2 className="mb-4 text-2xl">Each finding&apos;s judgement</h2>
          <div className="mb-10">
            <Table caption={`Judgements on the findings of ${plan.title}`} columns={["Finding", "Judgement", "Date", "Letter"]}>
              {plan.findings.map((f) => (
                <tr key={f.id} className={rowClass}>
                  <td className={cell}>
                    <Link href={routes.finding(slug, f.id)}>
                      {f.ref}. {findingTitle(f)}
                    </Link>
                  </td>
                  <td className={cell}>
                    {f.judgement ? <Tag colour={isInsufficient(f.judgement) ? "red" : "green"}>{JUDGEMENT[f.judgement]}</Tag> : "Not yet judged"}
                  </td>
                  <td className={cell}>{formatDate(f.judgementDate) || "None"}</td>
                  <td className={cell}>
                    {f.judgementSource ? (
                      <a href={f.judgementSource} rel="noopener noreferrer">
                        Published letter<span className="sr-only"> for finding {f.ref}</span>
                      </a>
                    ) : (
                      "None"
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          </div>

          {viewerCan.startApp && app?.eligible ? <StartAppPanel slug={slug} wsoaTitle={plan.title} carriedForward={app.carriedForward} /> : null}
          {viewerCan.startApp && app && !app.eligible && plan.type === "WSOA" ? (
            <p className="mb-10 max-w-3xl">
              <strong>Accelerated progress plan: </strong>
              {app.reason}
            </p>
          ) : null}

          {viewerCan.judge ? (
            <section aria-labelledby="record-judgements">
              <h2 id="record-judgements" className="mb-4 text-2xl">
                Record the judgements
              </h2>
              {plan.findings.map((f) => (
                <div key={f.id} className="mb-10 max-w-3xl border-t border-border pt-6">
                  <h3 className="mb-4 text-xl">
                    Finding {f.ref}: {findingTitle(f)}
                  </h3>
                  <JudgementForm
                    finding={{ ...f, judgementDate: fromDay(f.judgementDate) }}
                    allowed={f.judgementsAllowed}
                    inspections={inspections.map((i) => ({ id: i.id, label: inspectionLabel(i) }))}
                    defaultInspectionId={held[0]?.id ?? ""}
                  />
                </div>
              ))}
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
