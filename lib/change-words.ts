/**
 * A changed action field in words ("Progress: from 40% to 55%"), for the "changes since" page and
 * the board pack alike. The fields are the ones server/domain/plan-changes.ts compares; it checks
 * that each has its words here. Below: any recorded change in words, for a record's history.
 */
import { formatDate } from "@/lib/format/dates";
import { formatFileSize } from "@/lib/format/file-size";
import { formatFigure, formatMeasureValue } from "@/lib/format/measure-value";
import {
  ACTION_STATUS,
  ADVISER_VIEW,
  AREA_ROLE,
  CHANGE_REQUEST_STATUS,
  COMMENT_VISIBILITY,
  CONTROLLED_FIELD,
  COPRODUCTION_LEVEL,
  COPRODUCTION_PARTICIPANT,
  COPRODUCTION_STAGE,
  CORNERSTONE,
  DELIVERY_RAG,
  EVIDENCE_KIND,
  FINDING_KIND,
  INSPECTION_FRAMEWORK,
  INSPECTION_KIND,
  JUDGEMENT,
  MEASURE_DIRECTION,
  MEASURE_UNIT,
  MEASURE_VALUE_STATUS,
  ORGANISATION_KIND,
  PLAN_STATUS,
  PLAN_TYPE,
  REVIEW_STATUS,
  VERDICT,
  VISIBILITY,
} from "@/lib/labels";
import type { ActionStatus, MeasureUnit } from "@/server/generated/prisma/enums";

export const CHANGED_FIELD = {
  status: "Status",
  rag: "RAG",
  progress: "Progress",
  startDate: "Start date",
  dueDate: "Due date",
  completedAt: "Completed",
};

export type ChangedField = keyof typeof CHANGED_FIELD;

/** A field's value before or after: a code, a percentage or a "yyyy-mm-dd" day; null when not set. */
export type ChangedValue = string | number | null;

export function describeValue(field: ChangedField, value: ChangedValue): string {
  if (value === null) return "not set";
  switch (field) {
    case "status":
      return ACTION_STATUS[value as ActionStatus];
    case "rag":
      return DELIVERY_RAG[value as keyof typeof DELIVERY_RAG];
    case "progress":
      return `${value}%`;
    default:
      return formatDate(String(value));
  }
}

/** "Status: from In progress to Complete". */
export const describeFieldChange = (c: { field: ChangedField; from: ChangedValue; to: ChangedValue }) =>
  `${CHANGED_FIELD[c.field]}: from ${describeValue(c.field, c.from)} to ${describeValue(c.field, c.to)}`;

// History: any recorded change in words ---------------------------------------------------------
//
// The audit trail keeps each change as the record was before and after (JSON). A record's history
// and the area's activity page show it field by field, in the words the editors' forms use; the
// words for the fields above are the same words, reused, so a change reads alike everywhere.

/** What each kind of record is called in a history. */
export const RECORD_KIND: Record<string, string> = {
  Plan: "Plan",
  Finding: "Finding",
  Action: "Action",
  ActionUpdate: "Update",
  Measure: "Measure",
  MeasureValue: "Measure value",
  Evidence: "Evidence",
  Comment: "Comment",
  ChangeRequest: "Change request",
  UpdateRequest: "Update request",
  ForumVerdict: "Forum verdict",
  CoproductionRecord: "Co-production record",
  AdviserNote: "Adviser note",
  YouSaidWeDid: "You said, we did",
  Snapshot: "Snapshot",
  Inspection: "Inspection",
  Organisation: "Organisation",
  Membership: "Membership",
  LocalArea: "Local area",
  TrackerMapping: "Tracker columns",
  ApiToken: "API token",
  User: "Person",
  NotificationPreference: "Notification settings",
};

export const recordKindWords = (entityType: string) => RECORD_KIND[entityType] ?? humanise(entityType);

