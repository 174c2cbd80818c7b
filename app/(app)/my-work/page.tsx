import type { Metadata } from "next";
import Link from "next/link";
import { CheckInForm } from "@/components/actions/check-in-form";
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { ActionStatusTag, RagTag, Tag } from "@/components/ui/tag";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "My work" };

/** An owner's actions, most urgent first, each with the check-in form a click away. */
export default async function MyWorkPage() {
  const actions = await loadForPage(getQueryClient().fetchQuery(trpc.action.myWork.queryOptions()), routes.myWork());
  const overdue = actions.filter((a) => a.update.overdue).length;

  return (
    <>
      <h1 className="mb-4 text-4xl">My work</h1>
      {actions.length === 0 ? (
        <p className="mb-8">You do not own any actions that are still being delivered. When a plan lead makes you the owner of an action, it appears here.</p>
      ) : (
        <>
          <p className="mb-8 text-xl">
            {pluralise(actions.length, "action")} you own
            {overdue ? `, ${overdue} with an update overdue` : ""}. The most urgent come first: updates overdue, then red, then due within 30 days.
          </p>
          <ol className="space-y-8">
            {actions.map((a) => (
              <li key={a.id} className="border-2 border-border p-4">
                <p className="text-base text-secondary">
                  {a.localArea.name} · Finding {a.finding.ref}
                </p>
                <h2 className="mb-2 text-2xl">
                  <Link href={routes.action(a.localArea.slug, a.id)}>
                    {a.ref} {a.title}
                  </Link>
                </h2>
                <div className="mb-3 flex flex-wrap items-center gap-3">
                  <ActionStatusTag status={a.status} />
                  <RagTag rag={a.rag.shown} overridden={a.rag.override !== null} />
                  {a.update.overdue ? <Tag colour="red">Update overdue by {pluralise(a.update.daysOverdue, "day")}</Tag> : null}
                </div>
                <p className="mb-3">
                  {a.progress}% complete · Due {formatDate(a.dueDate) || "date not set"}
                  {a.update.nextUpdateDue && !a.update.overdue ? ` · Next update due ${formatDate(a.update.nextUpdateDue)}` : ""}
                </p>
                <details className="group">
                  <summary className="inline-block cursor-pointer font-bold text-link underline">
                    Post an update<span className="sr-only"> on {a.ref}</span>
                  </summary>
                  <div className="mt-4 border-l-4 border-brand pl-6">
                    <CheckInForm
                      headingLevel={3}
                      action={{ id: a.id, ref: a.ref, status: a.status, progress: a.progress, ragOverride: a.ragOverride, ragOverrideReason: a.ragOverrideReason }}
                    />
                  </div>
                </details>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
