/** A finding's actions as families read them: what, which organisation, how far, by when. */
import { LastUpdated } from "@/components/public/last-updated";
import { formatDate } from "@/lib/format/dates";
import { cell, rowClass, Table } from "@/components/ui/table";
import { ActionStatusTag } from "@/components/ui/tag";
import type { PublicFinding } from "@/components/public/types";

export function WhatIsBeingDone({ finding }: { finding: PublicFinding }) {
  return (
    <>
      {finding.actions.length === 0 ? (
        <p className="mb-6">No actions have been agreed for this yet.</p>
      ) : (
        <div className="mb-6">
          <Table caption={`What is being done about area ${finding.ref}`} columns={["Action", "Led by", "Progress", "Due by", "Updated"]}>
            {finding.actions.map((a) => (
              <tr key={a.ref} className={rowClass}>
                <td className={cell}>{a.title}</td>
                <td className={cell}>{a.organisation ?? "Not yet agreed"}</td>
                <td className={cell}>
                  <ActionStatusTag status={a.status} />
                </td>
                <td className={`${cell} whitespace-nowrap`}>{formatDate(a.dueDate) || "No date set"}</td>
                <td className={cell}>
                  <LastUpdated date={a.lastUpdated} stale={a.stale} />
                </td>
              </tr>
            ))}
          </Table>
        </div>
      )}
      {finding.evidence.length ? (
        <>
          <h4 className="mb-2 text-xl">Published documents</h4>
          <ul className="mb-6 list-disc space-y-1 pl-5">
            {finding.evidence.map((e, i) => (
              <li key={`${i}-${e.title}`}>
                {e.url ? <a href={e.url}>{e.title}</a> : e.title}{" "}
                <LastUpdated date={e.lastUpdated} stale={e.stale} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
