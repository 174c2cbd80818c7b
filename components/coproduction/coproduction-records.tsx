/** An action's co-production records: when families were involved, who, and how many. */
import { formatDate } from "@/lib/format/dates";
import { COPRODUCTION_PARTICIPANT, COPRODUCTION_STAGE } from "@/lib/labels";
import type { CoproductionRecord } from "@/components/trpc/outputs";

export function CoproductionRecords({ records }: { records: CoproductionRecord[] }) {
  if (records.length === 0) return <p className="mb-6">No co-production has been recorded on this action yet.</p>;
  return (
    <ol className="mb-6 space-y-4 border-l-4 border-border pl-6" aria-label="Co-production records, newest first">
      {records.map((r) => (
        <li key={r.id}>
          <h4 className="text-lg">
            {formatDate(r.date)}: {COPRODUCTION_STAGE[r.stage]}
          </h4>
          <p className="text-secondary">
            With {r.involved.map((p) => COPRODUCTION_PARTICIPANT[p].toLowerCase()).join(", ")}
            {r.familiesReached != null ? ` · ${r.familiesReached} ${r.familiesReached === 1 ? "family" : "families"} reached` : ""}
            {r.recordedBy ? ` · recorded by ${r.recordedBy}` : ""}
          </p>
          {r.note ? <p className="mt-1 max-w-3xl whitespace-pre-line">{r.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
