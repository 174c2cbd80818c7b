/** Walk entries for change requests on an accepted plan (area A's plan is ACTIVE, so accepted). */
import { createAction } from "@/prisma/factories";
import type { Fixture, Specs } from "@/server/testing/walk/spec";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { fromDay } from "@/lib/calendar";

/** A fresh action with a pending request to move its due date: each decision uses one up. */
async function pendingRequest(fx: Fixture, db: PrismaClient) {
  const action = await createAction(db, { findingId: fx.area.findingId });
  const request = await db.changeRequest.create({
    data: {
      localAreaId: fx.area.localAreaId,
      planId: fx.area.planId,
      entityType: "Action",
      entityId: action.id,
      field: "action.dueDate",
      oldValue: fromDay(action.dueDate),
      newValue: "2027-12-31",
      reason: "Walk: the supplier needs longer.",
      requestedById: fx.users.LEAD,
    },
  });
  return request.id;
}

export const CHANGE_REQUEST_SPECS: Specs = {
  "changeRequest.list": { scope: "area", input: (fx) => ({ slug: fx.area.slug }) },
  "changeRequest.history": { scope: "area", input: (fx) => ({ entityType: "Action", entityId: fx.area.actionId }) },
  "changeRequest.request": {
    scope: "area",
    // A fresh action each time: one pending request per field and record.
    input: async (fx, db) => ({
      field: "action.dueDate",
      entityId: (await createAction(db, { findingId: fx.area.findingId })).id,
      newValue: "2027-12-31",
      reason: "Walk: the supplier needs longer.",
    }),
  },
  "changeRequest.decide": { scope: "area", input: async (fx, db) => ({ id: await pendingRequest(fx, db), decision: "APPROVE", note: "" }) },
};
