/** Walk entries for the plan editor, action lists and check-ins. */
import { createAction, createActionUpdate, createLocalArea, createMembership, createOrganisation, uniq } from "@/prisma/factories";
import type { Fixture, Specs } from "@/server/testing/walk/spec";
import type { PrismaClient } from "@/server/generated/prisma/client";

const planFields = {
  type: "WSOA",
  title: "Walk plan",
  status: "DRAFT",
  sourceInspectionId: "",
  acceptedDate: "",
  nextInspectionDate: "2027-06-01",
  nextInspectionIsEstimate: true,
  updateCadenceDays: 30,
  ragGreenPercent: 90,
  ragAmberPercent: 70,
};

/**
 * An area with no plan yet, where each of the walk's area-A people holds the same role: starting
 * a plan needs an area without a current one, and area A must keep its own.
 */
async function areaLikeA(fx: Fixture, db: PrismaClient) {
  const area = await createLocalArea(db);
  for (const role of ["LEAD", "CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"] as const) {
    await createMembership(db, { userId: fx.users[role], localAreaId: area.id, role });
  }
  return area;
}

const actionFields = (fx: Fixture) => ({
  findingId: fx.area.findingId,
  ref: `W${uniq()}`,
  title: "Walk action",
  description: "",
  ownerId: "",
  leadOrganisationId: fx.area.councilId,
  partnerOrganisationIds: [],
  startDate: "2026-01-01",
  dueDate: "2027-01-01",
  dependsOnIds: [],
  coproductionLevel: "",
});

export const PLAN_SPECS: Specs = {
  "plan.settings": { scope: "area", input: (fx) => ({ slug: fx.area.slug }) },
  "plan.create": { scope: "area", input: async (fx, db) => ({ slug: (await areaLikeA(fx, db)).slug, ...planFields }) },
  "plan.update": {
    scope: "area",
    input: async (fx, db) => {
      const plan = await db.plan.findUniqueOrThrow({ where: { id: fx.area.planId }, select: { version: true, status: true, type: true, title: true } });
      return { id: fx.area.planId, ...planFields, version: plan.version, status: plan.status, type: plan.type, title: plan.title };
    },
  },
  "plan.recordInspection": {
    scope: "area",
    input: (fx) => ({ slug: fx.area.slug, framework: "FRAMEWORK_2023", kind: "MONITORING", startDate: "2026-03-02", endDate: "", publishedDate: "", reportUrl: "" }),
  },
  "plan.addOrganisation": { scope: "area", input: (fx) => ({ slug: fx.area.slug, name: `Walk School ${uniq()}`, kind: "SCHOOL" }) },
  "plan.updateOrganisation": {
    scope: "area",
    // A fresh organisation of area A each time, renamed to a name of its own.
    input: async (fx, db) => {
      const organisation = await createOrganisation(db, { localAreaId: fx.area.localAreaId, name: `Walk Trust ${uniq()}`, kind: "OTHER" });
      return { id: organisation.id, name: `${organisation.name} (renamed)`, kind: "NHS_TRUST" };
    },
  },
  "plan.list": { scope: "area", input: (fx) => ({ slug: fx.area.slug }) },
  "plan.record": { scope: "area", input: (fx) => ({ id: fx.area.planId }) },
  "finding.byId": { scope: "area", input: (fx) => ({ id: fx.area.findingId }) },
  "finding.continues": { scope: "area", input: (fx) => ({ id: fx.area.findingId }) },
  "finding.forEdit": { scope: "area", input: (fx) => ({ id: fx.area.findingId }) },
  "finding.create": {
    scope: "area",
    input: (fx) => ({ planId: fx.area.planId, ref: `F${uniq()}`, kind: "SIGNIFICANT_WEAKNESS", inspectorsWording: "Wording.", summary: "Summary." }),
  },
  "finding.update": {
    scope: "area",
    input: async (fx, db) => {
      const f = await db.finding.findUniqueOrThrow({ where: { id: fx.area.findingId } });
      return { id: f.id, version: f.version, ref: f.ref, kind: f.kind, inspectorsWording: f.inspectorsWording, summary: f.summary };
    },
  },
  "action.list": { scope: "area", input: (fx) => ({ slug: fx.area.slug, rag: "GREEN", q: "action" }) },
  "action.myWork": { scope: "self", input: () => undefined },
  "action.continues": { scope: "area", input: (fx) => ({ id: fx.area.actionId }) },
  "action.newForm": { scope: "area", input: (fx) => ({ slug: fx.area.slug }) },
  "action.forEdit": { scope: "area", input: (fx) => ({ id: fx.area.actionId }) },
  "action.create": { scope: "area", input: (fx) => actionFields(fx) },
  "action.update": {
    scope: "area",
    // A fresh action each time, so the walk's earlier calls leave no stale version behind.
    input: async (fx, db) => {
      const action = await createAction(db, { findingId: fx.area.findingId });
      // Area A's plan is accepted: title, description and due date stay as they are (change control).
      const controlled = { title: action.title, description: action.description, dueDate: action.dueDate!.toISOString().slice(0, 10) };
      return { ...actionFields(fx), id: action.id, version: action.version, ref: action.ref, ...controlled };
    },
  },
  "action.postUpdate": {
    scope: "area",
    input: (fx) => ({ actionId: fx.area.actionId, narrative: "Walk update.", progress: 30, status: "IN_PROGRESS", ragOverride: "", ragOverrideReason: "" }),
    ownerId: (fx) => fx.users.CONTRIBUTOR,
  },
  "action.acknowledgeUpdate": {
    scope: "area",
    input: async (fx, db) => ({ updateId: (await createActionUpdate(db, { actionId: fx.area.actionId })).id }),
  },
};
