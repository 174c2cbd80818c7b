/**
 * Hints that explain evidence choices in forms. The words for the codes themselves live in
 * lib/labels.ts, the one list of labels.
 */
import type { EvidenceKind, Visibility } from "@/server/generated/prisma/enums";

export const EVIDENCE_KIND_HINT: Record<EvidenceKind, string> = {
  ACTIVITY: "Shows that something was done: minutes, a new leaflet, training records.",
  IMPACT: "Shows that it made a difference: data, survey results, what families say.",
};

export const VISIBILITY_HINT: Record<Visibility, string> = {
  INTERNAL: "The council, its partners, advisers and board members. Not the parent carer forum.",
  PARTNERS: "Everyone working on the plan, including the parent carer forum.",
  PUBLIC: "Anyone. Once accepted, it can appear on the area's public page.",
};
