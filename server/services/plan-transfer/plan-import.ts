/**
 * Import of a plan workbook into an area's current plan (README "Plan workbooks").
 *
 * One analysis serves both steps: it reads the file (parse-sheets.ts), compares it field by
 * field with the plan as it is, and produces the report (errors, warnings, what would be created
 * or updated) together with the writes that would make the plan match. `previewPlanImport`
 * returns the report and writes nothing. `applyPlanImport` reads the cells first, then runs the
 * comparison again inside one transaction and performs the writes only when there is no error, so
 * a file is imported whole or not at all. What it writes follows the editors' rules (owners,
 * measures' trajectories, values for periods that have ended), so every record can be saved in
 * its editor again. A file that matches the plan produces no change and writes nothing, not even an
 * audit event. Keys: finding ref, action ref, measure ref; (measure ref, date) for milestones and
 * (measure ref, period end) for values. An import never deletes anything.
 *
 * Permission checks are the caller's (plan-transfer.ts for the web, the command line has the
 * database itself): these functions trust `localAreaId`.
 */
import { createHash } from "node:crypto";
import { fromDay, utcDay } from "@/lib/calendar";
import { acceptedPlanRefusal, isPlanAccepted, type ControlledField } from "@/server/domain/change-control";
import { followUpKind } from "@/server/domain/inspections";
import { AppError, notFound } from "@/server/errors";
import { INSPECTION_KIND, PLAN_TYPE } from "@/lib/labels";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import type { ActionStatus, InspectionFramework, InspectionKind, PlanType } from "@/server/generated/prisma/enums";
import { parseSheets, type Issue, type MeasureRow, type MilestoneRow, type ParsedWorkbook } from "@/server/services/plan-transfer/parse-sheets";
import { loadAreaState, type WorkbookActionState, type WorkbookFindingState, type WorkbookMeasureState } from "@/server/services/plan-transfer/workbook-state";
import { readUpload, type RawSheet, type RawWorkbook, type UploadedFile } from "@/server/services/plan-transfer/read-workbook";
import { columnOf, SHEET_NAMES, SHEETS, wordFor, type Column, type ColumnKey, type SheetName } from "@/server/schemas/plan-workbook";
import { measureFields, type MeasureFields } from "@/server/schemas/measure";
import { ownerChoices } from "@/server/services/core/access";
import { recordAudit, type AuditEntry, type Db, type Tx } from "@/server/services/core/audit";
import { today } from "@/server/services/core/today";

export type { Issue };
export type ChangeEntity = "Plan" | "Finding" | "Action" | "Measure" | "Milestone" | "Value" | "Organisation" | "Inspection";
export type Change = { entity: ChangeEntity; key: string; kind: "create" | "update"; fields?: string[] };
export type ImportReport = { errors: Issue[]; warnings: Issue[]; changes: Change[] };

export type ImportInput = { localAreaId: string; sheets: readonly RawSheet[]; date1904?: boolean };

/** Who imports, for the audit trail. `viewer` null: the command line. */
export type ImportActor = {
  viewer: { userId: string } | null;
  requestId: string;
  source: "web" | "command line";
  /** The file's name (or folder of CSV files) and its SHA-256, recorded with the import. */
  file: string;
  sha256?: string;
};

export type ImportResult = {
  /** refused: the file has errors, nothing was written; unchanged: it matches the plan. */
  status: "applied" | "unchanged" | "refused";
  report: ImportReport;
  planId: string | null;
};

// ---------------------------------------------------------------------------------------------
// Comparing
// ---------------------------------------------------------------------------------------------

const blank = (v: unknown) => v === null || v === undefined || v === "";
const normText = (s: string) => s.replace(/\r\n?/g, "\n").trim();

/** Equal as the workbook sees it: dates by day, text trimmed, "" and nothing alike. */
function same(a: unknown, b: unknown): boolean {
  if (blank(a) && blank(b)) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === "string" && typeof b === "string") return normText(a) === normText(b);
  return a === b;
}

function sameSet(a: Iterable<string>, b: Iterable<string>): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

/** What a value looks like in the audit trail: dates as days, the rest as it is. */
const shown = (v: unknown) => (v instanceof Date ? fromDay(v) : (v ?? null));

/** The fields of one record that differ, with their values before and after, by column name. */
class FieldChanges {
  readonly fields: string[] = [];
  readonly before: Record<string, unknown> = {};
  readonly after: Record<string, unknown> = {};
  readonly data: Record<string, unknown> = {};

  /** Compares one column; `desired` undefined means the column is not in the file. */
  compare(header: string, field: string | null, desired: unknown, current: unknown) {
    if (desired === undefined || same(desired, current)) return;
    this.note(header, current, desired);
    if (field) this.data[field] = desired;
  }

  note(header: string, from: unknown, to: unknown) {
    if (!this.fields.includes(header)) this.fields.push(header);
    this.before[header] = shown(from);
    this.after[header] = shown(to);
  }

