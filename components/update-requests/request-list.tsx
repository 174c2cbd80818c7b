/** The update requests sent on an action, and where each stands. */
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { cell, rowClass, Table } from "@/components/ui/table";
import { Tag, type TagColour } from "@/components/ui/tag";
import type { UpdateRequestState } from "@/components/trpc/outputs";
import { WithdrawRequestButton } from "@/components/update-requests/withdraw-request-button";

const STATE: Record<UpdateRequestState, { label: string; colour: TagColour }> = {
  WAITING: { label: "Waiting for an update", colour: "yellow" },
  USED: { label: "Update received", colour: "green" },
  REVOKED: { label: "Withdrawn", colour: "grey" },
  EXPIRED: { label: "Expired without an update", colour: "grey" },
};

export type SentRequest = {
  id: string;
  email: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  state: UpdateRequestState;
  sentBy: { name: string | null } | null;
};

/** `canWithdraw`: the lead, who sent the requests, may withdraw the ones still waiting. */
export function RequestList({ requests, canWithdraw = false }: { requests: SentRequest[]; canWithdraw?: boolean }) {
  if (requests.length === 0) return <p className="mb-8">Nobody has been asked for an update on this action yet.</p>;
  return (
    <div className="mb-8">
      <Table caption="Update requests sent on this action" captionHidden={false} columns={["Sent to", "Sent by", "Sent", "Link expires", "State"]}>
        {requests.map((r) => (
          <tr key={r.id} className={rowClass}>
            <td className={cell}>{r.email}</td>
            <td className={cell}>{r.sentBy?.name ?? "A former user"}</td>
            <td className={cell}>{formatDateTime(r.createdAt)}</td>
            <td className={cell}>{formatDate(r.expiresAt)}</td>
            <td className={cell}>
              <Tag colour={STATE[r.state].colour}>{STATE[r.state].label}</Tag>
              {r.usedAt ? <span className="block text-secondary">{formatDateTime(r.usedAt)}</span> : null}
              {r.revokedAt ? <span className="block text-secondary">{formatDateTime(r.revokedAt)}</span> : null}
              {canWithdraw && r.state === "WAITING" ? (
                <WithdrawRequestButton requestId={r.id} label={`the link sent to ${r.email} on ${formatDateTime(r.createdAt)}`} />
              ) : null}
            </td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
