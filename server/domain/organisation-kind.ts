/**
 * The kind of organisation a name most likely is, for an organisation an import or a new area adds
 * by name. A guess the lead can correct: a name that says nothing clear is OTHER, never forced
 * into a kind it might not be. Pure: no database.
 */
import type { OrganisationKind } from "@/server/generated/prisma/enums";

/** First match wins: a "Parent Carer Forum" is a forum even when it names a council, an academy trust a school. */
const RULES: readonly [RegExp, OrganisationKind][] = [
  [/\bparent(s)?\s*(and\s*)?carers?'?\s*(forum|council|voice)\b|\bPCF\b/i, "PARENT_CARER_FORUM"],
  [/\bdepartment for education\b|^dfe\b/i, "DFE"],
  [/\bNHS England\b|^NHSE\b/i, "NHSE"],
  [/\bintegrated care (board|system)\b|\bICB\b|\bclinical commissioning group\b|\bCCG\b/i, "ICB"],
  [/\bschool\b|\bacademy\b|\bcollege\b|\bmulti[- ]academy\b|\bMAT\b|\bnursery\b|\bpupil referral\b/i, "SCHOOL"],
  [/\bNHS\b|\b(foundation )?trust\b|\bhospital\b|\bhealth ?care\b|\bcommunity health\b|\bCAMHS\b/i, "NHS_TRUST"],
  [/\bcouncil\b|\bborough\b|\bcounty\b|\bcity of\b|\blocal authority\b|\bmetropolitan\b|\bcorporation\b|\bLA\b/i, "COUNCIL"],
];

export function organisationKindFor(name: string): OrganisationKind {
  return RULES.find(([pattern]) => pattern.test(name))?.[1] ?? "OTHER";
}
