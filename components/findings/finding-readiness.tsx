/**
 * A finding's readiness as the area home and the finding page show it: delivery and impact side by
 * side (never merged into one score), each with how it is worked out; its measures; its actions.
 */
import Link from "next/link";
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { HowWorkedOut } from "@/components/ui/how-worked-out";
import { cell, rowClass, Table } from "@/components/ui/table";
import { ActionStatusTag, FindingDeliveryTag, FindingImpactTag, MeasureStatusTag, RagTag, Tag } from "@/components/ui/tag";
import type { Readiness } from "@/components/trpc/outputs";
import { routes } from "@/lib/routes";

export function FindingReadiness({ slug, finding }: { slug: string; finding: Readiness & { ref: string } }) {
  return (
    <>
    {/* Delivery and impact side by side, never merged into one score. */}
    <dl className="mb-4 grid gap-4 sm:grid-cols-2">
      <div className="border-l-4 border-border pl-4">
        <dt className="font-bold">Delivery (actions)</dt>
        <dd>
          <FindingDeliveryTag status={finding.delivery.status} />
          <HowWorkedOut>
            <p>{finding.delivery.explanation}</p>
          </HowWorkedOut>
        </dd>
      </div>
      <div className="border-l-4 border-border pl-4">
        <dt className="font-bold">Impact (measures)</dt>
        <dd>
          <FindingImpactTag status={finding.impact.status} />
          <HowWorkedOut>
            <p>{finding.impact.explanation}</p>
          </HowWorkedOut>
        </dd>
      </div>
    </dl>
    {finding.measures.length ? (
      <ul className="mb-4 space-y-1">
        {finding.measures.map((m) => (
          <li key={m.id}>
            <Link href={routes.measure(slug, m.id)}>
              {m.ref} {m.name}
            </Link>{" "}
            <MeasureStatusTag status={m.status} />
          </li>
        ))}
      </ul>
    ) : null}
    {finding.actions.length === 0 ? (
      <p>No actions yet.</p>
    ) : (
      <Table caption={`Actions for finding ${finding.ref}`} columns={["Ref", "Action", "Due", "Status", "Delivery"]}>
        {finding.actions.map((action) => (
          <tr key={action.id} className={rowClass}>
            <td className={`${cell} whitespace-nowrap`}>{action.ref}</td>
            <td className={cell}>
              <Link href={routes.action(slug, action.id)}>{action.title}</Link>
              <div className="text-secondary">
                {[action.leadOrganisation, action.ownerName].filter(Boolean).join(" · ") || "No owner yet"}
              </div>
              {action.update.overdue ? (
                <div className="mt-1">
                  <Tag colour="red">Update overdue</Tag>{" "}
                  <span className="text-secondary">by {pluralise(action.update.daysOverdue, "day")}</span>
                </div>
              ) : null}
            </td>
            <td className={`${cell} whitespace-nowrap`}>{formatDate(action.dueDate) || "None"}</td>
            <td className={cell}>
              <ActionStatusTag status={action.status} />
            </td>
            <td className={cell}>
              <RagTag rag={action.rag.shown} overridden={action.rag.override !== null} />
            </td>
          </tr>
        ))}
      </Table>
    )}
    </>
  );
}
