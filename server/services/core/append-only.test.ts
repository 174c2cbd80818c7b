/**
 * The audit trail and the forum's verdicts cannot be altered even by the owner of the tables,
 * through the triggers (the application's role is refused before that, by privilege: see
 * scripts/database-roles.test.ts). The owner could still switch the triggers off; SECURITY.md says so.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it} from "vitest";
import { createAreaWithPlan, createUser } from "@/prisma/factories";
import { PrismaClient } from "@/server/generated/prisma/client";
import { ownerTestDatabaseUrl } from "@/server/testing/worker";

let db: PrismaClient;
let auditId: string;
let verdictId: string;

beforeAll(async () => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: ownerTestDatabaseUrl() }) });
  const area = await createAreaWithPlan(db);
  const forum = await createUser(db);
  const audit = await db.auditEvent.create({
    data: { action: "test.write", entityType: "Action", entityId: area.actionId, localAreaId: area.localAreaId, actorId: forum.id },
  });
  auditId = audit.id;
  const verdict = await db.forumVerdict.create({
    data: { localAreaId: area.localAreaId, actionId: area.actionId, authorId: forum.id, verdict: "DISAGREE", text: "Families were not involved." },
  });
  verdictId = verdict.id;
});
afterAll(() => db.$disconnect());

describe("AuditEvent", () => {
  it("refuses UPDATE at the database", async () => {
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE id = ${auditId}`).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.update({ where: { id: auditId }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: auditId } })).action).toBe("test.write");
  });

  it("refuses DELETE and TRUNCATE at the database", async () => {
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${auditId}`).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count({ where: { id: auditId } })).toBe(1);
  });

  it("still accepts new events", async () => {
    const before = await db.auditEvent.count();
    await db.auditEvent.create({ data: { action: "test.another", entityType: "Plan", entityId: "x" } });
    expect(await db.auditEvent.count()).toBe(before + 1);
  });
});

describe("ForumVerdict", () => {
  it("refuses UPDATE and DELETE of a past verdict at the database", async () => {
    await expect(db.$executeRaw`UPDATE "ForumVerdict" SET "verdict" = 'AGREE' WHERE id = ${verdictId}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE "ForumVerdict" SET "text" = 'Families were involved.' WHERE id = ${verdictId}`).rejects.toThrow(/append-only/);
    await expect(db.forumVerdict.update({ where: { id: verdictId }, data: { verdict: "AGREE" } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "ForumVerdict" WHERE id = ${verdictId}`).rejects.toThrow(/append-only/);
    await expect(db.forumVerdict.deleteMany({})).rejects.toThrow(/append-only/);
    const verdict = await db.forumVerdict.findUniqueOrThrow({ where: { id: verdictId } });
    expect(verdict).toMatchObject({ verdict: "DISAGREE", text: "Families were not involved." });
  });

  it("refuses TRUNCATE at the database", async () => {
    await expect(db.$executeRawUnsafe(`TRUNCATE "ForumVerdict"`)).rejects.toThrow(/append-only/);
    expect(await db.forumVerdict.count({ where: { id: verdictId } })).toBe(1);
  });
});

describe("emptying what they belong to", () => {
  it("refuses a TRUNCATE that would cascade to the audit trail or the verdicts", async () => {
    // TRUNCATE ... CASCADE empties every table that refers to the one named: the refusal must hold there too.
    await expect(db.$executeRawUnsafe(`TRUNCATE "LocalArea" CASCADE`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "User" CASCADE`)).rejects.toThrow(/append-only/);
    expect(await db.forumVerdict.count({ where: { id: verdictId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { id: auditId } })).toBe(1);
  });
});

describe("row rules", () => {
  it("refuses evidence that belongs to no subject or to two", async () => {
    const area = await createAreaWithPlan(db);
    await expect(
      db.evidence.create({ data: { localAreaId: area.localAreaId, title: "Orphan", kind: "ACTIVITY", url: "https://example.org" } }),
    ).rejects.toThrow(/exactly one/);
    await expect(
      db.evidence.create({
        data: { localAreaId: area.localAreaId, actionId: area.actionId, findingId: area.findingId, title: "Two", kind: "ACTIVITY", url: "https://example.org" },
      }),
    ).rejects.toThrow(/exactly one/);
  });

  it("refuses progress outside 0 to 100 and a due date before the start", async () => {
    const area = await createAreaWithPlan(db);
    await expect(db.action.update({ where: { id: area.actionId }, data: { progress: 101 } })).rejects.toThrow(/between 0 and 100/);
    await expect(
      db.action.update({ where: { id: area.actionId }, data: { startDate: new Date("2026-05-01"), dueDate: new Date("2026-04-01") } }),
    ).rejects.toThrow(/due before it starts/);
  });
});
