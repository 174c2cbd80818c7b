import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SummaryList } from "@/components/ui/summary-list";
import { ActionStatusTag } from "@/components/ui/tag";
import { formatDate } from "@/lib/format/dates";
import { UpdateViaLinkForm } from "@/components/update-requests/update-via-link-form";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { byTokenSchema } from "@/server/schemas/update-request";
import { findingTitle } from "@/lib/format/finding-title";

type Params = { params: Promise<{ token: string }> };

export const metadata: Metadata = { title: "Send an update" };

/**
 * The page an update request link opens, for someone without an account: the token is the only
 * permission. An unknown or changed token is a 404; an expired, used or withdrawn one says so (with HTTP 200:
 * the App Router has no 410 for a page) and offers nothing to submit.
 */
export default async function UpdateViaLinkPage({ params }: Params) {
  const { token } = await params;
  if (!byTokenSchema.safeParse({ token }).success) notFound();
  const request = await loadForPage(getQueryClient().fetchQuery(trpc.updateRequest.byToken.queryOptions({ token })), "/");

  if (request.state === "INVALID") notFound();
  if (request.state === "USED") {
    return (
      <div className="max-w-2xl">
        <h1 className="mb-6 text-4xl">This link has already been used</h1>
        <p className="mb-4">
          An update on action {request.actionRef} has already been sent to {request.areaName} with this link. Each link
          works once.
        </p>
        <p className="mb-4">If you have more to add, ask the person who sent it for a new link.</p>
        <p>Nothing has been changed.</p>
      </div>
    );
  }
  if (request.state === "REVOKED") {
    return (
      <div className="max-w-2xl">
        <h1 className="mb-6 text-4xl">This link has been withdrawn</h1>
        <p className="mb-4">
          The person who sent you the link to update action {request.actionRef} for {request.areaName} has withdrawn it, so
          it can no longer be used.
        </p>
        <p className="mb-4">If you still have an update to give, ask them for a new link.</p>
        <p>Nothing has been sent or changed.</p>
      </div>
    );
  }
  if (request.state === "EXPIRED") {
    return (
      <div className="max-w-2xl">
        <h1 className="mb-6 text-4xl">This link has expired</h1>
        <p className="mb-4">
          The link to update action {request.actionRef} for {request.areaName} worked until{" "}
          {formatDate(request.expiresAt)}.
        </p>
        <p className="mb-4">Ask the person who sent it for a new link.</p>
        <p>Nothing has been sent or changed.</p>
      </div>
    );
  }

  if (request.state === "ENDED") {
    return (
      <div className="max-w-2xl">
        <h1 className="mb-6 text-4xl">This plan has ended</h1>
        <p className="mb-4">
          Action {request.actionRef} belonged to a plan of {request.areaName} that has ended since the link was sent, so it takes no more
          updates.
        </p>
        <p className="mb-4">If you still have an update to give, ask the person who sent the link what to do next.</p>
        <p>Nothing has been sent or changed.</p>
      </div>
    );
  }

  const { action } = request;
  return (
    <UpdateViaLinkForm
      token={token}
      areaName={request.areaName}
      action={{ ref: action.ref, status: action.status, progress: action.progress }}
      details={
        <>
          <p className="mb-1 text-xl text-secondary">{request.areaName} SEND improvement plan</p>
          <h1 className="mb-4 text-4xl">
            Update on action {action.ref} {action.title}
          </h1>
          <p className="mb-6 max-w-2xl">
            You have been asked for an update on this action. You do not need an account. The link works once and until{" "}
            {formatDate(request.expiresAt)}.
          </p>
          {request.message ? (
            <div className="mb-6 max-w-2xl border-l-4 border-border pl-4">
              <h2 className="mb-2 text-xl">Message from the plan lead</h2>
              <p className="whitespace-pre-line">{request.message}</p>
            </div>
          ) : null}
          <h2 className="mb-4 text-2xl">Where the action stands</h2>
          <SummaryList
            rows={[
              { key: "Finding", value: `${action.finding.ref}: ${findingTitle(action.finding)}` },
              { key: "Status", value: <ActionStatusTag status={action.status} /> },
              { key: "Progress", value: `${action.progress}%` },
            ]}
          />
        </>
      }
    />
  );
}