  get any() {
    return this.fields.length > 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Analysis
// ---------------------------------------------------------------------------------------------

/** Ids known once earlier writes have run: new organisations, inspections, the plan, findings, measures. */
type Ids = {
  plan: string | null;
  source: string | null;
  followUp: string | null;
  orgs: Map<string, string>;
  findings: Map<string, string>;
  measures: Map<string, string>;
};

type Writer = {
  tx: Tx;
  ids: Ids;
  now: Date;
  audit: (entry: Omit<AuditEntry, "localAreaId">) => Promise<void>;
  enteredById: string | null;
};
type Op = (w: Writer) => Promise<void>;

/** Writes run in this order, so a record exists before anything refers to it. */
const STAGES: ChangeEntity[] = ["Organisation", "Inspection", "Plan", "Finding", "Action", "Measure", "Milestone", "Value"];

type Analysis = { report: ImportReport; ops: Op[]; ids: Ids; localAreaId: string };

const key = (ref: string) => ref.toLowerCase();
const collapse = (name: string) => name.replace(/\s+/g, " ").trim();

function defaultFramework(type: PlanType | undefined): InspectionFramework {
  return type === "PRIORITY_ACTION_PLAN" || type === "IMPROVEMENT_PLAN" ? "FRAMEWORK_2023" : "FRAMEWORK_2016";
}

/** Several writes conflict only when someone changes the plan at the same moment. */
function concurrentChange(): AppError {
  return new AppError("CONFLICT", "Someone changed the plan while the import was running. Nothing was imported: check the file again.");
}

/** The measure form's fields as the Measures sheet's columns, for reporting the editor's refusals. */
const MEASURE_COLUMNS: Partial<Record<keyof MeasureFields, ColumnKey<"Measures">>> = {
  ref: "ref",
  name: "name",
  definition: "definition",
  unit: "unit",
  direction: "direction",
  source: "source",
  baselineValue: "baseline",
  baselineDate: "baselineDate",
  benchmarkValue: "benchmark",
  benchmarkLabel: "benchmarkLabel",
  // Not a column: a benchmark date without a value is put right by entering the benchmark.
  benchmarkDate: "benchmark",
  targetValue: "target",
  targetDate: "targetDate",
  findingIds: "findingRefs",
};

/** Milestones and values are keyed by their measure and their day. */
const dayKey = (measureRef: string, d: Date) => `${key(measureRef)}|${fromDay(d)}`;

function parse(input: ImportInput): ParsedWorkbook {
  return parseSheets(input.sheets, { date1904: input.date1904 });
}

async function analyse(db: Db, localAreaId: string, parsed: ParsedWorkbook): Promise<Analysis> {
  const errors = [...parsed.errors];
  const warnings = [...parsed.warnings];
  const state = await loadAreaState(db, localAreaId);
  if (!state) throw notFound("That local area");
  const { area, plan } = state;

  // Change control: on an accepted plan (as it is before this file), the controlled fields of
  // existing actions and measures change only through a change request an adviser approves.
  // Creating new actions, measures and their milestones stays open, as in the editors.
  const planAccepted = plan !== null && isPlanAccepted(plan);
  const controlled = (issue: Omit<Issue, "message">, field: ControlledField, desired: unknown, current: unknown) => {
    if (planAccepted && desired !== undefined && !same(desired, current)) errors.push({ ...issue, message: acceptedPlanRefusal(field) });
  };

  const staged: { stage: number; change: Change; op: Op }[] = [];
  const add = (change: Change, op: Op) => staged.push({ stage: STAGES.indexOf(change.entity), change, op });

  const ids: Ids = {
    plan: plan?.id ?? null,
    source: plan?.sourceInspection?.id ?? null,
    followUp: plan?.followUpInspection?.id ?? null,
    orgs: new Map(),
    findings: new Map(plan?.findings.map((f) => [key(f.ref), f.id])),
    measures: new Map(plan?.measures.map((m) => [key(m.ref), m.id])),
  };

  // Organisations: the area's own, then national bodies (DfE, NHS England); new names are added to the area.
  const orgs = await db.organisation.findMany({
    where: { OR: [{ localAreaId: area.id }, { localAreaId: null }] },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, localAreaId: true },
  });
  const orgByKey = new Map<string, { id: string; name: string }>();
  for (const o of [...orgs.filter((o) => o.localAreaId), ...orgs.filter((o) => !o.localAreaId)]) {
    const k = key(collapse(o.name));
    if (!orgByKey.has(k)) orgByKey.set(k, o);
  }
  for (const [k, o] of orgByKey) ids.orgs.set(k, o.id);
  const newOrgs = new Map<string, string>();
  const orgKey = (name: string) => {
    const k = key(collapse(name));
    if (!orgByKey.has(k) && !newOrgs.has(k)) newOrgs.set(k, collapse(name));
    return k;
  };
  const orgName = (k: string) => orgByKey.get(k)?.name ?? newOrgs.get(k) ?? k;

  // Owners: whom the action editor offers (access.ts). The area's other members are looked up only
  // to say why their address is not taken.
  const owners = await ownerChoices(db, area.id);
  const members = await db.membership.findMany({
    where: { localAreaId: area.id, user: { email: { not: null } } },
    select: { user: { select: { id: true, email: true, disabledAt: true } } },
  });
  const ownerByEmail = new Map(owners.filter((u) => u.email).map((u) => [u.email!.toLowerCase(), u.id]));
  const emailById = new Map(members.map(({ user }) => [user.id, user.email!.toLowerCase()]));
  const notOwnerBecause = new Map(
    members
      .filter(({ user }) => !ownerByEmail.has(user.email!.toLowerCase()))
      .map(({ user }) => {
        const email = user.email!.toLowerCase();
        return [email, user.disabledAt ? `The account of ${email} is disabled` : `${email} is not a lead or contributor in ${area.name}`];
      }),
  );

  // Plan -------------------------------------------------------------------------------------
  const p = parsed.plan;
  const planType: PlanType | undefined = p?.planType ?? plan?.type;
  const planTitle = plan?.title ?? (planType ? `${area.name} ${PLAN_TYPE[planType]}` : area.name);
  if (!plan && !parsed.planRowGiven) {
    errors.push({ sheet: "Plan", row: 2, column: "", message: `${area.name} has no current plan: fill in the Plan sheet, with the plan type, to start one` });
  }
  if (p) {
    if (key(collapse(p.localArea)) !== key(collapse(area.name))) {
      errors.push({ sheet: "Plan", row: p.row, column: "Local area", message: `This workbook is for ${p.localArea}, not ${area.name}: check the file and the local area` });
    }
    if (p.laCode.toLowerCase() !== area.laCode.toLowerCase()) {
      errors.push({ sheet: "Plan", row: p.row, column: "LA code", message: `The LA code is ${p.laCode}, but ${area.name}'s is ${area.laCode}` });
    }
    if (p.region && p.region !== area.region) {
      warnings.push({
        sheet: "Plan",
        row: p.row,
        column: "Region",
        message: `The file says ${wordFor("region", p.region)} but ${area.name} is in ${wordFor("region", area.region)}: an import does not change an area's region`,
      });
    }
    if (!plan && !p.planType) {
      errors.push({ sheet: "Plan", row: p.row, column: "Plan type", message: `Enter the plan type: ${area.name} has no current plan, so the import starts one` });
    }
  }
  const framework: InspectionFramework = p?.framework ?? plan?.sourceInspection?.framework ?? defaultFramework(planType);
  const planChanges = new FieldChanges();
  let sourceChanged = false;
  let followUpCreated = false;

  if (p?.inspectionDate) {
    const date = p.inspectionDate;
    const current = plan?.sourceInspection ?? null;
    const fw = p.framework ?? current?.framework ?? framework;
    if (!current || current.framework !== fw || !same(current.startDate, date)) {
      sourceChanged = true;
      planChanges.compare("Framework", null, wordFor("framework", fw), current ? wordFor("framework", current.framework) : null);
      planChanges.compare("Inspection date", null, date, current?.startDate ?? null);
      const found = await db.inspection.findFirst({
        where: { localAreaId: area.id, kind: "FULL", framework: fw, startDate: date },
        orderBy: { createdAt: "asc" },
        select: { id: true },
      });
      if (found) {
        ids.source = found.id;
      } else {
        add({ entity: "Inspection", key: `${INSPECTION_KIND.FULL} on ${fromDay(date)}`, kind: "create" }, async (w) => {
          const created = await w.tx.inspection.create({
            data: { localAreaId: area.id, framework: fw, kind: "FULL", startDate: date },
            select: { id: true, framework: true, kind: true, startDate: true },
          });
          w.ids.source = created.id;
          await w.audit({ action: "inspection.create", entityType: "Inspection", entityId: created.id, after: created });
        });
      }
    }
  } else if (p?.framework && plan?.sourceInspection && p.framework !== plan.sourceInspection.framework) {
    errors.push({
      sheet: "Plan",
      row: p.row,
      column: "Inspection date",
      message: "Enter the inspection date: a different framework means a different inspection",
    });
  }

  if (p?.nextInspectionDate) {
    const date = p.nextInspectionDate;
    const current = plan?.followUpInspection ?? null;
    if (current) {
      const currentDate = current.startDate ?? current.expectedDate;
      if (!same(currentDate, date)) {
        const what = INSPECTION_KIND[current.kind];
        if (current.startDate) {
          warnings.push({
            sheet: "Plan",
            row: p.row,
            column: "Next inspection date",
            message: `The ${what.toLowerCase()} started on ${fromDay(current.startDate)}: an import does not change the date of an inspection that has started`,
          });
        } else {
          const id = current.id;
          add({ entity: "Inspection", key: what, kind: "update", fields: ["Next inspection date"] }, async (w) => {
            await w.tx.inspection.update({ where: { id }, data: { expectedDate: date } });
            await w.audit({
              action: "inspection.update",
              entityType: "Inspection",
              entityId: id,
              before: { expectedDate: shown(current.expectedDate) },
              after: { expectedDate: shown(date) },
            });
          });
        }
      }
    } else {
      followUpCreated = true;
      const kind: InspectionKind = followUpKind(framework);
      planChanges.note("Next inspection date", null, date);
      add({ entity: "Inspection", key: `${INSPECTION_KIND[kind]} expected ${fromDay(date)}`, kind: "create" }, async (w) => {
        const created = await w.tx.inspection.create({
          // A follow-up's date is rarely known until shortly before: recorded as an estimate.
          data: { localAreaId: area.id, framework, kind, expectedDate: date, dateIsEstimate: true },
          select: { id: true, framework: true, kind: true, expectedDate: true, dateIsEstimate: true },
        });
        w.ids.followUp = created.id;
        await w.audit({ action: "inspection.create", entityType: "Inspection", entityId: created.id, after: created });
      });
    }
  }

  if (plan) {
    planChanges.compare("Plan type", "type", p?.planType ?? undefined, plan.type);
    planChanges.compare("Plan accepted date", "acceptedDate", p?.acceptedDate, plan.acceptedDate);
    if (planChanges.any) {
      const { id, version } = plan;
      add({ entity: "Plan", key: plan.title, kind: "update", fields: planChanges.fields }, async (w) => {
        const { count } = await w.tx.plan.updateMany({
          where: { id, version },
          data: {
            ...(planChanges.data as Prisma.PlanUpdateManyMutationInput),
            ...(sourceChanged ? { sourceInspectionId: w.ids.source } : {}),
            ...(followUpCreated ? { followUpInspectionId: w.ids.followUp } : {}),
            version: { increment: 1 },
          },
        });
        if (count === 0) throw concurrentChange();
        await w.audit({ action: "plan.update", entityType: "Plan", entityId: id, before: planChanges.before, after: planChanges.after });
      });
    }
  } else if (p?.planType) {
    const type = p.planType;
    const acceptedDate = p.acceptedDate ?? null;
    add({ entity: "Plan", key: planTitle, kind: "create" }, async (w) => {
      const created = await w.tx.plan.create({
        data: {
          localAreaId: area.id,
          type,
          title: planTitle,
          status: acceptedDate ? "ACCEPTED" : "DRAFT",
          acceptedDate,
          sourceInspectionId: w.ids.source,
          followUpInspectionId: w.ids.followUp,
        },
        select: { id: true, type: true, title: true, status: true, acceptedDate: true, sourceInspectionId: true, followUpInspectionId: true },
      });
      w.ids.plan = created.id;
      await w.audit({ action: "plan.create", entityType: "Plan", entityId: created.id, after: created });
    });
  }

  // Findings ---------------------------------------------------------------------------------
  const currentFindings = new Map<string, WorkbookFindingState>(plan?.findings.map((f) => [key(f.ref), f]));
  const findingExists = (ref: string) => currentFindings.has(key(ref)) || parsed.findingRefs.has(key(ref));
  let nextFindingSort = Math.max(0, ...(plan?.findings.map((f) => f.sortOrder) ?? [])) + 1;

  for (const row of parsed.findings) {
    const current = currentFindings.get(key(row.ref));
    // Judgements are the adviser's to record (the Judgements page), not the lead's workbook's: on a
    // plan already here the columns are for reading, and a file that changes them is refused. A
    // file that starts the plan (moving an existing plan out of Excel) brings its history with it.
    const judgementChanged = (desired: unknown, now: unknown) => plan !== null && desired !== undefined && !same(desired ?? null, now ?? null);
    for (const [column, desired, now] of [
      ["Judgement", row.judgement, current?.judgement ?? null],
      ["Judgement date", row.judgementDate, current?.judgementDate ?? null],
    ] as const) {
      if (judgementChanged(desired, now)) {
        errors.push({ sheet: "Findings", row: row.row, column, message: "Judgements are recorded by the area's adviser on the Judgements page, not by importing a workbook" });
      }
    }
    if (!current) {
      const sortOrder = nextFindingSort++;
      add({ entity: "Finding", key: row.ref, kind: "create" }, async (w) => {
        const created = await w.tx.finding.create({
          data: {
            localAreaId: area.id,
            planId: w.ids.plan!,
            ref: row.ref,
            kind: row.kind,
            inspectorsWording: row.inspectorsWording,
            summary: row.summary,
            judgement: row.judgement ?? null,
            judgementDate: row.judgementDate ?? null,
            sortOrder,
          },
          select: { id: true, ref: true, kind: true, inspectorsWording: true, summary: true, judgement: true, judgementDate: true },
        });
        w.ids.findings.set(key(row.ref), created.id);
        await w.audit({ action: "finding.create", entityType: "Finding", entityId: created.id, after: created });
      });
      continue;
    }
    const c = new FieldChanges();
    c.compare("Kind", "kind", row.kind, current.kind);
    c.compare("Inspectors' wording", "inspectorsWording", row.inspectorsWording, current.inspectorsWording);
    c.compare("Summary", "summary", row.summary, current.summary);
    if (!c.any) continue;
    const { id, version } = current;
    add({ entity: "Finding", key: current.ref, kind: "update", fields: c.fields }, async (w) => {
      const { count } = await w.tx.finding.updateMany({
        where: { id, version },
        data: { ...(c.data as Prisma.FindingUpdateManyMutationInput), version: { increment: 1 } },
      });
      if (count === 0) throw concurrentChange();
      await w.audit({ action: "finding.update", entityType: "Finding", entityId: id, before: c.before, after: c.after });
    });
  }

  // Actions ----------------------------------------------------------------------------------
  const currentActions = new Map<string, WorkbookActionState & { findingRef: string }>();
  const ambiguousActions = new Set<string>();
  for (const f of plan?.findings ?? []) {
    for (const a of f.actions) {
      if (currentActions.has(key(a.ref))) ambiguousActions.add(key(a.ref));
      currentActions.set(key(a.ref), { ...a, findingRef: f.ref });
    }
  }
  let nextActionSort = Math.max(0, ...(plan?.findings.flatMap((f) => f.actions.map((a) => a.sortOrder)) ?? [])) + 1;

  for (const row of parsed.actions) {
    const at = { sheet: "Actions", row: row.row };
    if (!findingExists(row.findingRef)) {
      errors.push({ ...at, column: "Finding ref", message: `There is no finding ${row.findingRef} in the Findings sheet or in the plan` });
      continue;
    }
    if (ambiguousActions.has(key(row.ref))) {
      errors.push({ ...at, column: "Ref", message: `The plan has more than one action ${row.ref}: give them different refs in Headway first` });
      continue;
    }
    const current = currentActions.get(key(row.ref)) ?? null;

    const startDate = row.startDate !== undefined ? row.startDate : (current?.startDate ?? null);
    const dueDate = row.dueDate !== undefined ? row.dueDate : (current?.dueDate ?? null);
    if (startDate && dueDate && dueDate < startDate && (row.startDate === undefined || row.dueDate === undefined)) {
      const column = row.dueDate === undefined ? "Start date" : "Due date";
      errors.push({ ...at, column, message: `The due date (${fromDay(dueDate)}) must be on or after the start date (${fromDay(startDate)})` });
      continue;
    }

    let ownerId: string | null | undefined;
    if (row.ownerEmail === null) ownerId = null;
    else if (row.ownerEmail !== undefined) {
      if (current?.owner?.email && current.owner.email.toLowerCase() === row.ownerEmail) ownerId = current.ownerId;
      else {
        ownerId = ownerByEmail.get(row.ownerEmail) ?? null;
        if (!ownerId) {
          warnings.push({
            ...at,
            column: "Owner email",
            message: `${notOwnerBecause.get(row.ownerEmail) ?? `No one with the email ${row.ownerEmail} has a role in ${area.name}`}: action ${row.ref} is left without an owner`,
          });
        }
      }
    }
    const ownerEmailOf = (id: string | null) => (id ? (emailById.get(id) ?? current?.owner?.email ?? null) : null);
    const leadKey = row.leadOrganisation === undefined ? undefined : row.leadOrganisation === null ? null : orgKey(row.leadOrganisation);
    const partnerKeys = row.partnerOrganisations?.map(orgKey);
    const orgId = (w: Writer, k: string | null) => (k === null ? null : w.ids.orgs.get(k)!);

    if (!current) {
      const sortOrder = nextActionSort++;
      const status: ActionStatus = row.status ?? "NOT_STARTED";
      add({ entity: "Action", key: row.ref, kind: "create" }, async (w) => {
        const created = await w.tx.action.create({
          data: {
            localAreaId: area.id,
            findingId: w.ids.findings.get(key(row.findingRef))!,
            ref: row.ref,
            title: row.title,
            description: row.description ?? "",
            ownerId: ownerId ?? null,
            leadOrganisationId: orgId(w, leadKey ?? null),
            partnerOrganisations: { connect: (partnerKeys ?? []).map((k) => ({ id: orgId(w, k)! })) },
            startDate: row.startDate ?? null,
            dueDate: row.dueDate ?? null,
            status,
            progress: row.progress ?? 0,
            completedAt: status === "COMPLETE" ? w.now : null,
            coproductionLevel: row.coproductionLevel ?? null,
            sortOrder,
          },
          select: { id: true },
        });
        await w.audit({
          action: "action.create",
          entityType: "Action",
          entityId: created.id,
          after: {
            findingRef: row.findingRef,
            ref: row.ref,
            title: row.title,
            ownerEmail: ownerEmailOf(ownerId ?? null),
            leadOrganisation: leadKey ? orgName(leadKey) : null,
            partnerOrganisations: (partnerKeys ?? []).map(orgName),
            startDate: shown(row.startDate),
            dueDate: shown(row.dueDate),
            status,
            progress: row.progress ?? 0,
          },
        });
      });
      continue;
    }

    const c = new FieldChanges();
    const movesFinding = key(row.findingRef) !== key(current.findingRef);
    if (movesFinding) c.note("Finding ref", current.findingRef, row.findingRef);
    c.compare("Title", "title", row.title, current.title);
    c.compare("Description", "description", row.description, current.description);
    if (ownerId !== undefined && ownerId !== current.ownerId) {
      c.note("Owner email", current.owner?.email ?? null, ownerEmailOf(ownerId));
      c.data.ownerId = ownerId;
    }
    const currentLeadKey = current.leadOrganisation ? key(collapse(current.leadOrganisation.name)) : null;
    if (leadKey !== undefined && leadKey !== currentLeadKey) c.note("Lead organisation", current.leadOrganisation?.name ?? null, leadKey ? orgName(leadKey) : null);
    const currentPartnerKeys = current.partnerOrganisations.map((o) => key(collapse(o.name)));
    const partnersChange = partnerKeys !== undefined && !sameSet(partnerKeys, currentPartnerKeys);
    if (partnersChange) c.note("Partner organisations", current.partnerOrganisations.map((o) => o.name), partnerKeys.map(orgName));
    c.compare("Start date", "startDate", row.startDate, current.startDate);
    c.compare("Due date", "dueDate", row.dueDate, current.dueDate);
    c.compare("Status", "status", row.status ?? undefined, current.status);
    c.compare("Progress", "progress", row.progress ?? undefined, current.progress);
    c.compare("Co-production level", "coproductionLevel", row.coproductionLevel, current.coproductionLevel);
    if (!c.any) continue;
    controlled({ ...at, column: "Title" }, "action.title", row.title, current.title);
    controlled({ ...at, column: "Description" }, "action.description", row.description, current.description);
    controlled({ ...at, column: "Due date" }, "action.dueDate", row.dueDate, current.dueDate);

    // Completion is dated when the status becomes Complete, and undone when it stops being.
    const status = row.status ?? current.status;
    const completedAt = status === "COMPLETE" ? (current.completedAt ?? "now") : null;
    const { id, version } = current;
    add({ entity: "Action", key: current.ref, kind: "update", fields: c.fields }, async (w) => {
      const { count } = await w.tx.action.updateMany({
        where: { id, version },
        data: {
          ...(c.data as Prisma.ActionUpdateManyMutationInput),
          ...(movesFinding ? { findingId: w.ids.findings.get(key(row.findingRef))! } : {}),
          ...(leadKey !== undefined && leadKey !== currentLeadKey ? { leadOrganisationId: orgId(w, leadKey) } : {}),
          completedAt: completedAt === "now" ? w.now : completedAt,
          version: { increment: 1 },
        },
      });
      if (count === 0) throw concurrentChange();
      if (partnersChange) {
        await w.tx.action.update({
          where: { id },
          data: { partnerOrganisations: { set: partnerKeys.map((k) => ({ id: orgId(w, k)! })) } },
          select: { id: true },
        });
      }
      await w.audit({ action: "action.update", entityType: "Action", entityId: id, before: c.before, after: c.after });
    });
  }

  for (const [k, name] of newOrgs) {
    add({ entity: "Organisation", key: name, kind: "create" }, async (w) => {
      const created = await w.tx.organisation.create({
        data: { localAreaId: area.id, name, kind: "OTHER" },
        select: { id: true, name: true, kind: true },
      });
      w.ids.orgs.set(k, created.id);
      await w.audit({ action: "organisation.create", entityType: "Organisation", entityId: created.id, after: created });
    });
  }

  // Measures ---------------------------------------------------------------------------------
  const currentMeasures = new Map<string, WorkbookMeasureState>(plan?.measures.map((m) => [key(m.ref), m]));
  const measureExists = (ref: string) => currentMeasures.has(key(ref)) || parsed.measureRefs.has(key(ref));
  /** Measure rows that may be written, by key; and the measures whose record or trajectory the file changes. */
  const measureRows = new Map<string, MeasureRow>();
  const changedMeasures = new Set<string>();

  for (const row of parsed.measures) {
    const missing = (row.findingRefs ?? []).filter((ref) => !findingExists(ref));
    if (missing.length > 0) {
      errors.push({
        sheet: "Measures",
        row: row.row,
        column: "Finding refs",
        message: `There is no finding ${missing.join(", ")} in the Findings sheet or in the plan`,
      });
      continue;
    }
    measureRows.set(key(row.ref), row);
    const findingIds = (w: Writer) => (row.findingRefs ?? []).map((ref) => ({ id: w.ids.findings.get(key(ref))! }));
    const current = currentMeasures.get(key(row.ref));
    if (!current) {
      changedMeasures.add(key(row.ref));
      add({ entity: "Measure", key: row.ref, kind: "create" }, async (w) => {
        const created = await w.tx.measure.create({
          data: {
            localAreaId: area.id,
            planId: w.ids.plan!,
            ref: row.ref,
            name: row.name,
            definition: row.definition ?? "",
            unit: row.unit,
            direction: row.direction,
            source: row.source ?? "",
            baselineValue: row.baseline ?? null,
            baselineDate: row.baselineDate ?? null,
            benchmarkValue: row.benchmark ?? null,
            benchmarkLabel: row.benchmarkLabel ?? null,
            targetValue: row.target ?? null,
            targetDate: row.targetDate ?? null,
            findings: { connect: findingIds(w) },
          },
          select: { id: true, ref: true, name: true, unit: true, direction: true, baselineValue: true, targetValue: true, targetDate: true },
        });
        w.ids.measures.set(key(row.ref), created.id);
        await w.audit({ action: "measure.create", entityType: "Measure", entityId: created.id, after: { ...created, findingRefs: row.findingRefs ?? [] } });
      });
      continue;
    }
    const c = new FieldChanges();
    c.compare("Name", "name", row.name, current.name);
    c.compare("Definition", "definition", row.definition, current.definition);
    c.compare("Unit", "unit", row.unit, current.unit);
    c.compare("Direction", "direction", row.direction, current.direction);
    c.compare("Source", "source", row.source, current.source);
    c.compare("Baseline", "baselineValue", row.baseline, current.baselineValue);
    c.compare("Baseline date", "baselineDate", row.baselineDate, current.baselineDate);
    c.compare("Benchmark", "benchmarkValue", row.benchmark, current.benchmarkValue);
    c.compare("Benchmark label", "benchmarkLabel", row.benchmarkLabel, current.benchmarkLabel);
    c.compare("Target", "targetValue", row.target, current.targetValue);
    c.compare("Target date", "targetDate", row.targetDate, current.targetDate);
    const findingsChange = row.findingRefs !== undefined && !sameSet(row.findingRefs.map(key), current.findings.map((f) => key(f.ref)));
    if (findingsChange) c.note("Finding refs", current.findings.map((f) => f.ref), row.findingRefs);
    if (!c.any) continue;
    controlled({ sheet: "Measures", row: row.row, column: "Target" }, "measure.targetValue", row.target, current.targetValue);
    controlled({ sheet: "Measures", row: row.row, column: "Target date" }, "measure.targetDate", row.targetDate, current.targetDate);
    changedMeasures.add(key(row.ref));
    const { id, version } = current;
    add({ entity: "Measure", key: current.ref, kind: "update", fields: c.fields }, async (w) => {
      const { count } = await w.tx.measure.updateMany({
        where: { id, version },
        data: { ...(c.data as Prisma.MeasureUpdateManyMutationInput), version: { increment: 1 } },
      });
      if (count === 0) throw concurrentChange();
      if (findingsChange) await w.tx.measure.update({ where: { id }, data: { findings: { set: findingIds(w) } }, select: { id: true } });
      await w.audit({ action: "measure.update", entityType: "Measure", entityId: id, before: c.before, after: c.after });
    });
  }

  // Milestones and values --------------------------------------------------------------------
  const currentMilestones = new Map(plan?.measures.flatMap((m) => m.milestones.map((s) => [dayKey(m.ref, s.date), s] as const)));
  const currentValues = new Map(plan?.measures.flatMap((m) => m.values.map((v) => [dayKey(m.ref, v.periodEnd), v] as const)));
  /** The Milestones sheet's rows by measure key, for checking each measure's trajectory whole. */
  const milestoneRows = new Map<string, MilestoneRow[]>();

  for (const row of parsed.milestones) {
    if (!measureExists(row.measureRef)) {
      errors.push({ sheet: "Milestones", row: row.row, column: "Measure ref", message: `There is no measure ${row.measureRef} in the Measures sheet or in the plan` });
      continue;
    }
    const measureKey = key(row.measureRef);
    milestoneRows.set(measureKey, [...(milestoneRows.get(measureKey) ?? []), row]);
    const label = `${currentMeasures.get(measureKey)?.ref ?? row.measureRef}, ${fromDay(row.date)}`;
    const current = currentMilestones.get(dayKey(row.measureRef, row.date));
    if (currentMeasures.has(measureKey)) {
      // A milestone added to, or changed on, a measure the accepted plan already has.
      const milestone = { sheet: "Milestones", row: row.row, column: current ? "Target" : "Date" };
      controlled(milestone, "measure.milestones", row.target, current ? current.targetValue : null);
    }
    if (!current) {
      changedMeasures.add(measureKey);
      add({ entity: "Milestone", key: label, kind: "create" }, async (w) => {
        const created = await w.tx.measureMilestone.create({
          data: { measureId: w.ids.measures.get(measureKey)!, date: row.date, targetValue: row.target },
          select: { id: true, measureId: true, targetValue: true },
        });
        await w.audit({ action: "measureMilestone.create", entityType: "MeasureMilestone", entityId: created.id, after: { ...created, date: shown(row.date) } });
      });
    } else if (!same(row.target, current.targetValue)) {
      changedMeasures.add(measureKey);
      add({ entity: "Milestone", key: label, kind: "update", fields: ["Target"] }, async (w) => {
        await w.tx.measureMilestone.update({ where: { id: current.id }, data: { targetValue: row.target }, select: { id: true } });
        await w.audit({
          action: "measureMilestone.update",
          entityType: "MeasureMilestone",
          entityId: current.id,
          before: { Target: current.targetValue },
          after: { Target: row.target },
        });
      });
    }
  }

  // Every measure the file creates or changes, as the measure editor would save it.
  for (const measureKey of changedMeasures) {
    errors.push(...trajectoryIssues(measureRows.get(measureKey), currentMeasures.get(measureKey), milestoneRows.get(measureKey) ?? [], ids.findings));
  }

  // As when a value is entered by hand: a period that has not ended has no figure yet.
  const lastPeriodEnd = utcDay(today());
  const notEnded = (row: { row: number }): Issue => ({
    sheet: "Values",
    row: row.row,
    column: "Period end",
    message: "The period end must be today or earlier: the period must have ended",
  });

  for (const row of parsed.values) {
    if (!measureExists(row.measureRef)) {
      errors.push({ sheet: "Values", row: row.row, column: "Measure ref", message: `There is no measure ${row.measureRef} in the Measures sheet or in the plan` });
      continue;
    }
    const label = `${currentMeasures.get(key(row.measureRef))?.ref ?? row.measureRef}, ${fromDay(row.periodEnd)}`;
    const current = currentValues.get(dayKey(row.measureRef, row.periodEnd));
    if (!current) {
      if (row.periodEnd > lastPeriodEnd) {
        errors.push(notEnded(row));
        continue;
      }
      add({ entity: "Value", key: label, kind: "create" }, async (w) => {
        const created = await w.tx.measureValue.create({
          data: {
            measureId: w.ids.measures.get(key(row.measureRef))!,
            periodEnd: row.periodEnd,
            value: row.value,
            status: row.status ?? "PROVISIONAL",
            enteredById: w.enteredById,
          },
          select: { id: true, measureId: true, value: true, status: true },
        });
        await w.audit({ action: "measureValue.create", entityType: "MeasureValue", entityId: created.id, after: { ...created, periodEnd: shown(row.periodEnd) } });
      });
      continue;
    }
    const c = new FieldChanges();
    c.compare("Value", "value", row.value, current.value);
    c.compare("Status", "status", row.status ?? undefined, current.status);
    if (!c.any) continue;
    if (row.periodEnd > lastPeriodEnd) {
      errors.push(notEnded(row));
      continue;
    }
    add({ entity: "Value", key: label, kind: "update", fields: c.fields }, async (w) => {
      await w.tx.measureValue.update({
        where: { id: current.id },
        // The figure is now the importer's, as when they enter it by hand; the command line has no one to name.
        data: { ...(c.data as Prisma.MeasureValueUncheckedUpdateInput), ...(w.enteredById ? { enteredById: w.enteredById } : {}) },
        select: { id: true },
      });
      await w.audit({ action: "measureValue.update", entityType: "MeasureValue", entityId: current.id, before: c.before, after: c.after });
    });
  }

  // Writes that depend on a plan only make sense once the file is clean; with errors they are never run.
  const ordered = staged.map((s, i) => ({ ...s, i })).sort((a, b) => a.stage - b.stage || a.i - b.i);
  return {
    report: { errors: sortIssues(errors), warnings: sortIssues(warnings), changes: ordered.map((s) => s.change) },
    ops: ordered.map((s) => s.op),
    ids,
    localAreaId: area.id,
  };
}

/**
 * The measure editor's refusals of a measure as the import would leave it: the file's row over the
 * plan's record, the plan's milestones with the file's added or changed. Each is reported where
 * it can be put right: the Measures row's column, or the Milestones row of a milestone from the
 * file. A measure the file names only in the Milestones sheet is reported on its first milestone.
 */
function trajectoryIssues(
  row: MeasureRow | undefined,
  current: WorkbookMeasureState | undefined,
  milestoneRows: readonly MilestoneRow[],
  findingIds: ReadonlyMap<string, string>,
): Issue[] {
  // A measure whose row has problems of its own is reported already.
  if (!row && !current) return [];
  const pick = <T>(fromFile: T | undefined, fromPlan: T) => (fromFile === undefined ? fromPlan : fromFile);
  const milestones = new Map<string, { date: string; targetValue: number; row?: number }>();
  for (const s of current?.milestones ?? []) milestones.set(fromDay(s.date), { date: fromDay(s.date), targetValue: s.targetValue });
  for (const s of milestoneRows) milestones.set(fromDay(s.date), { date: fromDay(s.date), targetValue: s.target, row: s.row });
  const trajectory = [...milestones.values()].sort((a, b) => a.date.localeCompare(b.date));
  const findingRefs = row?.findingRefs ?? current?.findings.map((f) => f.ref) ?? [];
  const baselineDate = fromDay(pick(row?.baselineDate, current?.baselineDate ?? null));
  const ref = row?.ref ?? current!.ref;

  const checked = measureFields.safeParse({
    ref,
    name: row?.name ?? current!.name,
    definition: pick(row?.definition, current?.definition ?? ""),
    unit: row?.unit ?? current!.unit,
    direction: row?.direction ?? current!.direction,
    source: pick(row?.source, current?.source ?? ""),
    baselineValue: pick(row?.baseline, current?.baselineValue ?? null),
    baselineDate,
    benchmarkValue: pick(row?.benchmark, current?.benchmarkValue ?? null),
    benchmarkLabel: pick(row?.benchmarkLabel, current?.benchmarkLabel ?? null) ?? "",
    benchmarkDate: fromDay(current?.benchmarkDate),
    targetValue: pick(row?.target, current?.targetValue ?? null),
    targetDate: fromDay(pick(row?.targetDate, current?.targetDate ?? null)),
    // The refs were found above; a finding the file adds has no id yet, so it stands in with one of its own.
    findingIds: findingRefs.map((f, i) => findingIds.get(key(f)) ?? `new${i}`),
    milestones: trajectory.map(({ date, targetValue }) => ({ date, targetValue })),
  } satisfies MeasureFields);
  if (checked.success) return [];

  const firstMilestone = milestoneRows[0]?.row ?? 0;
  const onMeasure = (column: string, message: string): Issue =>
    row
      ? { sheet: "Measures", row: row.row, column, message }
      : { sheet: "Milestones", row: firstMilestone, column: "", message: `Measure ${ref} in the plan: ${message}` };
  return checked.error.issues.map((issue) => {
    const [field, index] = issue.path;
    if (field === "milestones" && typeof index === "number") {
      const milestone = trajectory[index]!;
      // The editor numbers milestones as its form lists them; a workbook names them by date.
      const message = issue.message.replace(/^Milestone \d+/, `The milestone on ${milestone.date}`);
      if (milestone.row) return { sheet: "Milestones", row: milestone.row, column: "Date", message };
      return onMeasure(baselineDate && milestone.date <= baselineDate ? "Baseline date" : "Target date", message);
    }
    const column = MEASURE_COLUMNS[field as keyof MeasureFields];
    return onMeasure(column ? columnOf("Measures", column).header : "", issue.message);
  });
}

/** File problems first, then by sheet, row and column as they appear in the workbook. */
function sortIssues(issues: Issue[]): Issue[] {
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

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

/** The dry run: what the file would create and update, and every problem in it. Writes nothing. */
export async function previewPlanImport(db: Db, input: ImportInput): Promise<ImportReport> {
  return (await analyse(db, input.localAreaId, parse(input))).report;
}

/** How many records of each kind a report creates and updates. */
export function summarise(changes: readonly Change[]): { created: number; updated: number; byEntity: Record<string, { created: number; updated: number }> } {
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

const TX_OPTIONS = { timeout: 120_000, maxWait: 30_000 };

/**
 * Checks the file again and, when it has no errors, makes every change in one transaction with
 * an audit event for each record and one for the import as a whole. The cells are read before the
 * transaction starts: they do not depend on the plan, and a large file should not hold it open.
 */
export async function applyPlanImport(db: PrismaClient, actor: ImportActor, input: ImportInput): Promise<ImportResult> {
  const parsed = parse(input);
  try {
    return await db.$transaction(async (tx) => {
      // One import at a time per area: a second submission of the same file waits here, then finds
      // the plan already as the file says ("unchanged") instead of adding a second copy of what has
      // no unique key (a new plan, its inspections). NO KEY: the area's other records can still be added.
      await tx.$queryRaw`SELECT 1 FROM "LocalArea" WHERE id = ${input.localAreaId} FOR NO KEY UPDATE`;
      const analysis = await analyse(tx, input.localAreaId, parsed);
      const { report } = analysis;
      if (report.errors.length > 0) return { status: "refused", report, planId: null };
      if (report.changes.length === 0) return { status: "unchanged", report, planId: analysis.ids.plan };
      const auditCtx = { viewer: actor.viewer, requestId: actor.requestId };
      const writer: Writer = {
        tx,
        ids: analysis.ids,
        now: new Date(),
        enteredById: actor.viewer?.userId ?? null,
        audit: (entry) => recordAudit(tx, auditCtx, { ...entry, localAreaId: analysis.localAreaId }),
      };
      for (const op of analysis.ops) await op(writer);
      const { created, updated, byEntity } = summarise(report.changes);
      await recordAudit(tx, auditCtx, {
        action: "plan.import",
        entityType: "Plan",
        entityId: writer.ids.plan!,
        localAreaId: analysis.localAreaId,
        after: { source: actor.source, file: actor.file, sha256: actor.sha256 ?? null, created, updated, byEntity, warnings: report.warnings.length },
      });
      return { status: "applied", report, planId: writer.ids.plan };
    }, TX_OPTIONS);
  } catch (error) {
    // A unique key taken between the check and the write: someone else added the same ref.
    if ((error as { code?: string } | null)?.code === "P2002") throw concurrentChange();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// From files
// ---------------------------------------------------------------------------------------------

/** The files' SHA-256 together, recorded with the import so the exact file can be recognised later. */
export function digestOf(files: readonly UploadedFile[]): string {
  const hash = createHash("sha256");
  for (const f of files) hash.update(f.bytes);
  return hash.digest("hex");
}

/** Reads the files; a file that is not a workbook becomes the report's one error. */
async function readFiles(files: readonly UploadedFile[]): Promise<RawWorkbook | ImportReport> {
  try {
    return await readUpload(files);
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID") {
      return { errors: [{ sheet: "", row: 0, column: "", message: error.message }], warnings: [], changes: [] };
    }
    throw error;
  }
}

const isReport = (r: RawWorkbook | ImportReport): r is ImportReport => "changes" in r;

/** The dry run, from the uploaded files. */
export async function previewImportFiles(db: Db, localAreaId: string, files: readonly UploadedFile[]): Promise<ImportReport> {
  const read = await readFiles(files);
  if (isReport(read)) return read;
  return previewPlanImport(db, { localAreaId, sheets: read.sheets, date1904: read.date1904 });
}

/** The import, from the uploaded files. */
export async function applyImportFiles(
  db: PrismaClient,
  actor: ImportActor,
  localAreaId: string,
  files: readonly UploadedFile[],
): Promise<ImportResult> {
  const read = await readFiles(files);
  if (isReport(read)) return { status: "refused", report: read, planId: null };
  return applyPlanImport(db, actor, { localAreaId, sheets: read.sheets, date1904: read.date1904 });
}
