/**
 * A finding's name on the public pages: the first sentence of its title, so a summary written as
 * a paragraph does not become a card's whole heading. The finding's own page gives the rest of the
 * summary under its heading, and the inspectors' full wording below.
 */
import { firstSentence } from "@/lib/format/first-sentence";
import { findingTitle, hasSummary, type Titled } from "@/lib/format/finding-title";

export const shortTitle = (f: Titled): string => firstSentence(findingTitle(f));

/** What the summary says after its first sentence: "" when nothing, or when there is no summary yet. */
export function restOfSummary(f: Titled): string {
  return hasSummary(f) ? f.summary.trim().slice(shortTitle(f).length).trim() : "";
}
