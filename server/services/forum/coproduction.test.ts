/** Co-production records and the level claimed: the action's owner or the lead, audited, and the forum asked to look. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAreaWithPlan } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { RecordCoproductionInput } from "@/server/schemas/forum";
import { actingAs, callerFor, createMember, details, fieldErrors, refusal, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let otherArea: Awaited<ReturnType<typeof createAreaWithPlan>>;
const users: Record<string, string> = {};

beforeAll(async () => {
  db = testDb();
  area = await createAreaWithPlan(db);
  otherArea = await createAreaWithPlan(db);
  for (const role of ["LEAD", "CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"] as const) users[role] = await createMember(db, area.localAreaId, role);
  users.OTHER_CONTRIBUTOR = await createMember(db, area.localAreaId, "CONTRIBUTOR");
  users.OTHER_AREA_LEAD = await createMember(db, otherArea.localAreaId, "LEAD");
  await db.action.update({ where: { id: area.actionId }, data: { ownerId: users.CONTRIBUTOR } });
});
afterAll(() => db.$disconnect());

const record = (o: Partial<RecordCoproductionInput> = {}): RecordCoproductionInput => ({
  actionId: area.actionId,
  stage: "DESIGN",
  involved: ["PARENT_CARER_FORUM", "YOUNG_PEOPLES_GROUP"],
  familiesReached: "40",
  date: "2025-03-14",
  note: "Two workshops on the new EHCP letter.",
  ...o,
});

const version = async () => (await db.action.findUniqueOrThrow({ where: { id: area.actionId }, select: { version: true } })).version;

describe("co-production records", () => {
  it("the owner records one, audited; everyone who reads the area sees it", async () => {
    const { api, requestId } = await actingAs(db, users.CONTRIBUTOR!);
    const { id } = await api.forum.recordCoproduction(record());
    const audit = await db.auditEvent.findMany({ where: { requestId } });
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([["coproduction.record", id]]);
    const seen = await (await callerFor(db, users.FORUM!)).forum.coproductionForAction({ id: area.actionId });
    expect(seen.records.find((r) => r.id === id)).toMatchObject({
      stage: "DESIGN",
      involved: ["PARENT_CARER_FORUM", "YOUNG_PEOPLES_GROUP"],
      familiesReached: 40,
      date: new Date("2025-03-14T00:00:00.000Z"),
    });
    expect(seen.viewerCan.record).toBe(false);
  });

  it("the lead may record too; families reached may be left empty", async () => {
    const { id } = await (await callerFor(db, users.LEAD!)).forum.recordCoproduction(record({ familiesReached: "", stage: "REVIEW" }));
    expect((await db.coproductionRecord.findUniqueOrThrow({ where: { id } })).familiesReached).toBeNull();
  });

  it("refuses another contributor, the forum, an adviser and a viewer; another area gets NOT_FOUND", async () => {
    const mine = await refusal((await callerFor(db, users.OTHER_CONTRIBUTOR!)).forum.recordCoproduction(record()));
    expect([mine.code, mine.message]).toEqual(["FORBIDDEN", "You can record co-production only on actions you own."]);
    for (const who of ["FORUM", "ADVISER", "VIEWER"]) {
      expect((await refusal((await callerFor(db, users[who]!)).forum.recordCoproduction(record()))).code).toBe("FORBIDDEN");
    }
    expect((await refusal((await callerFor(db, users.OTHER_AREA_LEAD!)).forum.recordCoproduction(record()))).code).toBe("NOT_FOUND");
  });

  it("checks who was involved and the numbers", async () => {
    const e = await refusal((await callerFor(db, users.LEAD!)).forum.recordCoproduction(record({ involved: [], familiesReached: "lots", date: "2025-02-30" })));
    expect(fieldErrors(e)).toMatchObject({
      involved: "Select who was involved",
      familiesReached: "Families reached must be a whole number, like 40",
      date: "The date must be a real date, like 14 3 2025",
    });
  });
});

describe("the level claimed", () => {
  it("the owner claims co-producing: audited, and the forum is asked for its verdict", async () => {
    const { api, requestId } = await actingAs(db, users.CONTRIBUTOR!);
    const result = await api.forum.setClaimedLevel({ actionId: area.actionId, level: "CO_PRODUCING", version: await version() });
    expect(result.coproductionLevel).toBe("CO_PRODUCING");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { requestId } });
    expect(audit).toMatchObject({ action: "coproduction.setClaimedLevel", before: { coproductionLevel: null }, after: { coproductionLevel: "CO_PRODUCING" } });
    const asked = await db.notification.findMany({ where: { userId: users.FORUM, kind: "VERDICT_REQUESTED" } });
    expect(asked.map((n) => n.href)).toEqual([`/local-areas/${area.slug}/actions/${area.actionId}`]);
  });

  it("a claim from a stale page is a CONFLICT carrying the level as it is now", async () => {
    const stale = (await version()) - 1;
    const e = await refusal((await callerFor(db, users.LEAD!)).forum.setClaimedLevel({ actionId: area.actionId, level: "INFORMING", version: stale }));
    expect(e.code).toBe("CONFLICT");
    expect(details(e)).toMatchObject({ current: { level: "CO_PRODUCING" } });
  });

  it("the lead withdraws the claim with an empty level", async () => {
    await (await callerFor(db, users.LEAD!)).forum.setClaimedLevel({ actionId: area.actionId, level: "", version: await version() });
    expect((await db.action.findUniqueOrThrow({ where: { id: area.actionId } })).coproductionLevel).toBeNull();
  });

  it("nobody else may set it", async () => {
    for (const who of ["OTHER_CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"]) {
      const e = await refusal((await callerFor(db, users[who]!)).forum.setClaimedLevel({ actionId: area.actionId, level: "CO_PRODUCING", version: await version() }));
      expect(e.code).toBe("FORBIDDEN");
    }
  });
});
