/**
 * The Actions sheet: each finding's actions, created or updated by ref, with their owners (whom
 * the action editor would offer) and organisations. An organisation the area does not have yet is
 * added to the area, under the name the file gives it.
 */
import { fromDay } from "@/lib/calendar";
import type { ActionStatus } from "@/server/generated/prisma/enums";
import type { Issue, ParsedWorkbook } from "@/server/services/plan-transfer/parse-sheets";
import { collapse, controlledChange, FieldChanges, key, organisationKey, sameSet, shown } from "@/server/services/plan-transfer/import/compare";
import { findingNamed } from "@/server/services/plan-transfer/import/analyse-findings";
import type { ImportState } from "@/server/services/plan-transfer/import/import-state";
import { sheetAnalysis, type PlannedWrite, type SheetAnalysis } from "@/server/services/plan-transfer/import/report";
import type { WorkbookActionState } from "@/server/services/plan-transfer/workbook-state";

export function analyseActions(parsed: ParsedWorkbook, state: ImportState): SheetAnalysis {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const writes: PlannedWrite[] = [];
  const { area, plan, planAccepted } = state;

  /** Names the file gives organisations the area does not have, by compared name. */
  const newOrganisations = new Map<string, string>();
  const organisationIn = (name: string) => {
    const k = organisationKey(name);
    if (!state.organisations.has(k) && !newOrganisations.has(k)) newOrganisations.set(k, collapse(name));
    return k;
  };
  const organisationName = (k: string) => state.organisations.get(k)?.name ?? newOrganisations.get(k) ?? k;

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
    if (!findingNamed(parsed, state, row.findingRef)) {
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
        ownerId = state.ownerByEmail.get(row.ownerEmail) ?? null;
        if (!ownerId) {
          warnings.push({
            ...at,
            column: "Owner email",
            message: `${state.notOwnerBecause.get(row.ownerEmail) ?? `No one with the email ${row.ownerEmail} has a role in ${area.name}`}: action ${row.ref} is left without an owner`,
          });
        }
      }
    }
    const ownerEmailOf = (id: string | null) => (id ? (state.emailById.get(id) ?? current?.owner?.email ?? null) : null);
    const leadKey = row.leadOrganisation === undefined ? undefined : row.leadOrganisation === null ? null : organisationIn(row.leadOrganisation);
    const partnerKeys = row.partnerOrganisations?.map(organisationIn);

    if (!current) {
      const status: ActionStatus = row.status ?? "NOT_STARTED";
      writes.push({
        entity: "Action",
        kind: "create",
        key: row.ref,
        findingKey: key(row.findingRef),
        leadOrganisationKey: leadKey ?? null,
        partnerOrganisationKeys: partnerKeys ?? [],
        data: {
          ref: row.ref,
          title: row.title,
          description: row.description ?? "",
          ownerId: ownerId ?? null,
          startDate: row.startDate ?? null,
          dueDate: row.dueDate ?? null,
          status,
          progress: row.progress ?? 0,
          completedNow: status === "COMPLETE",
          coproductionLevel: row.coproductionLevel ?? null,
          sortOrder: nextActionSort++,
        },
        after: {
          findingRef: row.findingRef,
          ref: row.ref,
          title: row.title,
          ownerEmail: ownerEmailOf(ownerId ?? null),
          leadOrganisation: leadKey ? organisationName(leadKey) : null,
          partnerOrganisations: (partnerKeys ?? []).map(organisationName),
          startDate: shown(row.startDate),
          dueDate: shown(row.dueDate),
          status,
          progress: row.progress ?? 0,
        },
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
    const currentLeadKey = current.leadOrganisation ? organisationKey(current.leadOrganisation.name) : null;
    const leadChanges = leadKey !== undefined && leadKey !== currentLeadKey;
    if (leadChanges) c.note("Lead organisation", current.leadOrganisation?.name ?? null, leadKey ? organisationName(leadKey) : null);
    const currentPartnerKeys = current.partnerOrganisations.map((o) => organisationKey(o.name));
    const partnersChange = partnerKeys !== undefined && !sameSet(partnerKeys, currentPartnerKeys);
    if (partnersChange) c.note("Partner organisations", current.partnerOrganisations.map((o) => o.name), partnerKeys.map(organisationName));
    c.compare("Start date", "startDate", row.startDate, current.startDate);
    c.compare("Due date", "dueDate", row.dueDate, current.dueDate);
    c.compare("Status", "status", row.status ?? undefined, current.status);
    c.compare("Progress", "progress", row.progress ?? undefined, current.progress);
    c.compare("Co-production level", "coproductionLevel", row.coproductionLevel, current.coproductionLevel);
    if (!c.any) continue;
    errors.push(
      ...controlledChange(planAccepted, { ...at, column: "Title" }, "action.title", row.title, current.title),
      ...controlledChange(planAccepted, { ...at, column: "Description" }, "action.description", row.description, current.description),
      ...controlledChange(planAccepted, { ...at, column: "Due date" }, "action.dueDate", row.dueDate, current.dueDate),
    );

    // Completion is dated when the status becomes Complete, and undone when it stops being.
    const status = row.status ?? current.status;
    writes.push({
      entity: "Action",
      kind: "update",
      key: current.ref,
      id: current.id,
      version: current.version,
      ...c.diff(),
      ...(movesFinding ? { findingKey: key(row.findingRef) } : {}),
      ...(leadChanges ? { leadOrganisationKey: leadKey } : {}),
      ...(partnersChange ? { partnerOrganisationKeys: partnerKeys } : {}),
      completedAt: status === "COMPLETE" ? (current.completedAt ?? "now") : null,
    });
  }

  for (const [k, name] of newOrganisations) {
    writes.push({ entity: "Organisation", kind: "create", key: name, organisationKey: k, data: { name } });
  }

  return sheetAnalysis(errors, warnings, writes);
}
