/**
 * The Plan sheet: which area the file is for, the plan's type and dates, and the inspections it
 * answers (the full inspection it was written for, the follow-up expected). Starts a plan when the
 * area has none.
 */
import { fromDay } from "@/lib/calendar";
import { INSPECTION_KIND, PLAN_TYPE } from "@/lib/labels";
import { followUpKind } from "@/server/domain/inspections";
import type { InspectionFramework, InspectionKind, PlanStatus, PlanType } from "@/server/generated/prisma/enums";
import { statusAfterJudgements } from "@/server/domain/plan-journey";
import { wordFor } from "@/server/schemas/plan-workbook";
import type { Issue, ParsedWorkbook } from "@/server/services/plan-transfer/parse-sheets";
import { FieldChanges, organisationKey, same, shown } from "@/server/services/plan-transfer/import/compare";
import type { ImportState } from "@/server/services/plan-transfer/import/import-state";
import { sheetAnalysis, type InspectionLink, type PlannedWrite, type SheetAnalysis } from "@/server/services/plan-transfer/import/report";

function defaultFramework(type: PlanType | undefined): InspectionFramework {
  return type === "PRIORITY_ACTION_PLAN" || type === "IMPROVEMENT_PLAN" ? "FRAMEWORK_2023" : "FRAMEWORK_2016";
}

