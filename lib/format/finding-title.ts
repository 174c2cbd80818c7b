/**
 * How a finding is named on every page, list and document: by its plain-English summary or, until
 * someone has written one (a plan imported as the letter words it has none), by the first sentence
 * of the inspectors' wording, cut where a sentence really ends (first-sentence.ts).
 */
import { firstSentence } from "@/lib/format/first-sentence";

export type Titled = { summary: string; inspectorsWording: string };

export function findingTitle(f: Titled): string {
  return f.summary.trim() || firstSentence(f.inspectorsWording);
}

export function hasSummary(f: Pick<Titled, "summary">): boolean {
  return f.summary.trim() !== "";
}

/** Said beside a finding shown by its wording, so the gap is seen and filled. */
export const SUMMARY_TO_WRITE = "A plain-English summary is still to be written: until then the inspectors' wording is shown.";
