/**
 * The forum's verdict on an action or a finding, for its page: the history for everyone who reads
 * the area, the form for a forum member who may give it. Fetches through tRPC, as pages do, unless
 * the page read the verdicts with its own data (`verdicts`, what forum.verdictsFor answers).
 *
 * A page may show the two apart: the history high up (`showForm={false}`), beside the council's
 * claims, and the form further down (`showHistory={false}`), after what was done, so the forum
 * reads the co-production records and evidence before it is asked for its verdict.
 */
import { VerdictForm } from "@/components/forum/verdict-form";
import { VerdictHistory } from "@/components/forum/verdict-history";
import { getQueryClient, trpc } from "@/server/api/rsc";
import type { VerdictTarget } from "@/server/schemas/forum";
import type { VerdictsFor } from "@/components/trpc/outputs";

export async function VerdictSection({
  target,
  what,
  showHistory = true,
  showForm = true,
  verdicts,
}: {
  target: VerdictTarget;
  /** "action 5.3", "finding 5". */
  what: string;
  /** The finding page shows its verdicts (and its actions') already: there only the form is added. */
  showHistory?: boolean;
  /** False: the history alone, the form being further down the page (a second section, `showHistory={false}`). */
  showForm?: boolean;
  verdicts?: VerdictsFor;
}) {
  const data = verdicts ?? (await getQueryClient().fetchQuery(trpc.forum.verdictsFor.queryOptions(target)));
  const historyId = `forum-verdict-${target.actionId ?? target.findingId}`;
  const formId = `forum-verdict-form-${target.actionId ?? target.findingId}`;
  const id = showHistory ? historyId : formId;
  const kind = target.actionId ? "action" : "finding";
  if (!showHistory && !data.viewerCan.record) return null;
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="mb-4 text-2xl">
        {showHistory ? "The parent carer forum's verdict" : `Your forum's verdict on this ${kind}`}
      </h2>
      {showHistory ? <VerdictHistory verdicts={data.verdicts} what={kind} /> : null}
      {!data.viewerCan.record ? (
        <p className="mb-6 text-secondary">Only the parent carer forum gives its verdict, and nobody else can change it.</p>
      ) : showForm ? (
        <div className="border-l-4 border-brand pl-6">
          {/* One form throughout, not one per verdict: its confirmation must outlive the refresh that shows the new verdict. */}
          <VerdictForm target={target} what={what} replaces={data.current?.id ?? null} />
        </div>
      ) : (
        <p className="mb-6">
          <a href={`#${formId}`}>{data.current ? "Give a new verdict" : "Give the forum's verdict"}</a> after the co-production records and
          evidence below.
        </p>
      )}
    </section>
  );
}

