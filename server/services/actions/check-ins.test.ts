/**
 * Check-ins through their procedures: an owner's update moves the action with it, a lead
 * acknowledges it, and only the people the permission table names may do either.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createAreaWithPlan, createMembership, createUser } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { CheckInInput } from "@/server/schemas/plan";
import { actingAs, callerFor, createMember, fieldErrors, refusal, testDb } from "@/server/testing/harness";

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(() => db.$disconnect());

const UPDATE: Omit<CheckInInput, "actionId"> = {
  narrative: "Met the parent carer forum to agree the new short breaks offer.",
  progress: 40,
  status: "IN_PROGRESS",
  ragOverride: "",
  ragOverrideReason: "",
};

/** An area whose first action (20% done, in progress) is owned by a contributor; and its lead. */
async function scene() {
  const ownerId = (await createUser(db)).id;
  const area = await createAreaWithPlan(db, { action: { ownerId, status: "IN_PROGRESS", progress: 20 } });
  await createMembership(db, { userId: ownerId, localAreaId: area.localAreaId, role: "CONTRIBUTOR" });
  const leadId = await createMember(db, area.localAreaId, "LEAD");
  return { area, ownerId, leadId };
}

/** What a refused call must leave untouched: the action, its timeline, the area's audit trail. */
async function untouched(actionId: string, localAreaId: string) {
  const action = await db.action.findUniqueOrThrow({ where: { id: actionId } });
  return {
    action: { status: action.status, progress: action.progress, lastUpdateAt: action.lastUpdateAt, completedAt: action.completedAt, ragOverride: action.ragOverride },
    updates: await db.actionUpdate.count({ where: { actionId } }),
    audits: await db.auditEvent.count({ where: { localAreaId } }),
  };
}

