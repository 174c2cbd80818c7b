/**
 * Snapshots and "changes since", through the API on seeded data: a plan frozen by its lead, then
 * changed by the people who would change it, then compared.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAreaWithPlan,
  createMeasure,
  createMeasureValue,
  day,
  uniq,
} from "@/prisma/factories";
import { fromDay } from "@/lib/calendar";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { actingAs, createMember, fieldErrors, refusal, testDb } from "@/server/testing/harness";
import { BOARD_TEXT_MAX } from "@/server/schemas/snapshot";

let db: PrismaClient;
let fx: Awaited<ReturnType<typeof createAreaWithPlan>>;
let lead: string, adviser: string, forum: string, viewer: string, owner: string;
let measureId: string;

beforeAll(async () => {
  db = testDb();
  fx = await createAreaWithPlan(db);
  lead = await createMember(db, fx.localAreaId, "LEAD", "Lena Lead");
  adviser = await createMember(db, fx.localAreaId, "ADVISER", "Ada Adviser");
  forum = await createMember(db, fx.localAreaId, "FORUM", "Fran Forum");
  viewer = await createMember(db, fx.localAreaId, "VIEWER");
  owner = await createMember(db, fx.localAreaId, "CONTRIBUTOR", "Owen Owner");
  await db.action.update({ where: { id: fx.actionId }, data: { ownerId: owner } });
  const measure = await createMeasure(db, { planId: fx.planId, findingIds: [fx.findingId] });
  measureId = measure.id;
  await createMeasureValue(db, { measureId, periodEnd: day(-60), value: 20 });
});
afterAll(() => db.$disconnect());

describe("taking a snapshot", () => {
  it("is open to the lead and the adviser, and refused to everyone else", async () => {
    for (const who of [lead, adviser]) {
      const { api } = await actingAs(db, who);
      const taken = await api.snapshot.take({ slug: fx.slug, label: `Board ${uniq()}` });
      expect(taken.id).toBeTruthy();
    }
    for (const who of [forum, viewer, owner]) {
      const { api } = await actingAs(db, who);
      expect((await refusal(api.snapshot.take({ slug: fx.slug, label: "Not mine to take" }))).code).toBe("FORBIDDEN");
    }
  });

  it("freezes the plan's state and writes an audit event", async () => {
    const { api, requestId } = await actingAs(db, lead);
    const label = `Improvement board ${uniq()}`;
    const taken = await api.snapshot.take({ slug: fx.slug, label });
    const stored = await db.snapshot.findUniqueOrThrow({ where: { id: taken.id } });
    const state = stored.state as { findings: { actions: { id: string; progress: number }[]; measures: { chart: { values: unknown[] } }[] }[] };
    expect(state.findings).toHaveLength(1);
    expect(state.findings[0]!.actions.map((a) => a.id)).toEqual([fx.actionId]);
    expect(state.findings[0]!.measures[0]!.chart.values).toHaveLength(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: taken.id } });
    expect(audit).toMatchObject({ action: "snapshot.take", actorId: lead, requestId, localAreaId: fx.localAreaId });
    const list = await api.snapshot.list({ slug: fx.slug });
    expect(list.snapshots[0]).toMatchObject({ id: taken.id, label, takenBy: "Lena Lead" });
  });

  it("keeps the key messages and decisions written for the board, audits them and shows them with the snapshot", async () => {
    const { api } = await actingAs(db, lead);
    const keyMessages = `EHC timeliness is rising but still below the trajectory.\nThe forum disagrees with one claim ${uniq()}.`;
    const decisions = `Agree the extra coordinator posts ${uniq()}`;
    const taken = await api.snapshot.take({ slug: fx.slug, label: `Board ${uniq()}`, keyMessages: `  ${keyMessages}  `, decisions });
    expect(await db.snapshot.findUniqueOrThrow({ where: { id: taken.id }, select: { keyMessages: true, decisions: true } })).toEqual({ keyMessages, decisions });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: taken.id, action: "snapshot.take" } });
    expect(audit.after).toMatchObject({ keyMessages, decisions });
    const opened = await api.snapshot.changesSince({ id: taken.id });
    expect(opened.snapshot).toMatchObject({ keyMessages, decisions });
  });

  it("stores key messages and decisions left empty, or only spaces, as none written", async () => {
    const { api } = await actingAs(db, lead);
    const taken = await api.snapshot.take({ slug: fx.slug, label: `Board ${uniq()}`, keyMessages: "   ", decisions: "" });
    expect(await db.snapshot.findUniqueOrThrow({ where: { id: taken.id }, select: { keyMessages: true, decisions: true } })).toEqual({ keyMessages: null, decisions: null });
    const bare = await api.snapshot.take({ slug: fx.slug, label: `Board ${uniq()}` });
    expect((await api.snapshot.changesSince({ id: bare.id })).snapshot).toMatchObject({ keyMessages: null, decisions: null });
  });

  it("refuses key messages or decisions longer than the pack's first page can hold, naming the field", async () => {
    const { api } = await actingAs(db, lead);
    const long = "x".repeat(BOARD_TEXT_MAX + 1);
    const before = await db.snapshot.count({ where: { localAreaId: fx.localAreaId } });
    expect(fieldErrors(await refusal(api.snapshot.take({ slug: fx.slug, label: "Board", keyMessages: long })))).toEqual({
      keyMessages: "Key messages must be 1,500 characters or fewer",
    });
    expect(fieldErrors(await refusal(api.snapshot.take({ slug: fx.slug, label: "Board", decisions: long })))).toEqual({
      decisions: "Decisions must be 1,500 characters or fewer",
    });
    // Exactly at the limit is kept whole.
    const full = await api.snapshot.take({ slug: fx.slug, label: "Board", decisions: "y".repeat(BOARD_TEXT_MAX) });
    expect((await db.snapshot.findUniqueOrThrow({ where: { id: full.id } })).decisions).toHaveLength(BOARD_TEXT_MAX);
    expect(await db.snapshot.count({ where: { localAreaId: fx.localAreaId } })).toBe(before + 1);
  });

  it("refuses a label that is too short, naming the field", async () => {
    const { api } = await actingAs(db, lead);
    const e = await refusal(api.snapshot.take({ slug: fx.slug, label: " x " }));
    expect(e.code).toBe("BAD_REQUEST");
  });
});

describe("changes since a snapshot", () => {
  it("shows what changed in actions, evidence, measure values, verdicts and adviser notes, and nothing else", async () => {
    const { api: leadApi } = await actingAs(db, lead);
    const snapshot = await leadApi.snapshot.take({ slug: fx.slug, label: `Before ${uniq()}` });

    const nothingYet = await leadApi.snapshot.changesSince({ id: snapshot.id });
    expect(nothingYet.total).toBe(0);

    // The owner reports progress and a status change; the lead moves the due date.
    const { api: ownerApi } = await actingAs(db, owner);
    await ownerApi.action.postUpdate({ actionId: fx.actionId, narrative: "Half the posts filled.", progress: 55, status: "IN_PROGRESS", ragOverride: "", ragOverrideReason: "" });
    await db.action.update({ where: { id: fx.actionId }, data: { dueDate: day(200) } });
    // New evidence, a new value and a revised one, a forum verdict and an adviser note.
    const internal = await ownerApi.evidence.addLink({
      actionId: fx.actionId, title: `Internal tracker ${uniq()}`, description: "", kind: "ACTIVITY", visibility: "INTERNAL", url: "https://example.org/tracker",
    });
    await createMeasureValue(db, { measureId, periodEnd: day(-30), value: 30 });
    await db.measureValue.update({ where: { measureId_periodEnd: { measureId, periodEnd: day(-60) } }, data: { value: 22 } });
    await db.forumVerdict.create({ data: { localAreaId: fx.localAreaId, actionId: fx.actionId, authorId: forum, verdict: "DISAGREE", text: "Families were not asked.", cornerstonesMet: [] } });
    await db.adviserNote.create({ data: { localAreaId: fx.localAreaId, findingId: fx.findingId, authorId: adviser, note: "Progress is slow.", view: "AT_RISK", date: day(0) } });

    const { changes, total } = await leadApi.snapshot.changesSince({ id: snapshot.id });
    expect(changes.actions).toHaveLength(1);
    const fields = Object.fromEntries(changes.actions[0]!.changes.map((c) => [c.field, c]));
    expect(fields.progress).toMatchObject({ from: 20, to: 55 });
    expect(fields.dueDate).toMatchObject({ from: fromDay(day(150)), to: fromDay(day(200)) });
    expect(fields.status).toBeUndefined();
    expect(changes.evidence.map((e) => e.id)).toEqual([internal.id]);
    expect(changes.measureValues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: fromDay(day(-30)), value: 30, previous: null }),
        expect.objectContaining({ date: fromDay(day(-60)), value: 22, previous: 20 }),
      ]),
    );
    expect(changes.verdicts.map((v) => v.verdict)).toEqual(["DISAGREE"]);
    expect(changes.adviserNotes.map((n) => n.note)).toEqual(["Progress is slow."]);
    expect(total).toBe(1 + 1 + 2 + 1 + 1);

    // The forum reads the same snapshot without the internal evidence or the adviser's note.
    const { api: forumApi } = await actingAs(db, forum);
    const forumView = await forumApi.snapshot.changesSince({ id: snapshot.id });
    expect(forumView.changes.evidence).toEqual([]);
    expect(forumView.changes.adviserNotes).toEqual([]);
    expect(forumView.changes.verdicts).toHaveLength(1);
  });

  it("answers NOT_FOUND to another area's lead", async () => {
    const { api: leadApi } = await actingAs(db, lead);
    const snapshot = await leadApi.snapshot.take({ slug: fx.slug, label: `Private ${uniq()}` });
    const elsewhere = await createAreaWithPlan(db);
    const stranger = await createMember(db, elsewhere.localAreaId, "LEAD");
    const { api } = await actingAs(db, stranger);
    expect((await refusal(api.snapshot.changesSince({ id: snapshot.id }))).code).toBe("NOT_FOUND");
  });
});
