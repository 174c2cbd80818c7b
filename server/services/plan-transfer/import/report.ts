/**
 * What an analysis of a plan workbook produces: the report people read (problems, warnings, the
 * records that would be created or updated) and the writes that would make the plan match the
 * file, as plain data, so that checking a file and applying it are the same analysis and only
 * the writer (write-plan.ts) touches the database.
 */
import type {
  ActionStatus,
  CoproductionLevel,
  FindingKind,
  InspectionFramework,
  InspectionKind,
  Judgement,
  MeasureDirection,
  MeasureUnit,
  MeasureValueStatus,
  PlanStatus,
  PlanType,
} from "@/server/generated/prisma/enums";
import type { ImportChange, ImportChangeEntity, ImportSummary } from "@/server/schemas/plan-transfer";
import type { Issue } from "@/server/services/plan-transfer/parse-sheets";
import { SHEET_NAMES, SHEETS, type Column, type SheetName } from "@/server/schemas/plan-workbook";

export type { Issue };
export type ChangeEntity = ImportChangeEntity;
export type Change = ImportChange;
export type ImportReport = { errors: Issue[]; warnings: Issue[]; changes: Change[] };

/** An update's columns that differ, with their values before and after (for the audit trail) and the fields to write. */
export type FieldDiff = { fields: string[]; before: Record<string, unknown>; after: Record<string, unknown>; data: Record<string, unknown> };

/**
 * Which inspection a plan points at: one that exists, or the one this import creates (its id is
 * known only once it is written).
 */
export type InspectionLink = { id: string | null } | { created: true };

/**
 * One record to create or update. Records the file adds are named by their keys (finding ref,
 * measure ref, organisation name as compared), since their ids exist only once written; records
 * already in the plan by id, with the version an update must still find.
 */
export type PlannedWrite =
  | {
      entity: "Inspection";
      kind: "create";
      key: string;
      /** The plan's inspection it becomes: the one the plan answers, or the follow-up expected. */
      role: "source" | "followUp";
      data: {
        framework: InspectionFramework;
        kind: InspectionKind;
        startDate?: Date;
        endDate?: Date | null;
        expectedDate?: Date;
        dateIsEstimate?: boolean;
        reportUrl?: string | null;
      };
    }
  | {
      entity: "Inspection";
      kind: "update";
      key: string;
      id: string;
      fields: string[];
      data: { expectedDate?: Date; startDate?: Date; endDate?: Date | null; dateIsEstimate?: boolean; reportUrl?: string };
      before: unknown;
      after: unknown;
    }
  | {
      entity: "Plan";
      kind: "create";
      key: string;
      data: { type: PlanType; title: string; status: PlanStatus; acceptedDate: Date | null };
      sourceInspection: InspectionLink;
      followUpInspection: InspectionLink;
    }
  | ({
      entity: "Plan";
      kind: "update";
      key: string;
      id: string;
      version: number;
      /** Undefined: the link stays as it is. */
      sourceInspection?: InspectionLink;
      followUpInspection?: InspectionLink;
    } & FieldDiff)
  | {
      entity: "Finding";
      kind: "create";
      key: string;
      data: {
        ref: string;
        kind: FindingKind;
        inspectorsWording: string;
        summary: string;
        judgement: Judgement | null;
        judgementDate: Date | null;
        judgementSource: string | null;
        judgementImported: boolean;
        sortOrder: number;
      };
      /** Judged by the plan's follow-up inspection (as it is after this import), when it has one. */
      judgedByFollowUp: boolean;
    }
  | ({ entity: "Finding"; kind: "update"; key: string; id: string; version: number; judgedByFollowUp?: boolean } & FieldDiff)
  | {
      entity: "Action";
      kind: "create";
      key: string;
      findingKey: string;
      leadOrganisationKey: string | null;
      partnerOrganisationKeys: string[];
      data: {
        ref: string;
        title: string;
        description: string;
        ownerId: string | null;
        startDate: Date | null;
        dueDate: Date | null;
        status: ActionStatus;
        progress: number;
        /** Complete from the start: dated when written. */
        completedNow: boolean;
        coproductionLevel: CoproductionLevel | null;
        sortOrder: number;
      };
      /** The audit event's record: what the file said, with names in place of ids. */
      after: Record<string, unknown>;
    }
  | ({
      entity: "Action";
      kind: "update";
      key: string;
      id: string;
      version: number;
      /** Set when the action moves to another finding. */
      findingKey?: string;
      /** Set when the lead organisation changes (null: none). */
      leadOrganisationKey?: string | null;
      /** Set when the partner organisations change. */
      partnerOrganisationKeys?: string[];
      /** "now": it becomes complete with this import. */
      completedAt: Date | null | "now";
    } & FieldDiff)
  | { entity: "Organisation"; kind: "create"; key: string; organisationKey: string; data: { name: string } }
  | {
      entity: "Measure";
      kind: "create";
      key: string;
      measureKey: string;
      findingKeys: string[];
      data: {
        ref: string;
        name: string;
        definition: string;
        unit: MeasureUnit;
        direction: MeasureDirection;
        source: string;
        baselineValue: number | null;
        baselineDate: Date | null;
        benchmarkValue: number | null;
        benchmarkLabel: string | null;
        targetValue: number | null;
        targetDate: Date | null;
        plausibleMin: number | null;
        plausibleMax: number | null;
      };
      findingRefs: string[];
    }
  | ({ entity: "Measure"; kind: "update"; key: string; id: string; version: number; findingKeys?: string[] } & FieldDiff)
  | { entity: "Milestone"; kind: "create"; key: string; measureKey: string; data: { date: Date; targetValue: number } }
  | {
      entity: "Milestone";
      kind: "update";
      key: string;
      id: string;
      fields: string[];
      data: { targetValue: number };
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    }
  | { entity: "Value"; kind: "create"; key: string; measureKey: string; data: { periodEnd: Date; value: number; status: MeasureValueStatus } }
  | ({ entity: "Value"; kind: "update"; key: string; id: string } & FieldDiff);

