/** The area's API tokens: what each may do, who made it, until when, when it was last used, and where it stands. */
import { RevokeTokenButton } from "@/components/api-tokens/revoke-token-button";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { cell, rowClass, Table } from "@/components/ui/table";
import { Tag, type TagColour } from "@/components/ui/tag";
import { formatDate, formatDateTime } from "@/lib/format/dates";

type ApiTokenRow = RouterOutputs["apiToken"]["list"]["tokens"][number];

const STATE: Record<ApiTokenRow["state"], { label: string; colour: TagColour }> = {
  ACTIVE: { label: "Working", colour: "green" },
  REVOKED: { label: "Revoked", colour: "grey" },
  EXPIRED: { label: "Past its last day", colour: "grey" },
  INACTIVE: { label: "Stopped: its maker is no longer a plan lead or administrator", colour: "orange" },
};

export function TokenList({ tokens }: { tokens: ApiTokenRow[] }) {
  if (tokens.length === 0) return <p className="mb-8">No tokens have been made for this area.</p>;
  return (
    <div className="mb-8">
      <Table caption="The area's API tokens" columns={["Name", "May", "Made", "Last day", "Last used", "State"]}>
        {tokens.map((t) => (
          <tr key={t.id} className={rowClass}>
            <td className={cell}>
              {t.name}
              <span className="block font-mono text-secondary">{t.prefix}…</span>
            </td>
            <td className={cell}>
              <ul>
                {t.scopes.map((s) => (
                  <li key={s}>
                    <code>{s}</code>
                  </li>
                ))}
              </ul>
            </td>
            <td className={cell}>
              {formatDate(t.createdAt)}
              <span className="block text-secondary">by {t.createdBy?.name ?? "a former user"}</span>
            </td>
            <td className={cell}>{formatDate(t.lastDay)}</td>
            <td className={cell}>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}</td>
            <td className={cell}>
              <Tag colour={STATE[t.state].colour}>{STATE[t.state].label}</Tag>
              {t.revokedAt ? (
                <span className="block text-secondary">
                  {formatDateTime(t.revokedAt)}
                  {t.revokedBy?.name ? ` by ${t.revokedBy.name}` : ""}
                </span>
              ) : null}
              {t.state === "ACTIVE" || t.state === "INACTIVE" ? <RevokeTokenButton tokenId={t.id} name={t.name} /> : null}
            </td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
