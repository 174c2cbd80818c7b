/**
 * A finding's judgement at the revisit or monitoring inspection: the word as a tag (sufficient or
 * effective green, otherwise red; the word is always shown), and where the page has room, when,
 * by which inspection, the published letter, and whether an import read it from the letter.
 */
import { Tag } from "@/components/ui/tag";
import { formatDate, formatDateRange } from "@/lib/format/dates";
import { INSPECTION_KIND, JUDGEMENT } from "@/lib/labels";
import type { FindingJudgement } from "@/server/domain/plan-journey";
import type { Judgement } from "@/server/generated/prisma/enums";

const isPositive = (j: Judgement) => j === "SUFFICIENT" || j === "EFFECTIVE";

export function JudgementTag({ judgement }: { judgement: Judgement }) {
  return <Tag colour={isPositive(judgement) ? "green" : "red"}>{JUDGEMENT[judgement]}</Tag>;
}

/** "revisit" or "monitoring inspection": the inspection that judged, else the kind its judgement's words belong to. */
export function judgedAt(j: FindingJudgement): string {
  const kind = j.inspection?.kind ?? (j.judgement === "SUFFICIENT" || j.judgement === "NOT_SUFFICIENT" ? "REVISIT" : "MONITORING");
  return INSPECTION_KIND[kind].toLowerCase();
}

/** "At the revisit 4 to 6 October 2022", or the judgement's own date when no inspection is linked. */
export function judgedWhen(j: FindingJudgement): string {
  if (j.inspection) {
    const when = formatDateRange(j.inspection.startDate, j.inspection.endDate);
    return `${INSPECTION_KIND[j.inspection.kind]}${when ? ` ${when}` : ""}`;
  }
  return j.date ? `Judged on ${formatDate(j.date)}` : "Date not recorded";
}

export function FindingJudgementDetail({ judgement }: { judgement: FindingJudgement }) {
  return (
    <div className="mb-8 max-w-3xl bg-panel p-4">
      <p className="mb-2 text-xl">
        <JudgementTag judgement={judgement.judgement} />
      </p>
      <p className="mb-1">
        {judgedWhen(judgement)}
        {judgement.inspection && judgement.date ? `; recorded as of ${formatDate(judgement.date)}` : ""}.
      </p>
      {judgement.letterUrl ? (
        <p className="mb-1">
          <a href={judgement.letterUrl} rel="noopener noreferrer">
            The published letter
          </a>
        </p>
      ) : (
        <p className="mb-1 text-secondary">No link to the published letter recorded.</p>
      )}
      {judgement.imported ? <p className="text-base text-secondary">Imported from the published letter.</p> : null}
    </div>
  );
}
