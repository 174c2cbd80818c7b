/** Accepted impact evidence for a finding: what shows the work is making a difference. */
import { formatDate } from "@/lib/format/dates";
import { cell, rowClass, Table } from "@/components/ui/table";
import { VISIBILITY } from "@/lib/labels";
import type { FindingImpactEvidence as Item } from "@/components/trpc/outputs";

export function ImpactEvidence({ items, findingRef }: { items: Item[]; findingRef: string }) {
  if (items.length === 0) return <p className="mb-8">No impact evidence has been accepted for this finding yet.</p>;
  return (
    <div className="mb-8">
      <Table caption={`Accepted impact evidence for finding ${findingRef}`} columns={["Evidence", "For", "Accepted", "Who can see it"]}>
        {items.map((e) => (
          <tr key={e.id} className={rowClass}>
            <td className={cell}>
              {e.file ? (
                <a href={e.file.href}>
                  {e.title}
                  <span className="sr-only"> (file: {e.file.name})</span>
                </a>
              ) : e.url ? (
                <a href={e.url} rel="noreferrer">
                  {e.title}
                </a>
              ) : (
                e.title
              )}
              {e.file ? <div className="text-secondary">File: {e.file.name}</div> : null}
            </td>
            <td className={cell}>{e.attachedTo}</td>
            <td className={`${cell} whitespace-nowrap`}>{formatDate(e.reviewedAt) || "Accepted"}</td>
            <td className={cell}>{VISIBILITY[e.visibility]}</td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