describe("action.postUpdate", () => {
  it("the owner's update joins the timeline and moves the action with it, audited with the request id", async () => {
    const { area, ownerId } = await scene();
    const { api, requestId } = await actingAs(db, ownerId);
    const update = await api.action.postUpdate({ actionId: area.actionId, ...UPDATE });

    expect(await db.actionUpdate.findUniqueOrThrow({ where: { id: update.id } })).toMatchObject({
      actionId: area.actionId,
      authorId: ownerId,
      narrative: UPDATE.narrative,
      progress: 40,
      status: "IN_PROGRESS",
      ragOverride: null,
      ragOverrideReason: null,
      acknowledgedAt: null,
    });
    expect(await db.action.findUniqueOrThrow({ where: { id: area.actionId } })).toMatchObject({
      status: "IN_PROGRESS",
      progress: 40,
      lastUpdateAt: update.createdAt,
      completedAt: null,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "action.postUpdate", entityId: area.actionId, requestId } });
    expect(audit).toMatchObject({ actorId: ownerId, entityType: "Action", localAreaId: area.localAreaId });
    expect(audit.before).toMatchObject({ status: "IN_PROGRESS", progress: 20 });
    expect(audit.after).toMatchObject({ status: "IN_PROGRESS", progress: 40, updateId: update.id });

    const shown = await api.action.byId({ id: area.actionId });
    expect(shown.updates.map((u) => u.id)).toEqual([update.id]);
    expect(shown.update.overdue).toBe(false);
  });

  it("marking it complete sets completedAt (kept by a later complete update), reopening clears it", async () => {
    const { area, ownerId } = await scene();
    const done = await actingAs(db, ownerId);
    const complete = await done.api.action.postUpdate({ actionId: area.actionId, ...UPDATE, progress: 100, status: "COMPLETE" });
    expect(await db.action.findUniqueOrThrow({ where: { id: area.actionId } })).toMatchObject({
      status: "COMPLETE",
      progress: 100,
      completedAt: complete.createdAt,
      lastUpdateAt: complete.createdAt,
    });

    const again = await actingAs(db, ownerId);
    const later = await again.api.action.postUpdate({ actionId: area.actionId, ...UPDATE, narrative: "Final report published.", progress: 100, status: "COMPLETE" });
    expect(await db.action.findUniqueOrThrow({ where: { id: area.actionId } })).toMatchObject({
      completedAt: complete.createdAt,
      lastUpdateAt: later.createdAt,
    });

    const reopen = await actingAs(db, ownerId);
    const reopened = await reopen.api.action.postUpdate({ actionId: area.actionId, ...UPDATE, narrative: "Reopened: families asked for more.", progress: 90, status: "IN_PROGRESS" });
    expect(await db.action.findUniqueOrThrow({ where: { id: area.actionId } })).toMatchObject({
      status: "IN_PROGRESS",
      progress: 90,
      completedAt: null,
      lastUpdateAt: reopened.createdAt,
    });

    for (const requestId of [done.requestId, again.requestId, reopen.requestId]) {
      expect(await db.auditEvent.count({ where: { action: "action.postUpdate", entityId: area.actionId, requestId } })).toBe(1);
    }
  });

  it("keeps a RAG set by hand with its reason, on the update and on the action", async () => {
    const { area, ownerId } = await scene();
    const { api, requestId } = await actingAs(db, ownerId);
    const update = await api.action.postUpdate({
      actionId: area.actionId,
      ...UPDATE,
      ragOverride: "AMBER",
      ragOverrideReason: "  The provider has given notice; we are re-tendering.  ",
    });
    expect(await db.actionUpdate.findUniqueOrThrow({ where: { id: update.id } })).toMatchObject({
      ragOverride: "AMBER",
      ragOverrideReason: "The provider has given notice; we are re-tendering.",
    });
    expect(await db.action.findUniqueOrThrow({ where: { id: area.actionId } })).toMatchObject({
      ragOverride: "AMBER",
      ragOverrideReason: "The provider has given notice; we are re-tendering.",
    });
    const shown = await api.action.byId({ id: area.actionId });
    expect(shown.rag).toMatchObject({ calculated: "GREEN", shown: "AMBER" });
    expect(await db.auditEvent.count({ where: { action: "action.postUpdate", entityId: area.actionId, requestId } })).toBe(1);
  });

  it.each([
    ["no reason", ""],
    ["a reason of only spaces", "   "],
  ])("refuses a RAG set by hand with %s, with a field error on the reason", async (_what, reason) => {
    const { area, ownerId } = await scene();
    const before = await untouched(area.actionId, area.localAreaId);
    const api = await callerFor(db, ownerId);
    const e = await refusal(api.action.postUpdate({ actionId: area.actionId, ...UPDATE, ragOverride: "RED", ragOverrideReason: reason }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(fieldErrors(e)).toEqual({ ragOverrideReason: "Enter why you are setting the RAG by hand" });
    expect(await untouched(area.actionId, area.localAreaId)).toEqual(before);
  });

  it("refuses COMPLETE below 100% progress, with a field error on progress", async () => {
    const { area, ownerId } = await scene();
    const before = await untouched(area.actionId, area.localAreaId);
    const api = await callerFor(db, ownerId);
    const e = await refusal(api.action.postUpdate({ actionId: area.actionId, ...UPDATE, progress: 99, status: "COMPLETE" }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(fieldErrors(e)).toEqual({ progress: "A complete action must be at 100% progress" });
    expect(await untouched(area.actionId, area.localAreaId)).toEqual(before);
  });

  it("a contributor who does not own the action, and readers, are FORBIDDEN; another area gets NOT_FOUND", async () => {
    const { area } = await scene();
    const before = await untouched(area.actionId, area.localAreaId);
    for (const role of ["CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"] as const) {
      const api = await callerFor(db, await createMember(db, area.localAreaId, role));
      const e = await refusal(api.action.postUpdate({ actionId: area.actionId, ...UPDATE }));
      expect(e.code, role).toBe("FORBIDDEN");
    }
    const elsewhere = await createAreaWithPlan(db);
    const stranger = await callerFor(db, await createMember(db, elsewhere.localAreaId, "LEAD"));
    expect((await refusal(stranger.action.postUpdate({ actionId: area.actionId, ...UPDATE }))).code).toBe("NOT_FOUND");
    expect(await untouched(area.actionId, area.localAreaId)).toEqual(before);
  });

  it("a contributor's ownership is of that action only: their other area's role gives nothing here", async () => {
    const { area, ownerId } = await scene();
    // Owner of an action in a second area where they are only a viewer.
    const second = await createAreaWithPlan(db);
    await createMembership(db, { userId: ownerId, localAreaId: second.localAreaId, role: "VIEWER" });
    const owned = await createAction(db, { findingId: second.findingId, ownerId });
    const api = await callerFor(db, ownerId);
    expect((await refusal(api.action.postUpdate({ actionId: owned.id, ...UPDATE }))).code).toBe("FORBIDDEN");
    await expect(api.action.postUpdate({ actionId: area.actionId, ...UPDATE })).resolves.toMatchObject({ authorId: ownerId });
  });

  it("the lead may post on any action, as its author", async () => {
    const { area, leadId } = await scene();
    const { api, requestId } = await actingAs(db, leadId);
    const update = await api.action.postUpdate({ actionId: area.actionId, ...UPDATE, progress: 35 });
    expect(update).toMatchObject({ authorId: leadId, progress: 35 });
    expect(await db.auditEvent.count({ where: { action: "action.postUpdate", entityId: area.actionId, requestId, actorId: leadId } })).toBe(1);
  });

  it("the lead's own update is acknowledged by her as she posts it, in the update's audit event; nobody else's is", async () => {
    const { area, ownerId, leadId } = await scene();
    const { api, requestId } = await actingAs(db, leadId);
    const own = await api.action.postUpdate({ actionId: area.actionId, ...UPDATE, progress: 35 });
    expect(own).toMatchObject({ acknowledgedById: leadId, acknowledgedAt: own.createdAt });
    expect(await db.actionUpdate.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ acknowledgedById: leadId, acknowledgedAt: own.createdAt });
    // One event, the update's: no separate acknowledgement.
    const events = await db.auditEvent.findMany({ where: { requestId } });
    expect(events.map((e) => e.action)).toEqual(["action.postUpdate"]);
    expect(events[0]!.after).toMatchObject({ updateId: own.id, acknowledgedById: leadId, acknowledgedAt: own.createdAt.toISOString() });

    // The timeline says so, and there is nothing left for her to acknowledge.
    const shown = await api.action.byId({ id: area.actionId });
    expect(shown.updates.find((u) => u.id === own.id)).toMatchObject({ acknowledgedAt: own.createdAt, acknowledgedBy: { name: expect.any(String) } });
    expect((await refusal(api.action.acknowledgeUpdate({ updateId: own.id }))).code).toBe("CONFLICT");

    // The owner's update still waits for the lead.
    const { api: ownerApi, requestId: ownerRequest } = await actingAs(db, ownerId);
    const theirs = await ownerApi.action.postUpdate({ actionId: area.actionId, ...UPDATE, progress: 45 });
    expect(theirs).toMatchObject({ acknowledgedById: null, acknowledgedAt: null });
    const ownerEvent = await db.auditEvent.findFirstOrThrow({ where: { requestId: ownerRequest } });
    expect(ownerEvent.after).not.toHaveProperty("acknowledgedById");
  });
});

describe("action.acknowledgeUpdate", () => {
  it("the lead acknowledges an update once, audited with the request id; again is a CONFLICT", async () => {
    const { area, ownerId, leadId } = await scene();
    const update = await (await callerFor(db, ownerId)).action.postUpdate({ actionId: area.actionId, ...UPDATE });
    const { api, requestId } = await actingAs(db, leadId);
    await expect(api.action.acknowledgeUpdate({ updateId: update.id })).resolves.toEqual({ id: update.id, actionId: area.actionId });
    const acknowledged = await db.actionUpdate.findUniqueOrThrow({ where: { id: update.id } });
    expect(acknowledged.acknowledgedById).toBe(leadId);
    expect(acknowledged.acknowledgedAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "action.acknowledgeUpdate", entityId: update.id, requestId } })).toMatchObject({
      actorId: leadId,
      entityType: "ActionUpdate",
      localAreaId: area.localAreaId,
    });

    const audits = await db.auditEvent.count({ where: { localAreaId: area.localAreaId } });
    const otherLead = await callerFor(db, await createMember(db, area.localAreaId, "LEAD"));
    for (const lead of [api, otherLead]) {
      const e = await refusal(lead.action.acknowledgeUpdate({ updateId: update.id }));
      expect(e.code).toBe("CONFLICT");
      expect(e.message).toBe("This update has already been acknowledged.");
    }
    expect(await db.actionUpdate.findUniqueOrThrow({ where: { id: update.id } })).toMatchObject({
      acknowledgedById: leadId,
      acknowledgedAt: acknowledged.acknowledgedAt,
    });
    expect(await db.auditEvent.count({ where: { localAreaId: area.localAreaId } })).toBe(audits);
  });

  it("is the lead's: the owner and other contributors are FORBIDDEN, another area's lead gets NOT_FOUND", async () => {
    const { area, ownerId } = await scene();
    const update = await (await callerFor(db, ownerId)).action.postUpdate({ actionId: area.actionId, ...UPDATE });
    const audits = await db.auditEvent.count({ where: { localAreaId: area.localAreaId } });
    for (const userId of [ownerId, await createMember(db, area.localAreaId, "CONTRIBUTOR"), await createMember(db, area.localAreaId, "ADVISER")]) {
      const e = await refusal((await callerFor(db, userId)).action.acknowledgeUpdate({ updateId: update.id }));
      expect(e.code).toBe("FORBIDDEN");
    }
    const elsewhere = await createAreaWithPlan(db);
    const stranger = await callerFor(db, await createMember(db, elsewhere.localAreaId, "LEAD"));
    expect((await refusal(stranger.action.acknowledgeUpdate({ updateId: update.id }))).code).toBe("NOT_FOUND");
    expect(await db.actionUpdate.findUniqueOrThrow({ where: { id: update.id } })).toMatchObject({ acknowledgedAt: null, acknowledgedById: null });
    expect(await db.auditEvent.count({ where: { localAreaId: area.localAreaId } })).toBe(audits);
  });
});

