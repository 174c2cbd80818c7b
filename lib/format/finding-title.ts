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

/**
 * The finding's name where it heads its own page or a row of the area home's list: the first
 * sentence of its title, so a summary written as a paragraph does not become the heading. Its page
 * gives the rest (summaryAfterTitle) and the inspectors' full wording below it.
 */
export function findingShortTitle(f: Titled): string {
  return firstSentence(findingTitle(f));
}

/** What the summary says after its short title: "" when it says no more, or there is no summary yet. */
export function summaryAfterTitle(f: Titled): string {
  if (!hasSummary(f)) return "";
  return f.summary.trim().slice(findingShortTitle(f).length).trim();
}

export function hasSummary(f: Pick<Titled, "summary">): boolean {
  return f.summary.trim() !== "";
}

/** Said beside a finding shown by its wording, so the gap is seen and filled. */
export const SUMMARY_TO_WRITE = "A plain-English summary is still to be written: until then the inspectors' wording is shown.";