export function analysePlan(parsed: ParsedWorkbook, state: ImportState): SheetAnalysis {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const writes: PlannedWrite[] = [];
  const { area, plan } = state;

  const p = parsed.plan;
  const planType: PlanType | undefined = p?.planType ?? plan?.type;
  const planTitle = plan?.title ?? (planType ? `${area.name} ${PLAN_TYPE[planType]}` : area.name);
  // A file with nothing for a plan (an area exported before it had one) has nothing to start.
  const somethingToPlan =
    parsed.findings.length + parsed.actions.length + parsed.measures.length + parsed.milestones.length + parsed.values.length > 0 ||
    !!(p?.planType || p?.inspectionDate || p?.acceptedDate || p?.nextInspectionDate || p?.followUpStartDate);
  if (!plan && !parsed.planRowGiven) {
    errors.push({ sheet: "Plan", row: 2, column: "", message: `${area.name} has no current plan: fill in the Plan sheet, with the plan type, to start one` });
  }
  if (p) {
    if (organisationKey(p.localArea) !== organisationKey(area.name)) {
      errors.push({ sheet: "Plan", row: p.row, column: "Local area", message: `This workbook is for ${p.localArea}, not ${area.name}: check the file and the local area` });
    }
    // Optional: the page or --area already names the area; when given, it must agree.
    if (p.laCode && p.laCode.toLowerCase() !== area.laCode.toLowerCase()) {
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
    if (!plan && !p.planType && somethingToPlan) {
      errors.push({ sheet: "Plan", row: p.row, column: "Plan type", message: `Enter the plan type: ${area.name} has no current plan, so the import starts one` });
    }
  }
  const framework: InspectionFramework = p?.framework ?? plan?.sourceInspection?.framework ?? defaultFramework(planType);
  const planChanges = new FieldChanges();
  /** Set when the plan is to answer another inspection, or expect a follow-up it did not. */
  let source: InspectionLink | undefined;
  let followUp: InspectionLink | undefined;

  if (p?.inspectionDate) {
    const date = p.inspectionDate;
    const current = plan?.sourceInspection ?? null;
    const fw = p.framework ?? current?.framework ?? framework;
    if (!current || current.framework !== fw || !same(current.startDate, date)) {
      planChanges.compare("Framework", null, wordFor("framework", fw), current ? wordFor("framework", current.framework) : null);
      planChanges.compare("Inspection date", null, date, current?.startDate ?? null);
      const found = state.fullInspections.find((i) => i.framework === fw && i.startDate.getTime() === date.getTime());
      if (found) {
        source = { id: found.id };
      } else {
        source = { created: true };
        writes.push({
          entity: "Inspection",
          kind: "create",
          key: `${INSPECTION_KIND.FULL} on ${fromDay(date)}`,
          role: "source",
          data: { framework: fw, kind: "FULL", startDate: date },
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
          writes.push({
            entity: "Inspection",
            kind: "update",
            key: what,
            id: current.id,
            fields: ["Next inspection date"],
            data: { expectedDate: date },
            before: { expectedDate: shown(current.expectedDate) },
            after: { expectedDate: shown(date) },
          });
        }
      }
    } else {
      const kind: InspectionKind = followUpKind(framework);
      planChanges.note("Next inspection date", null, date);
      followUp = { created: true };
      writes.push({
        entity: "Inspection",
        kind: "create",
        key: `${INSPECTION_KIND[kind]} expected ${fromDay(date)}`,
        role: "followUp",
        // A follow-up's date is rarely known until shortly before: recorded as an estimate.
        data: { framework, kind, expectedDate: date, dateIsEstimate: true },
      });
    }
  }

  const letter = parsed.findings.find((f) => f.judgement && f.letterUrl)?.letterUrl ?? null;
  if (p?.followUpStartDate) {
    const start = p.followUpStartDate;
    const end = p.followUpEndDate ?? null;
    const current = plan?.followUpInspection ?? null;
    if (current) {
      const what = INSPECTION_KIND[current.kind];
      if (current.startDate && !same(current.startDate, start)) {
        warnings.push({
          sheet: "Plan",
          row: p.row,
          column: "Revisit start date",
          message: `The ${what.toLowerCase()} is recorded as starting on ${fromDay(current.startDate)}: an import does not change the date of an inspection that has started`,
        });
      } else if (!same(current.startDate, start) || (p.followUpEndDate !== undefined && !same(current.endDate, end)) || (letter && !current.reportUrl)) {
        const data = { startDate: start, dateIsEstimate: false, ...(p.followUpEndDate !== undefined ? { endDate: end } : {}), ...(letter && !current.reportUrl ? { reportUrl: letter } : {}) };
        writes.push({
          entity: "Inspection",
          kind: "update",
          key: what,
          id: current.id,
          fields: ["Revisit start date", ...(data.endDate !== undefined ? ["Revisit end date"] : []), ...(data.reportUrl ? ["Letter link"] : [])],
          data,
          before: { startDate: shown(current.startDate), endDate: shown(current.endDate), reportUrl: current.reportUrl },
          after: { startDate: shown(start), endDate: shown(end), reportUrl: data.reportUrl ?? current.reportUrl },
        });
      }
    } else if (followUp) {
      // The follow-up this file creates from its expected date happened on these days.
      const created = writes.find((w) => w.entity === "Inspection" && w.kind === "create" && w.role === "followUp");
      if (created?.entity === "Inspection" && created.kind === "create") {
        Object.assign(created.data, { startDate: start, endDate: end, dateIsEstimate: false, reportUrl: letter });
      }
    } else {
      const kind: InspectionKind = followUpKind(framework);
      planChanges.note("Revisit start date", null, start);
      followUp = { created: true };
      writes.push({
        entity: "Inspection",
        kind: "create",
        key: `${INSPECTION_KIND[kind]} on ${fromDay(start)}`,
        role: "followUp",
        data: { framework, kind, startDate: start, endDate: end, expectedDate: start, dateIsEstimate: false, reportUrl: letter },
      });
    }
  }

  // The status follows the journey: accepted once an accepted date is given, judged once every
  // finding (as the plan will be after this file) has its follow-up's judgement.
  const judgements = new Map((plan?.findings ?? []).map((f) => [f.ref.toLowerCase(), f.judgement as unknown]));
  for (const f of parsed.findings) if (f.judgement !== undefined) judgements.set(f.ref.toLowerCase(), f.judgement);
  const statusAfter = (status: PlanStatus, accepted: boolean) => {
    const reached = accepted && (status === "DRAFT" || status === "SUBMITTED") ? "ACCEPTED" : status;
    return statusAfterJudgements(reached, framework, [...judgements.values()].map((judgement) => ({ judgement })));
  };

  if (plan) {
    planChanges.compare("Plan type", "type", p?.planType ?? undefined, plan.type);
    planChanges.compare("Plan accepted date", "acceptedDate", p?.acceptedDate, plan.acceptedDate);
    planChanges.compare("Status", "status", statusAfter(plan.status, !!(p?.acceptedDate ?? plan.acceptedDate)), plan.status);
    if (planChanges.any) {
      writes.push({
        entity: "Plan",
        kind: "update",
        key: plan.title,
        id: plan.id,
        version: plan.version,
        ...planChanges.diff(),
        ...(source ? { sourceInspection: source } : {}),
        ...(followUp ? { followUpInspection: followUp } : {}),
      });
    }
  } else if (p?.planType) {
    const acceptedDate = p.acceptedDate ?? null;
    writes.push({
      entity: "Plan",
      kind: "create",
      key: planTitle,
      data: { type: p.planType, title: planTitle, status: statusAfter("DRAFT", !!acceptedDate), acceptedDate },
      sourceInspection: source ?? { id: null },
      followUpInspection: followUp ?? { id: null },
    });
  }

  return sheetAnalysis(errors, warnings, writes);
}
