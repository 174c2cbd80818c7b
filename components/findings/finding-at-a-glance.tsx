/**
 * Where a finding stands, at the top of its page: delivery and impact side by side (never merged
 * into one score), each with its counts and how it is worked out; the evidence by where its review
 * stands; the forum's verdict on the finding; the adviser's latest view (for those who may read it);
 * and the last update on its actions. Each links down to the section with the detail.
 */
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { deliveryCountsLine, evidenceCountsLine, measureCountsLine, type EvidenceCounts } from "@/lib/format/finding-counts";
import { HowWorkedOut } from "@/components/ui/how-worked-out";
import { AdviserViewTag, FindingDeliveryTag, FindingImpactTag, Tag, VerdictTag } from "@/components/ui/tag";
import type { FindingAdviserNote, FindingVerdict, Readiness } from "@/components/trpc/outputs";

type Glance = Pick<Readiness, "delivery" | "impact" | "updates"> & {
  evidence: { counts: EvidenceCounts };
  verdicts: FindingVerdict[];
  /** Absent for those who may not read advisers' notes. */
  adviserNotes?: FindingAdviserNote[];
};

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="border-b border-border py-3 sm:grid sm:grid-cols-[12rem_1fr] sm:gap-x-5">
      <dt className="font-bold">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** `to`: the ids of the sections below that hold the detail. */
export function FindingAtAGlance({ finding, to }: { finding: Glance; to: { actions: string; measures: string; evidence: string; forum: string } }) {
  const { delivery, impact, updates } = finding;
  const onFinding = finding.verdicts.find((v) => v.current && v.action === null) ?? null;
  const disagreements = finding.verdicts.filter((v) => v.current && v.verdict === "DISAGREE").length;
  const latestNote = finding.adviserNotes?.[0] ?? null;
  return (
    <dl className="mb-8 border-t border-border">
      <Row label="Delivery (actions)">
        <FindingDeliveryTag status={delivery.status} />
        <p className="mt-1">
          <a href={`#${to.actions}`}>{deliveryCountsLine(delivery.counts)}</a>
        </p>
        <HowWorkedOut>
          <p>{delivery.explanation}</p>
        </HowWorkedOut>
      </Row>
      <Row label="Impact (measures)">
        <FindingImpactTag status={impact.status} />
        <p className="mt-1">
          <a href={`#${to.measures}`}>{measureCountsLine(impact.counts)}</a>
        </p>
        <HowWorkedOut>
          <p>{impact.explanation}</p>
        </HowWorkedOut>
      </Row>
      <Row label="Evidence">
        <p>
          <a href={`#${to.evidence}`}>{evidenceCountsLine(finding.evidence.counts)}</a>
        </p>
        <p className="mt-1 text-base text-secondary">
          {pluralise(impact.acceptedImpactEvidence, "accepted impact evidence item", "accepted impact evidence items")}{" "}
          {impact.acceptedImpactEvidence === 1 ? "counts" : "count"} towards impact
        </p>
      </Row>
      <Row label="Parent carer forum">
        {onFinding ? (
          <p>
            <VerdictTag verdict={onFinding.verdict} /> <span className="text-secondary">{formatDate(onFinding.createdAt)}</span>
          </p>
        ) : (
          <p>No verdict on the finding yet</p>
        )}
        {disagreements > 0 ? (
          <p className="mt-1">
            <Tag colour="red">{pluralise(disagreements, "disagreement")}</Tag> <a href={`#${to.forum}`}>What the forum says</a>
          </p>
        ) : null}
      </Row>
      {finding.adviserNotes ? (
        <Row label="Adviser's view">
          {latestNote?.view ? (
            <p>
              <AdviserViewTag view={latestNote.view} bare /> <span className="text-secondary">{formatDate(latestNote.date)}</span>
            </p>
          ) : (
            <p>{latestNote ? `No view given in the latest note, ${formatDate(latestNote.date)}` : "No view recorded"}</p>
          )}
        </Row>
      ) : null}
      <Row label="Last update">
        <p>{updates.latestAt ? formatDate(updates.latestAt) : "No update posted yet"}</p>
        {updates.overdue > 0 ? (
          <p className="mt-1">
            <Tag colour="red">{pluralise(updates.overdue, "update", "updates")} overdue</Tag>
          </p>
        ) : null}
      </Row>
    </dl>
  );
}