/** What was done, by the audit event's verb. */
const ACTION_WORDS: Record<string, string> = {
  "plan.create": "Created the plan",
  "plan.update": "Changed the plan's details",
  "plan.startApp": "Started an accelerated progress plan",
  "plan.import.preview": "Checked a plan workbook",
  "plan.import": "Imported a plan workbook",
  "trackerMapping.save": "Saved the columns chosen for the area's own tracker",
  "finding.create": "Added the finding",
  "finding.update": "Changed the finding",
  "finding.judge": "Recorded the inspectors' judgement",
  "action.create": "Added the action",
  "action.update": "Changed the action",
  "action.postUpdate": "Posted an update",
  "action.acknowledgeUpdate": "Acknowledged an update",
  "measure.create": "Added the measure",
  "measure.update": "Changed the measure",
  "measure.recordValue": "Entered a value",
  "measure.pasteValues": "Pasted values",
  "measure.setValueStatus": "Changed a value's status",
  "measure.pushValues": "Sent values through the API",
  "measureValue.create": "Imported a value from a plan workbook",
  "measureValue.update": "Replaced a value from a plan workbook",
  "evidence.addLink": "Added a link as evidence",
  "evidence.upload": "Uploaded evidence",
  "evidence.review": "Reviewed evidence",
  "evidence.setReady": "Changed whether evidence is ready for inspectors",
  "evidence.withdraw": "Withdrew evidence",
  "forum.addEvidenceLink": "Added the forum's evidence (a link)",
  "forum.uploadEvidence": "Uploaded the forum's evidence",
  "forum.recordVerdict": "Gave the forum's verdict",
  "comment.add": "Commented",
  "changeRequest.create": "Requested a change",
  "changeRequest.approve": "Approved a change",
  "changeRequest.reject": "Rejected a change",
  "updateRequest.send": "Asked someone for an update",
  "updateRequest.revoke": "Withdrew an update request link",
  "apiToken.create": "Made an API token",
  "apiToken.revoke": "Revoked an API token",
  "coproduction.record": "Recorded co-production",
  "coproduction.setClaimedLevel": "Changed the co-production level claimed",
  "adviserNote.create": "Wrote an adviser note",
  "youSaidWeDid.propose": "Proposed a you said, we did entry",
  "youSaidWeDid.draft": "Drafted a you said, we did entry",
  "youSaidWeDid.edit": "Changed a you said, we did entry",
  "youSaidWeDid.publish": "Published a you said, we did entry",
  "youSaidWeDid.forumComment": "Added the forum's comment",
  "snapshot.take": "Took a snapshot",
  "inspection.create": "Recorded an inspection",
  "inspection.update": "Changed an inspection",
  "organisation.create": "Added an organisation",
  "organisation.update": "Changed an organisation",
  "membership.grant": "Gave someone a role",
  "membership.revoke": "Removed someone's role",
  "area.create": "Added the local area",
  "area.publishPublicPage": "Published the public page",
  "area.unpublishPublicPage": "Took the public page down",
};

/** "Changed the action"; an approved change request applied is said so. */
export function describeAction(action: string, after: unknown): string {
  if (isObject(after) && typeof after.changeRequestId === "string") return "Applied an approved change";
  if (action === "action.postUpdate" && isObject(after) && after.via === "updateRequest") return "Posted an update through an update request";
  if (action === "plan.import.preview" && isObject(after) && after.tracker === true) return "Checked the area's own tracker";
  // A figure replaced by hand carries the reason given for it.
  if (action === "measure.pushValues" && isObject(after) && typeof after.reason === "string") return "Replaced a value through the API";
  if ((action === "measure.recordValue" || action === "measure.pasteValues") && isObject(after) && typeof after.reason === "string") return "Replaced a value";
  return ACTION_WORDS[action] ?? humanise(action.replace(/\./g, " "));
}

