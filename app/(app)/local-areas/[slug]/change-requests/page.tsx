import type { Metadata } from "next";
import Link from "next/link";
import { ChangeStatusTag, ChangeValues } from "@/components/change-requests/change-history";
import { DecideForm } from "@/components/change-requests/decide-form";
import { DecisionNotice } from "@/components/change-requests/decision-notice";
import { BackLink } from "@/components/ui/back-link";
import { formatDate } from "@/lib/format/dates";
import { cell, rowClass, Table } from "@/components/ui/table";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { CONTROLLED_FIELD } from "@/lib/labels";
import { routes } from "@/lib/routes";

type Params = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Change requests" };

/**
 * Changes to the accepted plan: those awaiting an adviser's decision (with Approve and Reject for
 * the area's advisers), then those decided.
 */
export default async function ChangeRequestsPage({ params }: Params) {
  const { slug } = await params;
  const { area, pending, decided, viewerCan } = await loadForPage(
    getQueryClient().fetchQuery(trpc.changeRequest.list.queryOptions({ slug })),
    routes.changeRequests(slug),
  );
  type Request = (typeof pending)[number];
  const recordLink = (r: Request) =>
    r.record ? (
      <Link href={r.record.kind === "Action" ? routes.action(slug, r.record.id) : routes.measure(slug, r.record.id)}>
        {r.record.kind === "Action" ? "Action" : "Measure"} {r.record.name}
      </Link>
    ) : (
      "A record that no longer exists"
    );
  const change = (r: Request) => <ChangeValues field={r.field} from={r.oldValue} to={r.newValue} unit={r.record?.unit ?? null} />;

  return (
    <>
      <BackLink href={routes.area(slug)}>Back to {area.name}</BackLink>
      <p className="mb-1 text-xl text-secondary">{area.name}</p>
      <h1 className="mb-4 text-4xl">Change requests</h1>
      <p className="mb-8 max-w-3xl">
        Once a plan is accepted, an action&apos;s title, description and due date, and a measure&apos;s target and milestones,
        change only when an adviser approves a request from the plan lead. Approved changes apply at once; the old value
        stays in the record&apos;s change history.
      </p>

      <DecisionNotice>
        <h2 className="mb-4 text-2xl">Awaiting a decision</h2>
        {pending.length === 0 ? (
          <p className="mb-10">No changes are awaiting a decision.</p>
        ) : (
          <ol className="mb-10 space-y-8" aria-label={`${pending.length} changes awaiting a decision`}>
            {pending.map((r) => {
              const label = `${CONTROLLED_FIELD[r.field].toLowerCase()} of ${r.record?.name ?? "a removed record"}`;
              return (
                <li key={r.id} className="max-w-3xl border-l-4 border-brand pl-6">
                  <h3 className="mb-2 text-xl">
                    {CONTROLLED_FIELD[r.field]}: {recordLink(r)}
                  </h3>
                  <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
                    <dt className="font-bold">Change</dt>
                    <dd>{change(r)}</dd>
                    <dt className="font-bold">Reason</dt>
                    <dd className="whitespace-pre-line">{r.reason}</dd>
                    <dt className="font-bold">Requested</dt>
                    <dd>
                      {r.requestedByName ?? "A former user"}, {formatDate(r.createdAt)}
                    </dd>
                  </dl>
                  {viewerCan.decide ? <DecideForm id={r.id} label={label} /> : <ChangeStatusTag status={r.status} />}
                </li>
              );
            })}
          </ol>
        )}
      </DecisionNotice>

      <h2 className="mb-4 text-2xl">Decided</h2>
      {decided.length === 0 ? (
        <p>No changes have been decided yet.</p>
      ) : (
        <Table caption="Decided changes, newest first" columns={["Record", "Field", "Change", "Reason", "Decision"]}>
          {decided.map((r) => (
            <tr key={r.id} className={rowClass}>
              <td className={cell}>{recordLink(r)}</td>
              <td className={cell}>{CONTROLLED_FIELD[r.field]}</td>
              <td className={cell}>{change(r)}</td>
              <td className={`${cell} whitespace-pre-line`}>{r.reason}</td>
              <td className={cell}>
                <ChangeStatusTag status={r.status} />
                <div className="text-secondary">
                  {r.decidedByName ?? "A former user"}, {formatDate(r.decidedAt)}
                </div>
                {r.decisionNote ? <div className="whitespace-pre-line">{r.decisionNote}</div> : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
