/**
 * The forum's verdicts on one action or finding: the current verdict prominent (a disagreement in
 * a red box that says so), earlier ones under a disclosure. Read-only for everyone: the forum
 * changes its view by giving a new verdict, and nobody else can change it at all.
 */
import { formatDate } from "@/lib/format/dates";
import { VerdictTag } from "@/components/ui/tag";
import { CORNERSTONE, COPRODUCTION_LEVEL } from "@/lib/labels";
import type { Verdict } from "@/components/trpc/outputs";

export function VerdictFacts({ v }: { v: Verdict }) {
  return (
    <>
      <p className="mb-2">
        <VerdictTag verdict={v.verdict} />{" "}
        <span className="text-secondary">
          on {formatDate(v.createdAt)} by {v.authorName ?? "a forum member"} · {v.isPublic ? "shown on the public page" : "not public"}
        </span>
      </p>
      {v.text ? <blockquote className="mb-2 max-w-3xl whitespace-pre-line">{v.text}</blockquote> : null}
      <dl className="text-base">
        <div className="flex flex-wrap gap-x-2">
          <dt className="font-bold">Level of co-production the forum recognises:</dt>
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

/** A current verdict in its box: red and headed "The forum disagrees" when it does. */
export function CurrentVerdict({ v, headingLevel = 3, title }: { v: Verdict; headingLevel?: 3 | 4; title?: string }) {
  const Heading = `h${headingLevel}` as const;
  const disagrees = v.verdict === "DISAGREE";
  return (
    <div data-testid="current-verdict" className={`mb-4 border-4 p-4 ${disagrees ? "border-error bg-white" : "border-border"}`}>
      <Heading className="mb-2 text-xl">
        {disagrees ? "Disagree: the forum disagrees" : "The forum's current verdict"}
        {title ? `: ${title}` : ""}
      </Heading>
      <VerdictFacts v={v} />
    </div>
  );
}

export function VerdictHistory({ verdicts, what, headingLevel = 3 }: { verdicts: Verdict[]; what: string; headingLevel?: 3 | 4 }) {
  const current = verdicts.find((v) => v.current) ?? null;
  const earlier = verdicts.filter((v) => !v.current);
  if (!current) return <p className="mb-6">The parent carer forum has not given a verdict on this {what} yet.</p>;
  return (
    <div className="mb-6">
      <CurrentVerdict v={current} headingLevel={headingLevel} />
      {earlier.length ? (
        <details className="mb-4">
          <summary className="cursor-pointer text-link underline">Earlier verdicts ({earlier.length}), since replaced by the forum</summary>
          <ol className="mt-4 space-y-4">
            {earlier.map((v) => (
              <li key={v.id} className={`border-l-4 pl-4 ${v.verdict === "DISAGREE" ? "border-error" : "border-border"}`}>
                <VerdictFacts v={v} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