/** A field's name in a history: the label of its field on the editor's form. */
const FIELD_WORDS: Record<string, string> = {
  ...CHANGED_FIELD,
  findingId: "Finding",
  findingIds: "Findings",
  ref: "Reference",
  title: "Title",
  description: "Description",
  ownerId: "Owner",
  catalogueMeasureId: "Published measure",
  leadOrganisationId: "Lead organisation",
  partnerOrganisationIds: "Partner organisations",
  dependsOnIds: "Depends on",
  coproductionLevel: "Co-production level claimed",
  ragOverride: "RAG set by hand",
  ragOverrideReason: "RAG set by hand because",
  narrative: "Update",
  email: "Sent to",
  message: "Message",
  expiresAt: "Link expires",
  acknowledgedById: "Acknowledged by",
  kind: "Kind",
  inspectorsWording: "Inspectors' wording",
  summary: "Summary in plain English",
  judgement: "Judgement",
  judgementDate: "Judgement date",
  judgementSource: "Judgement source",
  name: "Name",
  definition: "Definition",
  unit: "Unit",
  direction: "Direction",
  source: "Source",
  baselineValue: "Baseline value",
  baselineDate: "Baseline date",
  benchmarkValue: "Benchmark value",
  benchmarkLabel: "Benchmark",
  benchmarkDate: "Benchmark date",
  targetValue: "Target value",
  targetDate: "Target date",
  milestones: "Milestones",
  periodEnd: "Period end",
  value: "Value",
  note: "Note",
  type: "Plan type",
  acceptedDate: "Accepted date",
  submittedDate: "Submitted date",
  updateCadenceDays: "Updates expected every",
  ragGreenPercent: "Green from",
  ragAmberPercent: "Amber from",
  ragGreenThreshold: "Green from",
  ragAmberThreshold: "Amber from",
  sourceInspectionId: "Source inspection",
  url: "Link",
  fileName: "File",
  fileSize: "File size",
  mimeType: "File type",
  visibility: "Who can see it",
  reviewStatus: "Review",
  reviewNote: "Review note",
  readyForInspectors: "Ready for inspectors",
  body: "Comment",
  field: "Field",
  reason: "Reason",
  decisionNote: "Decision note",
  verdict: "Verdict",
  levelRecognised: "Co-production level recognised",
  cornerstonesMet: "Cornerstones met",
  text: "What the forum says",
  isPublic: "Public",
  stage: "Stage",
  involved: "Who was involved",
  familiesReached: "Families reached",
  date: "Date",
  view: "Likely judgement",
  youSaid: "You said",
  weDid: "We did",
  published: "Published",
  forumComment: "Forum's comment",
  label: "Label",
  userId: "Person",
  role: "Role",
  publicPagePublished: "Public page published",
  withdrawalReason: "Why it was withdrawn",
  importedFrom: "From the file",
  withdrawnAt: "Withdrawn",
  revokedAt: "Link withdrawn",
};

/**
 * Keys an event records for the system's own bookkeeping (ids, versions, links between events),
 * or that name what the history line already names (the record's own label): never shown.
 */
const HIDDEN_KEYS = new Set([
  "id",
  "version",
  "localAreaId",
  "planId",
  "actionId",
  "entityType",
  "entityId",
  "changeRequestId",
  "updateId",
  "updateRequestId",
  "via",
  "supersedes",
  "successorId",
  "predecessorId",
  "storageKey",
  "sha256",
  "tokenHash",
  "target",
  "action",
  "createdAt",
  "updatedAt",
  "enteredById",
  "reviewedById",
  "reviewedAt",
  "uploadedById",
  "authorId",
  "recordedById",
  "publishedAt",
  "publishedById",
  "forumCommentAt",
  "forumCommentById",
  "draftedById",
  "decidedById",
  "decidedAt",
  "requestedById",
  "oldValue",
  "newValue",
  "idempotencyKey",
  "withdrawnById",
]);

export const fieldWords = (key: string) => FIELD_WORDS[key] ?? humanise(key);

const STATUS_WORDS: Record<string, Record<string, string>> = { Plan: PLAN_STATUS, ChangeRequest: CHANGE_REQUEST_STATUS, MeasureValue: MEASURE_VALUE_STATUS };
const KIND_WORDS: Record<string, Record<string, string>> = { Evidence: EVIDENCE_KIND, Inspection: INSPECTION_KIND, Organisation: ORGANISATION_KIND };

/** The words of a coded value, by field; the record's kind tells apart the fields named alike. */
function enumWords(entityType: string, key: string): Record<string, string> | undefined {
  switch (key) {
    case "status":
      return STATUS_WORDS[entityType] ?? ACTION_STATUS;
    case "rag":
    case "ragOverride":
      return DELIVERY_RAG;
    case "coproductionLevel":
    case "levelRecognised":
      return COPRODUCTION_LEVEL;
    case "kind":
      return KIND_WORDS[entityType] ?? FINDING_KIND;
    case "type":
      return PLAN_TYPE;
    case "unit":
      return MEASURE_UNIT;
    case "direction":
      return MEASURE_DIRECTION;
    case "visibility":
      return entityType === "Comment" ? COMMENT_VISIBILITY : VISIBILITY;
    case "reviewStatus":
      return REVIEW_STATUS;
    case "judgement":
      return JUDGEMENT;
    case "verdict":
      return VERDICT;
    case "view":
      return ADVISER_VIEW;
    case "role":
      return AREA_ROLE;
    case "stage":
      return COPRODUCTION_STAGE;
    case "involved":
      return COPRODUCTION_PARTICIPANT;
    case "cornerstonesMet":
      return CORNERSTONE;
    case "framework":
      return INSPECTION_FRAMEWORK;
    case "field":
      return CONTROLLED_FIELD;
    default:
      return undefined;
  }
}

