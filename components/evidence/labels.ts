/**
 * The words the UI shows for evidence codes. (Candidates for server/domain/labels.ts, the one
 * list of labels, when exports and the public page need them too.)
 */
import type { EvidenceKind, ReviewStatus, Visibility } from "@/server/generated/prisma/enums";

export const EVIDENCE_KIND: Record<EvidenceKind, string> = {
  ACTIVITY: "Activity",
  IMPACT: "Impact",
};

export const EVIDENCE_KIND_HINT: Record<EvidenceKind, string> = {
  ACTIVITY: "Shows that something was done: minutes, a new leaflet, training records.",
  IMPACT: "Shows that it made a difference: data, survey results, what families say.",
};

export const VISIBILITY: Record<Visibility, string> = {
  INTERNAL: "Internal",
  PARTNERS: "Partners and forum",
  PUBLIC: "Public",
};

export const VISIBILITY_HINT: Record<Visibility, string> = {
  INTERNAL: "The council, its partners, advisers and board members. Not the parent carer forum.",
  PARTNERS: "Everyone working on the plan, including the parent carer forum.",
  PUBLIC: "Anyone. Once accepted, it can appear on the area's public page.",
};

export const REVIEW_STATUS: Record<ReviewStatus, string> = {
  PENDING: "Awaiting review",
  ACCEPTED: "Accepted",
  REJECTED: "Rejected",
};

/** "340 KB", "1.2 MB": sizes as people read them. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
