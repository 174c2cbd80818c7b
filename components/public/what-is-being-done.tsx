/**
 * A finding's actions as families read them: what, which organisation, how far, by when, and when
 * last updated. A list of cards, not a table: on a phone each action stacks, with nothing off the
 * side of the screen; on a wide screen its details sit in a row under its title.
 */
import { LastUpdated } from "@/components/public/last-updated";
import type { PublicFinding } from "@/components/public/types";
import { ActionStatusTag } from "@/components/ui/tag";
import { formatDate } from "@/lib/format/dates";

export function WhatIsBeingDone({ finding }: { finding: PublicFinding }) {
  return (
    <>
      {finding.actions.length === 0 ? (
        <p className="mb-6">No actions have been agreed for this yet.</p>
      ) : (
        <ol className="mb-6 border-t border-border" aria-label={`Actions for area ${finding.ref}`}>
          {finding.actions.map((a) => (
            <li key={a.ref} className="border-b border-border py-3">
              <p className="mb-2 font-bold break-words">{a.title}</p>
              <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-base sm:grid-cols-2 lg:grid-cols-[5fr_3fr_4fr_6fr] [&_.tag]:max-w-full [&_.tag]:whitespace-normal">
                <div className="flex min-w-0 flex-wrap gap-x-2 lg:block">
                  <dt className="text-secondary">Led by</dt>
                  <dd className="break-words">{a.organisation ?? "Not yet agreed"}</dd>
                </div>
                <div className="flex min-w-0 flex-wrap gap-x-2 lg:block">
                  <dt className="text-secondary">Progress</dt>
                  <dd>
                    <ActionStatusTag status={a.status} />
                  </dd>
                </div>
                <div className="flex min-w-0 flex-wrap gap-x-2 lg:block">
                  <dt className="text-secondary">Due by</dt>
                  <dd>{formatDate(a.dueDate) || "No date set"}</dd>
                </div>
                <div className="flex min-w-0 flex-wrap gap-x-2 lg:block">
                  <dt className="text-secondary">Updated</dt>
                  <dd>
                    <LastUpdated date={a.lastUpdated} stale={a.stale} />
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ol>
      )}
      {finding.evidence.length ? (
        <>
          <h3 className="mb-2 text-xl">Published documents</h3>
          <ul className="mb-6 list-disc space-y-1 pl-5">
            {finding.evidence.map((e, i) => (
              <li key={`${i}-${e.title}`} className="break-words">
                {e.url ? <a href={e.url}>{e.title}</a> : e.title} <LastUpdated date={e.lastUpdated} stale={e.stale} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
