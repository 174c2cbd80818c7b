/**
 * A plan's place in the area's history, as the plan history page and a plan's own read-only page
 * both show it: its status and dates, the inspection it answers, its follow-up and what that
 * judged, and the plans before and after it.
 */
import Link from "next/link";
import { SummaryList } from "@/components/ui/summary-list";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { formatDate, formatDateRange } from "@/lib/format/dates";
import { INSPECTION_KIND, PLAN_STATUS, PLAN_TYPE } from "@/lib/labels";
import { routes } from "@/lib/routes";

type PlanSummary = RouterOutputs["plan"]["list"]["plans"][number];
type Inspection = NonNullable<PlanSummary["sourceInspection"]>;
type PlanLink = NonNullable<PlanSummary["predecessor"]>;

/** "Revisit 4 to 6 October 2022", "Revisit expected 3 March 2027 (estimate)", "Full inspection, dates not recorded". */
export function inspectionWords(i: Inspection): string {
  const kind = INSPECTION_KIND[i.kind];
  if (i.startDate) return `${kind} ${formatDateRange(i.startDate, i.endDate)}`;
  if (i.expectedDate) return `${kind} expected ${formatDate(i.expectedDate)}${i.dateIsEstimate ? " (estimate)" : ""}`;
  return `${kind}, dates not recorded`;
}

function PlanLinkText({ slug, plan }: { slug: string; plan: PlanLink }) {
  return (
    <Link href={routes.planRecord(slug, plan.id)}>
      {PLAN_TYPE[plan.type]}: {plan.title}
    </Link>
  );
}

export function PlanFacts({ slug, plan }: { slug: string; plan: PlanSummary }) {
  return (
    <SummaryList
      rows={[
        { key: "Type", value: PLAN_TYPE[plan.type] },
        { key: "Status", value: `${PLAN_STATUS[plan.status]}${plan.isCurrent ? " (the area's current plan)" : ""}` },
        { key: "Started in Headway", value: formatDate(plan.createdAt) },
        { key: "Submitted", value: formatDate(plan.submittedDate) || null },
        { key: "Accepted", value: formatDate(plan.acceptedDate) || null },
        {
          key: "Answers",
          value: plan.sourceInspection ? (
            <>
              {inspectionWords(plan.sourceInspection)}
              {plan.sourceInspection.reportUrl ? (
                <>
                  {" "}
                  (<a href={plan.sourceInspection.reportUrl} rel="noopener noreferrer">published report</a>)
                </>
              ) : null}
            </>
          ) : null,
        },
        { key: "Follow-up inspection", value: plan.followUpInspection ? inspectionWords(plan.followUpInspection) : null },
        {
          key: "Judgements",
          value: plan.outcome ? (
            <>
              {plan.outcome.short}
              <span className="block text-base text-secondary">{plan.outcome.sentence}</span>
            </>
          ) : (
            `No finding judged yet${plan.findings ? ` (${plan.findings} ${plan.findings === 1 ? "finding" : "findings"})` : ""}`
          ),
        },
        { key: "Continues", value: plan.predecessor ? <PlanLinkText slug={slug} plan={plan.predecessor} /> : "No earlier plan" },
        {
          key: "Followed by",
          value: plan.successors.length ? (
            <ul className="space-y-1">
              {plan.successors.map((s) => (
                <li key={s.id}>
                  <PlanLinkText slug={slug} plan={s} />
                </li>
              ))}
            </ul>
          ) : (
            "No later plan"
          ),
        },
      ]}
    />
  );
}

/** A plan's snapshots, each linking to what changed since it and (for those who may) its board pack. */
export function PlanSnapshots({ slug, snapshots, headingLevel = 3 }: { slug: string; snapshots: PlanSummary["snapshots"]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <Heading className={headingLevel === 2 ? "mb-2 text-2xl" : "mb-2 text-xl"}>Snapshots</Heading>
      {snapshots.length === 0 ? (
        <p className="mb-6">No snapshot was taken of this plan.</p>
      ) : (
        <ul className="mb-6 list-disc space-y-1 pl-6">
          {snapshots.map((s) => (
            <li key={s.id}>
              <Link href={routes.snapshot(slug, s.id)}>{s.label}</Link>{" "}
              <span className="text-secondary">
                taken {formatDate(s.takenAt)}
                {s.takenBy ? ` by ${s.takenBy}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
