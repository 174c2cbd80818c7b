/** Inputs and words for notifications and their settings. No server imports: the browser uses these too. */
import { z } from "zod";
import type { NotificationKind } from "@/server/generated/prisma/enums";
import { id } from "@/server/schemas/common";

/** The kinds a person may turn on or off, with the preference column that holds each. */
export const PREFERENCE_FIELDS = [
  "updateDueSoon",
  "updateOverdue",
  "evidenceAwaitingReview",
  "verdictRequested",
  "changeRequestDecided",
  "weeklyDigest",
] as const;
export type PreferenceField = (typeof PREFERENCE_FIELDS)[number];

/** Which setting governs a kind; null: always on (it answers something the person asked for). */
export const PREFERENCE_OF: Record<NotificationKind, PreferenceField | null> = {
  UPDATE_DUE_SOON: "updateDueSoon",
  UPDATE_OVERDUE: "updateOverdue",
  EVIDENCE_AWAITING_REVIEW: "evidenceAwaitingReview",
  VERDICT_REQUESTED: "verdictRequested",
  CHANGE_REQUEST_DECIDED: "changeRequestDecided",
  WEEKLY_DIGEST: "weeklyDigest",
  UPDATE_REQUEST_POSTED: null,
};

export const PREFERENCE_LABEL: Record<PreferenceField, { label: string; hint: string }> = {
  updateDueSoon: { label: "An update on an action I own is due soon", hint: "7 days before the update falls due." },
  updateOverdue: {
    label: "An update is overdue",
    hint: "On actions you own; for plan leads, also when an update is 14 days or more overdue on any action in the area.",
  },
  evidenceAwaitingReview: { label: "Evidence is waiting for my review", hint: "For plan leads." },
  verdictRequested: {
    label: "An action asks for the forum's verdict",
    hint: "For parent carer forum members: an action claims co-designing or co-producing, or changed since your verdict.",
  },
  changeRequestDecided: { label: "A change I asked for has been decided", hint: "Approved or rejected by an adviser." },
  weeklyDigest: { label: "The weekly digest", hint: "For plan leads and advisers: what changed, what is red, what is stale." },
};

/** ISO days of the week: 1 Monday ... 7 Sunday. */
export const DIGEST_DAY_LABEL: Record<number, string> = {
  1: "Monday",
  2: "Tuesday",
  3: "Wednesday",
  4: "Thursday",
  5: "Friday",
  6: "Saturday",
  7: "Sunday",
};

export const NOTIFICATION_KIND_LABEL: Record<NotificationKind, string> = {
  UPDATE_DUE_SOON: "Update due soon",
  UPDATE_OVERDUE: "Update overdue",
  EVIDENCE_AWAITING_REVIEW: "Evidence awaiting review",
  VERDICT_REQUESTED: "Verdict requested",
  CHANGE_REQUEST_DECIDED: "Change request decided",
  WEEKLY_DIGEST: "Weekly digest",
  UPDATE_REQUEST_POSTED: "Update posted through a link",
};

/** The words of a notification's main link, in the app and in its email. */
export const NOTIFICATION_LINK_LABEL: Record<NotificationKind, string> = {
  UPDATE_DUE_SOON: "Open the action to post an update",
  UPDATE_OVERDUE: "Open the action",
  EVIDENCE_AWAITING_REVIEW: "Review the evidence",
  VERDICT_REQUESTED: "Open the action to give the forum's verdict",
  CHANGE_REQUEST_DECIDED: "See the decision on your change request",
  WEEKLY_DIGEST: "Open Headway",
  UPDATE_REQUEST_POSTED: "Read the update",
};

export const preferencesSchema = z.object({
  updateDueSoon: z.boolean(),
  updateOverdue: z.boolean(),
  evidenceAwaitingReview: z.boolean(),
  verdictRequested: z.boolean(),
  changeRequestDecided: z.boolean(),
  weeklyDigest: z.boolean(),
  digestDay: z
    .number({ error: "Choose the day of the week for your digest" })
    .int("Choose the day of the week for your digest")
    .min(1, "Choose the day of the week for your digest")
    .max(7, "Choose the day of the week for your digest"),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;

export const markReadSchema = z.object({
  ids: z.array(id).min(1, "Choose a notification").max(100, "Mark at most 100 notifications at once"),
});
export type MarkReadInput = z.infer<typeof markReadSchema>;
