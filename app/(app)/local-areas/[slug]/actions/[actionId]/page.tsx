import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { AcknowledgeButton } from "@/components/actions/acknowledge-button";
import { CheckInForm } from "@/components/actions/check-in-form";
import { ChangeHistorySection } from "@/components/change-requests/change-history-section";
import { ActionTimeline } from "@/components/comments/action-timeline";
import { CoproductionSection } from "@/components/coproduction/coproduction-section";
import { ContinuedFromSection, ContinuesLink } from "@/components/plan-history/continued-from";
import { EndedPlanBanner } from "@/components/plan-history/ended-plan-banner";
import { EvidenceSection } from "@/components/evidence/evidence-section";
import { VerdictSection } from "@/components/forum/verdict-section";
import { BackLink } from "@/components/ui/back-link";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { HowWorkedOut } from "@/components/ui/how-worked-out";
import { SummaryList } from "@/components/ui/summary-list";
import { ActionStatusTag, RagTag, Tag } from "@/components/ui/tag";
import { RequestList } from "@/components/update-requests/request-list";
import { SendRequestForm } from "@/components/update-requests/send-request-form";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { ACTION_STATUS, COPRODUCTION_LEVEL } from "@/lib/labels";
import { routes } from "@/lib/routes";
import { findingTitle } from "@/lib/format/finding-title";

type Params = { params: Promise<{ slug: string; actionId: string }> };

async function load(slug: string, actionId: string) {
  const action = await loadForPage(
    getQueryClient().fetchQuery(trpc.action.byId.queryOptions({ id: actionId })),
    routes.action(slug, actionId),
  );
  // The address must name the action's own area.
  if (action.localArea.slug !== slug) notFound();
  return action;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, actionId } = await params;
  const action = await load(slug, actionId);
  return { title: `${action.ref} ${action.title}` };
}

