/**
 * The names councils give their trackers' columns, and what each usually holds. A header is only
 * a first guess: suggest.ts weighs it against what the column's cells look like.
 */
import { headerKey } from "@/server/schemas/plan-workbook";
import type { TrackerField } from "@/server/schemas/tracker-mapping";

/**
 * In order: the first pattern that matches the whole header wins, so "Action ref" is a ref before
 * "Action" is a title, and "RAG status" a rating before "Status" is a status.
 */
const HEADERS: [TrackerField | "priority" | "commentary", RegExp][] = [
  ["rag", /\brag\b|\br\/a\/g\b|\brating\b|^colou?r$/],
  ["findingSummary", /\bsummary\b|plain english/],
  ["findingRef", /^(finding|weakness|aosw|afpa|area|priority|workstream)s? ?(no\.?|number|ref(erence)?|#|id)$/],
  ["actionRef", /^(action ?)?(no\.?|number|num|ref(erence)?|#|id|ref no\.?)$/],
  ["finding", /area(s)? (of (significant )?weakness|for (priority action|improvement))|^(significant )?weakness(es)?$|^(inspection )?findings?$|^priority (action|area)s?$|^workstreams?$|^themes?$|^areas?$|^key (area|priority|priorities)$/],
  ["priority", /^priority$|^priorities$/],
  ["findingWording", /inspectors'? wording|wording|finding (text|description)/],
  ["description", /\bdescription\b|\bdetails?\b|^how( we will do (it|this))?$|^how will we do (it|this)$/],
  ["title", /^(key |planned |specific )?actions?( to be taken| required| description)?$|what (we|will we|you) (will )?do|^(activity|activities|task|tasks|what)$/],
  ["leadOrganisation", /(lead|responsible|accountable) (organisation|organization|agency|partner|service|body)|^(organisation|organization|agency|service|partner)$/],
  ["owner", /lead officer|^(lead|leads|owner|owners|responsible|accountable|who)$|responsible (officer|person|lead|manager)|action owner|accountable (officer|person|lead)|^named lead$|^lead (person|manager)$/],
  ["startDate", /^start( date)?$|^(date )?(started|from|begin(ning|s)?)$|^start by$/],
  ["dueDate", /^by when$|timescales?|deadline|^due( date| by)?$|target (date|completion)|completion date|^end date$|^date due$|^when$|^by$|^target$/],
  ["status", /^(action |progress |delivery |current )?status$/],
  ["progress", /^(progress|% ?complete|percent(age)? complete|completion|progress ?\(?%\)?)$/],
  ["commentary", /update|comment|commentary|notes?|evidence|narrative/],
];

/** What a header suggests: a field, "priority" (a finding or an action's priority: the cells decide) or "commentary" (not imported). */
export function fieldForHeader(text: string): TrackerField | "priority" | "commentary" | null {
  const key = headerKey(text).replace(/[:?*]+$/, "").trim();
  for (const [field, pattern] of HEADERS) if (pattern.test(key)) return field;
  return null;
}
