/** Every monitoring note on an area, newest first: what the adviser saw, and their view at the time. */
import Link from "next/link";
import { formatDate } from "@/lib/format/dates";
import { AdviserViewTag } from "@/components/ui/tag";
import { PLAN_TYPE } from "@/lib/labels";
import type { MonitoringNote as Note } from "@/components/trpc/outputs";
import { routes } from "@/lib/routes";
import { findingTitle } from "@/lib/format/finding-title";

export function MonitoringNoteList({ slug, notes }: { slug: string; notes: Note[] }) {
  if (notes.length === 0) return <p className="mb-8">No adviser has recorded a monitoring note yet.</p>;
  return (
    <ol className="mb-10 space-y-6" aria-label={`${notes.length} monitoring notes, newest first`}>
      {notes.map((n) => (
        <li key={n.id} className="border-l-4 border-border pl-4">
          <h3 className="mb-1 text-lg">
            {formatDate(n.date)}
            <span className="font-normal">
              {" · "}
              {n.finding ? (
                <Link href={routes.finding(slug, n.finding.id)}>
                  Finding {n.finding.ref}: {findingTitle(n.finding)}
                </Link>
              ) : (
                "The area as a whole"
              )}
              {n.finding && n.finding.plan.type !== "WSOA" ? ` (${PLAN_TYPE[n.finding.plan.type]})` : ""}
            </span>
          </h3>
          <p className="mb-1">
            {n.view ? <AdviserViewTag view={n.view} /> : <span className="font-bold">No view given</span>}
            <span className="text-secondary">{n.authorName ? ` by ${n.authorName}` : ""}</span>
          </p>
          <p className="max-w-3xl whitespace-pre-line">{n.note}</p>
        </li>
      ))}
    </ol>
  );
}
