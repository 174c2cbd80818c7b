/**
 * The evidence part of an action, finding or measure page: the list (with the lead's review
 * controls) and the form to add a link or a file. A server component: it reads through the same
 * router (and so the same permission checks) as the browser; the controls below refresh the page
 * after a change (components/forms/use-refresh.ts).
 */
import { unstable_rethrow } from "next/navigation";
import { EvidencePanel } from "@/components/evidence/evidence-panel";
import { getQueryClient, trpc } from "@/server/api/rsc";
import type { EvidenceTarget } from "@/server/schemas/evidence";

export type EvidenceSectionProps = {
  /** Exactly one of actionId, findingId, measureId. */
  target: EvidenceTarget;
  /** Show the add form. Default: what the server says this viewer may do. */
  canAdd?: boolean;
  /** Show accept/reject and "ready for inspectors". Default: what the server says. */
  canReview?: boolean;
  /** The section heading's level (default 2); items are one level below. */
  headingLevel?: 2 | 3;
};

export async function EvidenceSection({ target, canAdd, canReview, headingLevel = 2 }: EvidenceSectionProps) {
  const id = `evidence-${target.actionId ?? target.findingId ?? target.measureId}-section`;
  const Heading = `h${headingLevel}` as const;
  let evidence;
  try {
    evidence = await getQueryClient().fetchQuery(trpc.evidence.forTarget.queryOptions(target));
  } catch (error) {
    // The rest of the page still shows; only this section says it failed.
    unstable_rethrow(error);
    evidence = null;
  }
  return (
    <section aria-labelledby={id} className="mt-10">
      <Heading id={id} className="mb-4 text-2xl">
        Evidence
      </Heading>
      {evidence ? (
        <EvidencePanel
          target={target}
          items={evidence.items}
          canAdd={canAdd ?? evidence.viewerCanAdd}
          canReview={canReview ?? evidence.viewerCanReview}
          canWithdraw={evidence.viewerCanWithdraw}
          headingLevel={headingLevel === 2 ? 3 : 4}
        />
      ) : (
        <p role="alert" className="mb-6 font-bold text-error">
          The evidence could not be loaded. Refresh the page to try again.
        </p>
      )}
    </section>
  );
}
