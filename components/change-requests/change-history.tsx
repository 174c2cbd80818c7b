/**
 * An action's or measure's change history: every change requested since the plan was accepted,
 * with the old value kept beside the new, the reason, who asked and who decided.
 */
import { formatChangeValue } from "@/components/change-requests/format";
import { formatDate } from "@/lib/format/dates";
import { cell, rowClass, Table } from "@/components/ui/table";
import { Tag, type TagColour } from "@/components/ui/tag";
import { CHANGE_REQUEST_STATUS, CONTROLLED_FIELD } from "@/lib/labels";
import type { ControlledField, ControlledValue } from "@/server/domain/change-control";
import type { ChangeRequestStatus, MeasureUnit } from "@/server/generated/prisma/enums";
import type { ChangeHistoryRequest as Request } from "@/components/trpc/outputs";

const STATUS_COLOUR: Record<ChangeRequestStatus, TagColour> = { PENDING: "yellow", APPROVED: "green", REJECTED: "red" };

export function ChangeStatusTag({ status }: { status: ChangeRequestStatus }) {
  return <Tag colour={STATUS_COLOUR[status]}>{CHANGE_REQUEST_STATUS[status]}</Tag>;
}

/** The old value struck through above the new one; a screen reader hears "From … to …". */
export function ChangeValues({ field, from, to, unit }: { field: ControlledField; from: ControlledValue; to: ControlledValue; unit: MeasureUnit | null }) {
  return (
    <>
      <span className="block">
        <span className="sr-only">From </span>
        <del>{formatChangeValue(field, from, unit)}</del>
      </span>
      <span className="block">
        <span aria-hidden="true">→ </span>
        <span className="sr-only">to </span>
        {formatChangeValue(field, to, unit)}
      </span>
    </>
  );
}

export function ChangeHistory({ requests, what }: { requests: Request[]; what: string }) {
  return (
    <section aria-labelledby="change-history" className="mb-10">
      <h2 id="change-history" className="mb-4 text-2xl">
        Change history
      </h2>
      {requests.length === 0 ? (
        <p>No changes have been requested to this {what} since the plan was accepted.</p>
      ) : (
        <Table caption={`Changes requested to this ${what}, newest first`} columns={["Field", "Change", "Reason", "Requested", "Decision"]}>
          {requests.map((r) => (
            <tr key={r.id} className={rowClass}>
              <td className={cell}>{CONTROLLED_FIELD[r.field]}</td>
              <td className={cell}>
                <ChangeValues field={r.field} from={r.oldValue} to={r.newValue} unit={r.record?.unit ?? null} />
              </td>
              <td className={`${cell} whitespace-pre-line`}>{r.reason}</td>
              <td className={cell}>
                {r.requestedByName ?? "A former user"}
                <div className="text-secondary">{formatDate(r.createdAt)}</div>
              </td>
              <td className={cell}>
                <ChangeStatusTag status={r.status} />
                {r.decidedAt ? (
                  <div className="text-secondary">
                    {r.decidedByName ?? "A former user"}, {formatDate(r.decidedAt)}
                  </div>
                ) : null}
                {r.decisionNote ? <div className="whitespace-pre-line">{r.decisionNote}</div> : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
