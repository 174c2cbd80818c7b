/**
 * The page of one record's history (an action, finding, measure or plan): what the history
 * procedure answers, newest first, and a link to show more. Each of the four pages renders this.
 */
import Link from "next/link";
import { HistoryList } from "@/components/history/history-list";
import { BackLink } from "@/components/ui/back-link";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { pluralise } from "@/lib/format/plurals";

type History = RouterOutputs["history"]["ofRecord"];

/** "action", "finding", "measure", "plan", as the page's sentences name the record. */
const WHAT: Record<History["record"]["kind"], string> = { Action: "action", Finding: "finding", Measure: "measure", Plan: "plan" };

/** `moreHref`: the same page showing more; undefined once it shows the most a page may. */
export function RecordHistory({ history, moreHref }: { history: History; moreHref: string | undefined }) {
  const what = WHAT[history.record.kind];
  return (
    <>
      <BackLink href={history.record.href}>Back to the {what}</BackLink>
      <p className="mb-1 text-xl text-secondary">{history.area.name}</p>
      <h1 className="mb-4 text-4xl">History of the {what}</h1>
      <p className="mb-2 text-xl">{history.record.name}</p>
      <p className="mb-8 max-w-3xl">
        Who changed what and when, newest first: the {what} itself and what was added to it (updates, evidence, comments,
        change requests). Only what you can see elsewhere in Headway is shown.
      </p>
      {history.events.length === 0 ? (
        <p className="mb-8">Nothing has been recorded about this {what} yet.</p>
      ) : (
        <>
          <p className="mb-2 text-secondary">
            Showing the newest {pluralise(history.events.length, "change")}
            {history.hasMore ? "" : ": that is all of them"}.
          </p>
          <HistoryList events={history.events} label={`Changes to the ${what}, newest first`} />
        </>
      )}
      {history.hasMore ? (
        <p className="mb-8">
          {moreHref ? <Link href={moreHref}>Show more changes</Link> : `Only the newest ${history.limit} changes are shown on one page.`}
        </p>
      ) : null}
    </>
  );
}
