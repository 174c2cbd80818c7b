/**
 * The change history of an action or measure, for its page: fetched through tRPC, as pages do.
 * On an accepted plan, the plan lead is pointed at where to request a change.
 */
import Link from "next/link";
import { ChangeHistory } from "@/components/change-requests/change-history";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

type Props = { slug: string; entityType: "Action" | "Measure"; entityId: string; what: string; editHref: string };

export async function ChangeHistorySection({ slug, entityType, entityId, what, editHref }: Props) {
  const history = await getQueryClient().fetchQuery(trpc.changeRequest.history.queryOptions({ entityType, entityId }));
  if (!history.planAccepted && history.requests.length === 0) return null;
  return (
    <>
      <ChangeHistory requests={history.requests} what={what} />
      {history.planAccepted && history.viewerCan.request ? (
        <p className="-mt-6 mb-10">
          <Link href={editHref}>Request a change to this {what}</Link>
        </p>
      ) : null}
      {history.viewerCan.decide && history.requests.some((r) => r.status === "PENDING") ? (
        <p className="-mt-6 mb-10">
          <Link href={routes.changeRequests(slug)}>Decide the changes awaiting you</Link>
        </p>
      ) : null}
    </>
  );
}
