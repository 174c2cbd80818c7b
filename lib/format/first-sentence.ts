/**
 * The first sentence of a text, for a heading or a row that names a finding. A full stop ends a
 * sentence only where a reader would say it does: not after an abbreviation ("incl.", "e.g.",
 * "no."), an initial ("J. Smith") or inside a number ("42.5"), and only when what follows starts a
 * new sentence (a capital, a digit, a quote or a bracket). So "..., incl. high persistent absence"
 * is never cut to "..., incl.".
 */

/** Lower-case, without their final stop: what comes before a stop that does not end a sentence. */
const ABBREVIATIONS = new Set([
  "incl", "e.g", "eg", "i.e", "ie", "etc", "no", "nos", "approx", "vs", "cf", "esp", "inc", "ltd", "co",
  "dr", "mr", "mrs", "ms", "prof", "st", "cllr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
  "oct", "nov", "dec", "fig", "para", "paras", "p", "pp", "ref", "ed", "al",
]);

const SENTENCE_END = /[.!?]["'”’)]?(?=\s+["'“‘(]?[A-Z0-9]|\s*$)/g;

export function firstSentence(text: string): string {
  const trimmed = text.trim();
  for (const match of trimmed.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (match[0][0] === ".") {
      // The word the stop closes: letters, digits and inner stops ("e.g"), back to the last space.
      const before = /(\S+)$/.exec(trimmed.slice(0, match.index))?.[1] ?? "";
      const word = before.replace(/^["'“‘(]+/, "").toLowerCase();
      if (ABBREVIATIONS.has(word)) continue;
      // An initial: one capital letter ("J. Smith").
      if (/^[A-Z]$/.test(before)) continue;
    }
    return trimmed.slice(0, end);
  }
  return trimmed;
}