describe("a check-in sent twice", () => {
  it("stores one update: both copies, sent at once, answer with the same update, audited once", async () => {
    const { area, ownerId } = await scene();
    const idempotencyKey = "f3a1c0de5e7b4a2c9d8e6f1a2b3c4d5e";
    const [a, b] = await Promise.all([
      (await callerFor(db, ownerId)).action.postUpdate({ actionId: area.actionId, ...UPDATE, idempotencyKey }),
      (await callerFor(db, ownerId)).action.postUpdate({ actionId: area.actionId, ...UPDATE, idempotencyKey }),
    ]);
    expect(b.id).toBe(a.id);
    expect(await db.actionUpdate.count({ where: { actionId: area.actionId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: area.actionId, action: "action.postUpdate" } })).toBe(1);

    // Sent again later (a retry after a lost answer): still the first update, nothing new.
    const again = await (await callerFor(db, ownerId)).action.postUpdate({ actionId: area.actionId, ...UPDATE, progress: 90, idempotencyKey });
    expect(again).toEqual(a);
    expect(await db.action.findUniqueOrThrow({ where: { id: area.actionId } })).toMatchObject({ progress: 40 });

    // The next update, with its own key, is stored.
    await (await callerFor(db, ownerId)).action.postUpdate({ actionId: area.actionId, ...UPDATE, idempotencyKey: "0b9e4d2a7c1f4e3b8a6d5c4b3a291807" });
    expect(await db.actionUpdate.count({ where: { actionId: area.actionId } })).toBe(2);
  });

  it("someone else's key answers nobody else's update", async () => {
    const { area, ownerId, leadId } = await scene();
    const idempotencyKey = "5c4b3a2918076f5e4d3c2b1a09f8e7d6";
    await (await callerFor(db, ownerId)).action.postUpdate({ actionId: area.actionId, ...UPDATE, idempotencyKey });
    const e = await refusal((await callerFor(db, leadId)).action.postUpdate({ actionId: area.actionId, ...UPDATE, idempotencyKey }));
    expect(e.code).toBe("CONFLICT");
    expect(await db.actionUpdate.count({ where: { actionId: area.actionId } })).toBe(1);
  });
});
