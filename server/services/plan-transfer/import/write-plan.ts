/**
 * The one place an import writes: the planned writes of a clean analysis, in order, inside the
 * caller's transaction, each with its audit event, then one event for the import as a whole.
 * Updates name the version they were compared with, so a record someone saved meanwhile stops the
 * import instead of being overwritten.
 */
import { organisationKindFor } from "@/server/domain/organisation-kind";
import { AppError } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import { recordAudit, type AuditEntry, type Tx } from "@/server/services/core/audit";
import { key, shown } from "@/server/services/plan-transfer/import/compare";
import type { ImportState } from "@/server/services/plan-transfer/import/import-state";
import { summarise, type ImportReport, type InspectionLink, type PlannedWrite } from "@/server/services/plan-transfer/import/report";

/** Who imports, for the audit trail. `viewer` null: the command line. */
export type ImportActor = {
  viewer: { userId: string } | null;
  requestId: string;
  source: "web" | "command line";
  /** The file's name (or folder of CSV files) and its SHA-256, recorded with the import. */
  file: string;
  sha256?: string;
};

/** Several writes conflict only when someone changes the plan at the same moment. */
export function concurrentChange(): AppError {
  return new AppError("CONFLICT", "Someone changed the plan while the import was running. Nothing was imported: check the file again.");
}

/** Ids by key: the plan's records from the start, the file's new ones as they are written. */
type Ids = {
  plan: string | null;
  source: string | null;
  followUp: string | null;
  organisations: Map<string, string>;
  findings: Map<string, string>;
  measures: Map<string, string>;
};

type Writing = {
  tx: Tx;
  ids: Ids;
  localAreaId: string;
  now: Date;
  enteredById: string | null;
  /** The file the import read: a measure value's event names it, as a value entered by hand names its reason. */
  file: string;
  audit: (entry: Omit<AuditEntry, "localAreaId">) => Promise<void>;
};

const linked = (w: Writing, link: InspectionLink, role: "source" | "followUp") => ("id" in link ? link.id : w.ids[role]);
const organisationId = (w: Writing, k: string) => w.ids.organisations.get(k)!;
const findingId = (w: Writing, k: string) => w.ids.findings.get(k)!;