const MEASURE_FIGURES = new Set(["baselineValue", "benchmarkValue", "targetValue", "value"]);
const PERCENTAGES = new Set(["progress", "ragGreenPercent", "ragAmberPercent"]);
const FRACTIONS = new Set(["ragGreenThreshold", "ragAmberThreshold"]);
const isDayKey = (key: string) => /(Date|At)$/.test(key) || key === "date" || key === "periodEnd";
const isIdKey = (key: string) => /Ids?$/.test(key);

/** What a value is read against: the names of the ids it may hold, and a measure's unit. */
export type ValueContext = { names: ReadonlyMap<string, string>; unit?: MeasureUnit | null };

/** One recorded value in words: "Complete", "55%", "22 November 2026", "Priya Shah"; "Not set" when empty. */
export function describeRecordedValue(entityType: string, key: string, value: unknown, context: ValueContext): string {
  if (value === null || value === undefined || value === "") return "Not set";
  if (Array.isArray(value)) {
    if (value.length === 0) return key === "milestones" ? "No milestones" : "None";
    if (key === "milestones") {
      return (value as { date: string; targetValue: number }[])
        .map((m) => `${formatDate(m.date)}: ${describeRecordedValue(entityType, "targetValue", m.targetValue, context)}`)
        .join("; ");
    }
    return value.map((v) => describeRecordedValue(entityType, key, v, context)).join("; ");
  }
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") {
    if (PERCENTAGES.has(key)) return `${value}%`;
    if (FRACTIONS.has(key)) return `${Math.round(value * 100)}%`;
    if (key === "updateCadenceDays") return `${value} ${value === 1 ? "day" : "days"}`;
    if (key === "fileSize") return formatFileSize(value);
    if (MEASURE_FIGURES.has(key) && context.unit) return formatMeasureValue(value, context.unit);
    return formatFigure(value);
  }
  if (typeof value === "string") {
    const words = enumWords(entityType, key);
    if (words && Object.hasOwn(words, value)) return words[value]!;
    if (isIdKey(key)) return context.names.get(value) ?? "A record that has since been removed";
    if (isDayKey(key) && !Number.isNaN(Date.parse(value))) return formatDate(value);
    return value;
  }
  return JSON.stringify(value);
}

/** One field of a change: its name, and its value before and after (null: there was no before, or no after). */
export type RecordedChange = { field: string; before: string | null; after: string | null };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/**
 * An audit event's before and after as the fields that changed, in words: each key present on
 * either side and not the same on both (a new record: every field it was given). A change
 * request's values are shown against the field they are for.
 */
export function describeRecordedChanges(entityType: string, before: unknown, after: unknown, context: ValueContext): RecordedChange[] {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const hasBefore = isObject(before);
  const hasAfter = isObject(after);
  const unit = context.unit ?? ((a.unit ?? b.unit) as MeasureUnit | undefined) ?? null;
  const withUnit = { ...context, unit };
  const changes: RecordedChange[] = [];
  if (entityType === "ChangeRequest" && typeof a.field === "string" && "newValue" in a) {
    const field = a.field;
    changes.push({
      field: (CONTROLLED_FIELD as Record<string, string>)[field] ?? fieldWords(field),
      before: describeRecordedValue(entityType, field.split(".")[1] ?? field, a.oldValue, withUnit),
      after: describeRecordedValue(entityType, field.split(".")[1] ?? field, a.newValue, withUnit),
    });
  }
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  for (const key of keys) {
    if (HIDDEN_KEYS.has(key)) continue;
    if (entityType === "ChangeRequest" && (key === "field" || key === "status") && !hasBefore) continue;
    const inBefore = hasBefore && Object.hasOwn(b, key);
    const inAfter = hasAfter && Object.hasOwn(a, key);
    if (inBefore && inAfter && JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    // A new record: only the fields it was given something in.
    if (!inBefore && isEmpty(a[key])) continue;
    changes.push({
      field: fieldWords(key),
      before: inBefore ? describeRecordedValue(entityType, key, b[key], withUnit) : null,
      after: inAfter ? describeRecordedValue(entityType, key, a[key], withUnit) : null,
    });
  }
  return changes;
}

/** "benchmarkLabel" → "Benchmark label": the words of a field nobody has named yet. */
function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_\s]+/g, " ").trim().toLowerCase();
  return words ? `${words[0]!.toUpperCase()}${words.slice(1)}` : key;
}