/** What one sheet's analyser finds: plain data, nothing written. */
export type SheetAnalysis = { errors: Issue[]; warnings: Issue[]; changes: Change[]; writes: PlannedWrite[] };

/** The report line of a planned write. */
export function changeOf(write: PlannedWrite): Change {
  const fields = write.kind === "update" ? write.fields : undefined;
  const replaces =
    write.entity === "Value" && write.kind === "update" && typeof write.before.Value === "number" && typeof write.after.Value === "number"
      ? { before: write.before.Value, after: write.after.Value }
      : undefined;
  return { entity: write.entity, key: write.key, kind: write.kind, ...(fields ? { fields } : {}), ...(replaces ? { replaces } : {}) };
}

/** An analyser's result, its report lines taken from its writes. */
export function sheetAnalysis(errors: Issue[], warnings: Issue[], writes: PlannedWrite[]): SheetAnalysis {
  return { errors, warnings, changes: writes.map(changeOf), writes };
}

/** Writes run in this order, so a record exists before anything refers to it. */
export const STAGES: ChangeEntity[] = ["LocalArea", "Organisation", "Inspection", "Plan", "Finding", "Action", "Measure", "Milestone", "Value"];

/** By stage, keeping the order the analysers found them in within a stage. */
export function inWritingOrder(writes: readonly PlannedWrite[]): PlannedWrite[] {
  return writes
    .map((write, i) => ({ write, i, stage: STAGES.indexOf(write.entity) }))
    .sort((a, b) => a.stage - b.stage || a.i - b.i)
    .map((x) => x.write);
}

/** How many records of each kind a report creates and updates. */
export function summarise(changes: readonly Change[]): ImportSummary {
  const byEntity: Record<string, { created: number; updated: number }> = {};
  for (const c of changes) {
    const e = (byEntity[c.entity] ??= { created: 0, updated: 0 });
    if (c.kind === "create") e.created++;
    else e.updated++;
  }
  return {
    created: changes.filter((c) => c.kind === "create").length,
    updated: changes.filter((c) => c.kind === "update").length,
    byEntity,
  };
}

/** File problems first, then by sheet, row and column as they appear in the workbook. */
export function sortIssues(issues: Issue[]): Issue[] {
  const sheetOrder = (s: string) => (s === "" ? -1 : SHEET_NAMES.includes(s as SheetName) ? SHEET_NAMES.indexOf(s as SheetName) : SHEET_NAMES.length);
  const columnOrder = (i: Issue) => {
    const columns = SHEETS[i.sheet as SheetName] as readonly Column[] | undefined;
    const at = columns?.findIndex((c) => c.header === i.column) ?? -1;
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        sheetOrder(a.issue.sheet) - sheetOrder(b.issue.sheet) ||
        a.issue.row - b.issue.row ||
        columnOrder(a.issue) - columnOrder(b.issue) ||
        a.i - b.i,
    )
    .map((x) => x.issue);
}
