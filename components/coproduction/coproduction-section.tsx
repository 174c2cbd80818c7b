/**
 * Co-production on an action, for its page: the level claimed, the records, and (for the owner
 * and the lead) the forms to change them. Fetches through tRPC, as pages do.
 */
import { ClaimedLevelForm } from "@/components/coproduction/claimed-level-form";
import { CoproductionForm } from "@/components/coproduction/coproduction-form";
import { CoproductionRecords } from "@/components/coproduction/coproduction-records";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { COPRODUCTION_LEVEL } from "@/lib/labels";

export async function CoproductionSection({ actionId }: { actionId: string }) {
  const data = await getQueryClient().fetchQuery(trpc.forum.coproductionForAction.queryOptions({ id: actionId }));
  const id = `coproduction-${actionId}-section`;
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="mb-4 text-2xl">
        Co-production with families
      </h2>
      <p className="mb-6">
        The council claims:{" "}
        <strong>{data.action.claimedLevel ? COPRODUCTION_LEVEL[data.action.claimedLevel] : "no level of co-production"}</strong>
      </p>
      {data.viewerCan.record ? <ClaimedLevelForm key={data.action.version} action={data.action} /> : null}
      <h3 className="mb-4 text-xl">What has been done with families</h3>
      <CoproductionRecords records={data.records} />
      {data.viewerCan.record ? (
        <div className="border-l-4 border-brand pl-6">
          <CoproductionForm action={data.action} />
        </div>
      ) : null}
    </section>
  );
}