export default async function ActionPage({ params }: Params) {
  const { slug, actionId } = await params;
  const action = await load(slug, actionId);
  const updateRequests = action.viewerCan.seeUpdateRequests
    ? await getQueryClient().fetchQuery(trpc.updateRequest.listForAction.queryOptions({ id: action.id }))
    : null;
  // An action carried forward reads the history of the one it continues where it was made.
  const continued = await getQueryClient().fetchQuery(trpc.action.continues.queryOptions({ id: action.id }));
  /**
   * Who an update is from: its author, or for an update request the address it went to, which
   * only those who may read the requests are sent; everyone else reads "a partner, by update link".
   */
  const from = (u: (typeof action.updates)[number]) =>
    u.updateRequest
      ? u.updateRequest.email
        ? `from ${u.updateRequest.email} via update request`
        : `from ${u.updateRequest.organisation ?? "a partner"}, by update link`
      : `by ${u.author?.name ?? "a former user"}`;

  return (
    <>
      <BackLink href={routes.area(slug)}>Back to {action.localArea.name}</BackLink>
      <p className="mb-1 text-xl text-secondary">
        Finding {action.finding.ref}: {findingTitle(action.finding)}
      </p>
      <h1 className="mb-4 text-4xl">
        {action.ref} {action.title}
      </h1>
      {action.ended ? (
        <EndedPlanBanner
          slug={slug}
          ending={action.ended}
          continuedBy={action.successors.map((s) => ({ href: routes.action(slug, s.id), label: `action ${s.ref} of ${s.planTitle}` }))}
        />
      ) : null}
      <p className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
        {action.viewerCan.edit ? <Link href={routes.actionEdit(slug, action.id)}>Edit this action</Link> : null}
        {/* Who changed what and when, the action and what hangs on it: for everyone who reads it. */}
        <Link href={routes.actionHistory(slug, action.id)}>History of this action</Link>
      </p>
      {continued ? <ContinuesLink slug={slug} history={continued} /> : null}
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <ActionStatusTag status={action.status} />
        <RagTag rag={action.rag.shown} overridden={action.rag.override !== null} />
        {action.update.overdue ? <Tag colour="red">Update overdue</Tag> : null}
      </div>
      <div className="mb-8">
        <HowWorkedOut>
          <p className="mb-2">{action.rag.explanation}</p>
          {action.rag.override ? (
            <p className="mb-2">
              Worked out by the rule: <RagTag rag={action.rag.calculated} />
            </p>
          ) : null}
          <p>
            {action.update.explanation}
            {action.update.nextUpdateDue ? ` Next update due ${formatDate(action.update.nextUpdateDue)}.` : ""}
          </p>
        </HowWorkedOut>
      </div>

      {action.description ? <p className="mb-8 max-w-3xl">{action.description}</p> : null}

      <h2 className="mb-4 text-2xl">Details</h2>
      <SummaryList
        rows={[
          { key: "Owner", value: action.owner?.name ?? "Not assigned" },
          { key: "Lead organisation", value: action.leadOrganisation?.name },
          {
            key: "Partner organisations",
            value: action.partnerOrganisations.length ? action.partnerOrganisations.map((o) => o.name).join(", ") : "None",
          },
          { key: "Start date", value: formatDate(action.startDate) || null },
          { key: "Due date", value: formatDate(action.dueDate) || null },
          { key: "Progress", value: `${action.progress}%` },
          { key: "Co-production level claimed", value: action.coproductionLevel ? COPRODUCTION_LEVEL[action.coproductionLevel] : null },
          {
            key: "Depends on",
            value: action.dependsOn.length ? action.dependsOn.map((d) => `${d.ref} ${d.title}`).join("; ") : "None",
          },
          ...(action.rag.override ? [{ key: "RAG set by hand because", value: action.rag.override.reason }] : []),
        ]}
      />

      {/* The forum's verdict comes high on the page: its independent view beside the council's claims. Its form comes after what was done. */}
      <VerdictSection target={{ actionId: action.id }} what={`action ${action.ref}`} showForm={false} />

      {action.viewerCan.update ? (
        <section className="mb-10 border-l-4 border-brand pl-6">
          <CheckInForm
            action={{
              id: action.id,
              ref: action.ref,
              status: action.status,
              progress: action.progress,
              ragOverride: action.ragOverride,
              ragOverrideReason: action.ragOverrideReason,
            }}
          />
        </section>
      ) : null}

      {/* Timeline: updates and comments in one order of time. Comments are fetched by ActionTimeline. */}
      <ActionTimeline
        actionId={action.id}
        updates={action.updates.map((u) => ({
          id: u.id,
          createdAt: u.createdAt,
          title: (
            <>
              {formatDateTime(u.createdAt)}
              <span className="font-normal"> {from(u)}</span>
            </>
          ),
          details: (
            <>
              <p className="text-secondary">
                {ACTION_STATUS[u.status]} · {u.progress}% complete
                {u.ragOverride ? ` · RAG set to ${u.ragOverride.toLowerCase()}: ${u.ragOverrideReason ?? ""}` : ""}
              </p>
              <p className="mt-1 max-w-3xl whitespace-pre-line">{u.narrative}</p>
              <p className="mt-1 text-base text-secondary">
                {u.acknowledgedAt
                  ? `Acknowledged by ${u.acknowledgedBy?.name ?? "the plan lead"} on ${formatDate(u.acknowledgedAt)}`
                  : "Not yet acknowledged by the plan lead"}
              </p>
              {!u.acknowledgedAt && action.viewerCan.acknowledge ? (
                <AcknowledgeButton updateId={u.id} label={`${formatDateTime(u.createdAt)} ${from(u)}`} />
              ) : null}
            </>
          ),
        }))}
      />

      {updateRequests ? (
        <section className="mb-10" aria-labelledby="update-requests-heading">
          <h2 id="update-requests-heading" className="mb-4 text-2xl">
            {action.viewerCan.requestUpdates ? "Ask someone for an update" : "Update requests"}
          </h2>
          {action.viewerCan.requestUpdates ? (
            <div className="mb-8 border-l-4 border-brand pl-6">
              <SendRequestForm
                action={{ id: action.id, ref: action.ref }}
                organisations={[action.leadOrganisation, ...action.partnerOrganisations].filter((o) => o !== null)}
              />
            </div>
          ) : null}
          <RequestList requests={updateRequests} canWithdraw={action.viewerCan.withdrawUpdateRequests} />
        </section>
      ) : null}

      <CoproductionSection actionId={action.id} />

      {/* Changes requested since the plan was accepted: what the area was first held to stays visible. */}
      <ChangeHistorySection
        slug={slug}
        entityType="Action"
        entityId={action.id}
        what="action"
        editHref={routes.actionEdit(slug, action.id)}
      />

      <EvidenceSection
        target={{ actionId: action.id }}
        canAdd={action.viewerCan.addEvidence}
        canReview={action.viewerCan.reviewEvidence}
      />

      {/* The forum is asked for its verdict once it has read the co-production records and the evidence above. */}
      <VerdictSection target={{ actionId: action.id }} what={`action ${action.ref}`} showHistory={false} />

      {continued ? <ContinuedFromSection slug={slug} history={continued} /> : null}
    </>
  );
}
