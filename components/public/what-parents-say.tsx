/**
 * The parent carer forum's own published view, in its words (never edited by the council), and
 * what was done about what families said. The forum speaks as a body: no member is named.
 */
import { LastUpdated } from "@/components/public/last-updated";
import { formatDate } from "@/lib/format/dates";
import { VerdictTag } from "@/components/ui/tag";
import type { PublicFinding, PublicYouSaidWeDid } from "@/components/public/types";
import { COPRODUCTION_LEVEL } from "@/lib/labels";

export function WhatParentsSay({ verdicts }: { verdicts: PublicFinding["verdicts"] }) {
  if (verdicts.length === 0) return <p className="mb-6">The parent carer forum has not published a view on this yet.</p>;
  return (
    <ul className="mb-6 space-y-4">
      {verdicts.map((v, i) => (
        <li key={`${i}-${v.date.toISOString()}`} className="border-l-4 border-border pl-4">
          <p className="mb-1">
            <VerdictTag verdict={v.verdict} /> <LastUpdated date={v.lastUpdated} stale={v.stale} />
          </p>
          <p className="mb-1 text-secondary">
            {v.action ? `About the action “${v.action.title}”` : "About this area of the plan as a whole"}
          </p>
          <blockquote className="mb-1 whitespace-pre-line">{v.text}</blockquote>
          {v.levelRecognised ? (
            <p className="text-secondary">How far the forum says families were involved: {COPRODUCTION_LEVEL[v.levelRecognised]}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function YouSaidWeDid({ entries, empty }: { entries: PublicYouSaidWeDid[]; empty: string }) {
  if (entries.length === 0) return <p className="mb-6">{empty}</p>;
  return (
    <ul className="mb-6 space-y-4">
      {entries.map((y, i) => (
        <li key={`${i}-${y.date.toISOString()}`} className="border-l-4 border-brand pl-4">
          <p className="mb-1">
            <strong>You said:</strong> <span className="whitespace-pre-line">{y.youSaid}</span>
          </p>
          <p className="mb-1">
            <strong>We did:</strong> <span className="whitespace-pre-line">{y.weDid}</span>
          </p>
          {y.forumComment ? (
            <p className="mb-1">
              <strong>The parent carer forum says:</strong> <span className="whitespace-pre-line">{y.forumComment}</span>
            </p>
          ) : null}
          <p className="text-secondary">
            {formatDate(y.date)} · <LastUpdated date={y.lastUpdated} stale={y.stale} />
          </p>
        </li>
      ))}
    </ul>
  );
}
