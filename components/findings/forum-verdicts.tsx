/**
 * What the parent carer forum says about a finding and its actions: the current verdict on each
 * (a disagreement set apart), then every earlier verdict under a disclosure. The forum's words are
 * shown as written; the council cannot edit them.
 */
import { formatDate } from "@/lib/format/dates";
import { VerdictTag } from "@/components/ui/tag";
import { CORNERSTONE, COPRODUCTION_LEVEL } from "@/lib/labels";
import type { FindingVerdict as Verdict } from "@/components/trpc/outputs";

const about = (v: Verdict) => (v.action ? `Action ${v.action.ref}: ${v.action.title}` : "This finding");

function VerdictDetails({ v }: { v: Verdict }) {
  return (
    <>
      <p className="mb-2">
        <VerdictTag verdict={v.verdict} /> <span className="text-secondary">on {formatDate(v.createdAt)}{v.authorName ? ` by ${v.authorName}` : ""}</span>
      </p>
      <p className="mb-2 whitespace-pre-line">{v.text}</p>
      <dl className="text-base">
        <div className="flex flex-wrap gap-x-2">
          <dt className="font-bold">Level of co-production recognised:</dt>
          <dd>{v.levelRecognised ? COPRODUCTION_LEVEL[v.levelRecognised] : "Not stated"}</dd>
        </div>
        <div className="flex flex-wrap gap-x-2">
          <dt className="font-bold">Cornerstones met:</dt>
          <dd>{v.cornerstonesMet.length ? v.cornerstonesMet.map((c) => CORNERSTONE[c]).join(", ") : "None"}</dd>
        </div>
      </dl>
    </>
  );
}

export function ForumVerdicts({ verdicts }: { verdicts: Verdict[] }) {
  const current = verdicts.filter((v) => v.current);
  // The finding's own verdict first, then its actions' in the order the forum gave them.
  current.sort((a, b) => Number(a.action !== null) - Number(b.action !== null));
  const history = verdicts.filter((v) => !v.current);
  if (verdicts.length === 0) return <p className="mb-8">The forum has not given a verdict on this finding yet.</p>;
  return (
    <div className="mb-8">
      {current.some((v) => v.action === null) ? null : <p className="mb-4">The forum has not given a verdict on this finding itself yet.</p>}
      <ul className="mb-4 space-y-4">
        {current.map((v) => (
          <li
            key={v.id}
            className={`verdict break-inside-avoid border-l-4 p-4 ${v.verdict === "DISAGREE" ? "border-error bg-white" : "border-border"}`}
          >
            <h3 className="mb-2 text-xl">
              {v.verdict === "DISAGREE" ? "The forum disagrees: " : ""}
              {about(v)}
            </h3>
            <VerdictDetails v={v} />
          </li>
        ))}
      </ul>
      {history.length ? (
        <details className="verdict-history">
          <summary className="cursor-pointer text-link underline">Earlier verdicts ({history.length}), since replaced</summary>
          <ul className="mt-4 space-y-4">
            {history.map((v) => (
              <li key={v.id} className="border-l-4 border-border pl-4">
                <p className="mb-1 font-bold">
                  {about(v)} <span className="font-normal text-secondary">(replaced by a later verdict)</span>
                </p>
                <VerdictDetails v={v} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
