/**
 * A history, newest first: who did what and when, and each field as it was before and after.
 * A list rather than a table, so it reflows to a narrow screen with nothing to scroll sideways.
 */
import Link from "next/link";
import { formatDateTime } from "@/lib/format/dates";
import type { RouterOutputs } from "@/components/trpc/outputs";

export type HistoryEvent = RouterOutputs["history"]["ofRecord"]["events"][number];
type Change = HistoryEvent["changes"][number];

/** The old value struck through above the new one; a screen reader hears "Before … after …". */
function Values({ change }: { change: Change }) {
  if (change.before === null) return <>{change.after}</>;
  if (change.after === null) {
    return (
      <>
        <span className="sr-only">Before: </span>
        <del>{change.before}</del>
        <span className="text-secondary"> (no longer recorded)</span>
      </>
    );
  }
  return (
    <>
      <span className="block">
        <span className="sr-only">Before: </span>
        <del>{change.before}</del>
      </span>
      <span className="block">
        <span aria-hidden="true">→ </span>
        <span className="sr-only">after: </span>
        {change.after}
      </span>
    </>
  );
}

export function HistoryList({
  events,
  label,
  showRecord = false,
}: {
  events: HistoryEvent[];
  /** What the list is, for screen readers: "Changes to action 1.2, newest first". */
  label: string;
  /** On the area's activity page: say which record each change was made to, with a link. */
  showRecord?: boolean;
}) {
  return (
    <ol aria-label={label} className="mb-8 border-t border-border">
      {events.map((e) => (
        <li key={e.id} className="border-b border-border py-4" data-testid="history-event">
          <p className="font-bold">
            {e.what} <span className="font-normal">by {e.who}</span>
          </p>
          <p className="mb-2 text-base text-secondary">
            <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time>
            {" · "}
            {e.record.kind}
            {showRecord && e.record.label ? (
              <>
                {" on "}
                {e.record.href ? <Link href={e.record.href}>{e.record.label}</Link> : e.record.label}
              </>
            ) : null}
          </p>
          {e.changes.length ? (
            <dl className="max-w-3xl">
              {e.changes.map((c, i) => (
                <div key={`${c.field}-${i}`} className="py-1 sm:flex sm:gap-5">
                  <dt className="font-bold sm:w-1/3">{c.field}</dt>
                  <dd className="whitespace-pre-line break-words sm:w-2/3">
                    <Values change={c} />
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
