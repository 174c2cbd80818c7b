/**
 * A finding's actions as its page lists them: each with its owner, due date, status and delivery
 * RAG, and whether its update is overdue. Delivery and impact themselves are summed up above them
 * (finding-at-a-glance.tsx), side by side and never merged into one score.
 */
import Link from "next/link";
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { cell, rowClass, Table } from "@/components/ui/table";
import { ActionStatusTag, RagTag, Tag } from "@/components/ui/tag";
import type { Readiness } from "@/components/trpc/outputs";
import { routes } from "@/lib/routes";

export function FindingActions({ slug, finding }: { slug: string; finding: Pick<Readiness, "actions"> & { ref: string } }) {
  if (finding.actions.length === 0) return <p className="mb-4">No actions yet.</p>;
  return (
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
                <Tag colour="red">Update overdue</Tag> <span className="text-secondary">by {pluralise(action.update.daysOverdue, "day")}</span>
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
  );
}