async function write(w: Writing, planned: PlannedWrite): Promise<void> {
  const { tx } = w;
  switch (planned.entity) {
    case "Organisation": {
      const created = await tx.organisation.create({
        // A sensible kind from the name, which the lead can correct on the People and roles page.
        data: { localAreaId: w.localAreaId, name: planned.data.name, kind: organisationKindFor(planned.data.name) },
        select: { id: true, name: true, kind: true },
      });
      w.ids.organisations.set(planned.organisationKey, created.id);
      return w.audit({ action: "organisation.create", entityType: "Organisation", entityId: created.id, after: created });
    }
    case "Inspection": {
      if (planned.kind === "update") {
        await tx.inspection.update({ where: { id: planned.id }, data: planned.data });
        return w.audit({ action: "inspection.update", entityType: "Inspection", entityId: planned.id, before: planned.before, after: planned.after });
      }
      const created =
        planned.role === "source"
          ? await tx.inspection.create({
              data: { localAreaId: w.localAreaId, ...planned.data },
              select: { id: true, framework: true, kind: true, startDate: true },
            })
          : await tx.inspection.create({
              data: { localAreaId: w.localAreaId, ...planned.data },
              select: { id: true, framework: true, kind: true, startDate: true, endDate: true, expectedDate: true, dateIsEstimate: true, reportUrl: true },
            });
      w.ids[planned.role] = created.id;
      return w.audit({ action: "inspection.create", entityType: "Inspection", entityId: created.id, after: created });
    }
    case "Plan": {
      if (planned.kind === "create") {
        const created = await tx.plan.create({
          data: {
            localAreaId: w.localAreaId,
            ...planned.data,
            sourceInspectionId: linked(w, planned.sourceInspection, "source"),
            followUpInspectionId: linked(w, planned.followUpInspection, "followUp"),
          },
          select: { id: true, type: true, title: true, status: true, acceptedDate: true, sourceInspectionId: true, followUpInspectionId: true },
        });
        w.ids.plan = created.id;
        return w.audit({ action: "plan.create", entityType: "Plan", entityId: created.id, after: created });
      }
      const { count } = await tx.plan.updateMany({
        where: { id: planned.id, version: planned.version },
        data: {
          ...(planned.data as Prisma.PlanUpdateManyMutationInput),
          ...(planned.sourceInspection ? { sourceInspectionId: linked(w, planned.sourceInspection, "source") } : {}),
          ...(planned.followUpInspection ? { followUpInspectionId: linked(w, planned.followUpInspection, "followUp") } : {}),
          version: { increment: 1 },
        },
      });
      if (count === 0) throw concurrentChange();
      return w.audit({ action: "plan.update", entityType: "Plan", entityId: planned.id, before: planned.before, after: planned.after });
    }
    case "Finding": {
      if (planned.kind === "create") {
        const created = await tx.finding.create({
          data: {
            localAreaId: w.localAreaId,
            planId: w.ids.plan!,
            ...planned.data,
            judgementInspectionId: planned.judgedByFollowUp ? w.ids.followUp : null,
          },
          select: {
            id: true,
            ref: true,
            kind: true,
            inspectorsWording: true,
            summary: true,
            judgement: true,
            judgementDate: true,
            judgementSource: true,
            judgementImported: true,
            judgementInspectionId: true,
          },
        });
        w.ids.findings.set(key(planned.key), created.id);
        return w.audit({ action: "finding.create", entityType: "Finding", entityId: created.id, after: created });
      }
      const { count } = await tx.finding.updateMany({
        where: { id: planned.id, version: planned.version },
        data: {
          ...(planned.data as Prisma.FindingUpdateManyMutationInput),
          ...(planned.judgedByFollowUp ? { judgementInspectionId: w.ids.followUp } : {}),
          version: { increment: 1 },
        },
      });
      if (count === 0) throw concurrentChange();
      return w.audit({ action: "finding.update", entityType: "Finding", entityId: planned.id, before: planned.before, after: planned.after });
    }
    case "Action": {
      if (planned.kind === "create") {
        const { completedNow, ...data } = planned.data;
        const created = await tx.action.create({
          data: {
            localAreaId: w.localAreaId,
            findingId: findingId(w, planned.findingKey),
            ...data,
            leadOrganisationId: planned.leadOrganisationKey === null ? null : organisationId(w, planned.leadOrganisationKey),
            partnerOrganisations: { connect: planned.partnerOrganisationKeys.map((k) => ({ id: organisationId(w, k) })) },
            completedAt: completedNow ? w.now : null,
          },
          select: { id: true },
        });
        return w.audit({ action: "action.create", entityType: "Action", entityId: created.id, after: planned.after });
      }
      const { count } = await tx.action.updateMany({
        where: { id: planned.id, version: planned.version },
        data: {
          ...(planned.data as Prisma.ActionUpdateManyMutationInput),
          ...(planned.findingKey !== undefined ? { findingId: findingId(w, planned.findingKey) } : {}),
          ...(planned.leadOrganisationKey !== undefined
            ? { leadOrganisationId: planned.leadOrganisationKey === null ? null : organisationId(w, planned.leadOrganisationKey) }
            : {}),
          completedAt: planned.completedAt === "now" ? w.now : planned.completedAt,
          version: { increment: 1 },
        },
      });
      if (count === 0) throw concurrentChange();
      if (planned.partnerOrganisationKeys) {
        await tx.action.update({
          where: { id: planned.id },
          data: { partnerOrganisations: { set: planned.partnerOrganisationKeys.map((k) => ({ id: organisationId(w, k) })) } },
          select: { id: true },
        });
      }
      return w.audit({ action: "action.update", entityType: "Action", entityId: planned.id, before: planned.before, after: planned.after });
    }
    case "Measure": {
      if (planned.kind === "create") {
        const created = await tx.measure.create({
          data: {
            localAreaId: w.localAreaId,
            planId: w.ids.plan!,
            ...planned.data,
            findings: { connect: planned.findingKeys.map((k) => ({ id: findingId(w, k) })) },
          },
          select: {
            id: true,
            ref: true,
            name: true,
            unit: true,
            direction: true,
            baselineValue: true,
            targetValue: true,
            targetDate: true,
            plausibleMin: true,
            plausibleMax: true,
          },
        });
        w.ids.measures.set(planned.measureKey, created.id);
        return w.audit({ action: "measure.create", entityType: "Measure", entityId: created.id, after: { ...created, findingRefs: planned.findingRefs } });
      }
      const { count } = await tx.measure.updateMany({
        where: { id: planned.id, version: planned.version },
        data: { ...(planned.data as Prisma.MeasureUpdateManyMutationInput), version: { increment: 1 } },
      });
      if (count === 0) throw concurrentChange();
      if (planned.findingKeys) {
        await tx.measure.update({
          where: { id: planned.id },
          data: { findings: { set: planned.findingKeys.map((k) => ({ id: findingId(w, k) })) } },
          select: { id: true },
        });
      }
      return w.audit({ action: "measure.update", entityType: "Measure", entityId: planned.id, before: planned.before, after: planned.after });
    }
    case "Milestone": {
      if (planned.kind === "create") {
        const created = await tx.measureMilestone.create({
          data: { measureId: w.ids.measures.get(planned.measureKey)!, ...planned.data },
          select: { id: true, measureId: true, targetValue: true },
        });
        return w.audit({
          action: "measureMilestone.create",
          entityType: "MeasureMilestone",
          entityId: created.id,
          after: { ...created, date: shown(planned.data.date) },
        });
      }
      await tx.measureMilestone.update({ where: { id: planned.id }, data: planned.data, select: { id: true } });
      return w.audit({ action: "measureMilestone.update", entityType: "MeasureMilestone", entityId: planned.id, before: planned.before, after: planned.after });
    }
    case "Value": {
      if (planned.kind === "create") {
        const created = await tx.measureValue.create({
          data: { measureId: w.ids.measures.get(planned.measureKey)!, ...planned.data, enteredById: w.enteredById },
          select: { id: true, measureId: true, value: true, status: true },
        });
        return w.audit({
          action: "measureValue.create",
          entityType: "MeasureValue",
          entityId: created.id,
          after: { ...created, periodEnd: shown(planned.data.periodEnd), importedFrom: w.file },
        });
      }
      await tx.measureValue.update({
        where: { id: planned.id },
        // The figure is now the importer's, as when they enter it by hand; the command line has no one to name.
        data: { ...(planned.data as Prisma.MeasureValueUncheckedUpdateInput), ...(w.enteredById ? { enteredById: w.enteredById } : {}) },
        select: { id: true },
      });
      // A figure replaced from a file says so: the file is its reason, and the report listed it before and after.
      return w.audit({
        action: "measureValue.update",
        entityType: "MeasureValue",
        entityId: planned.id,
        before: planned.before,
        after: { ...planned.after, importedFrom: w.file },
      });
    }
  }
}

/**
 * Runs the writes of a file without errors and records the import; returns the plan's id. The
 * caller holds the transaction (and the area's lock) in which `state` was read.
 */
export async function writePlan(tx: Tx, actor: ImportActor, state: ImportState, analysis: { report: ImportReport; writes: readonly PlannedWrite[] }): Promise<string> {
  const localAreaId = state.area.id;
  const auditCtx = { viewer: actor.viewer, requestId: actor.requestId };
  const w: Writing = {
    tx,
    localAreaId,
    now: new Date(),
    enteredById: actor.viewer?.userId ?? null,
    file: actor.file,
    ids: {
      plan: state.plan?.id ?? null,
      source: state.plan?.sourceInspection?.id ?? null,
      followUp: state.plan?.followUpInspection?.id ?? null,
      organisations: new Map([...state.organisations].map(([k, o]) => [k, o.id])),
      findings: new Map(state.findingIds),
      measures: new Map(state.measureIds),
    },
    audit: (entry) => recordAudit(tx, auditCtx, { ...entry, localAreaId }),
  };
  for (const planned of analysis.writes) await write(w, planned);

  const { report } = analysis;
  const { created, updated, byEntity } = summarise(report.changes);
  await recordAudit(tx, auditCtx, {
    action: "plan.import",
    entityType: "Plan",
    entityId: w.ids.plan!,
    localAreaId,
    after: { source: actor.source, file: actor.file, sha256: actor.sha256 ?? null, created, updated, byEntity, warnings: report.warnings.length },
  });
  return w.ids.plan!;
}
