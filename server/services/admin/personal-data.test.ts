/**
 * A person's rights, exercised by an administrator: the subject access export holds what they
 * did and where they belong; erasure leaves their name and email nowhere in the database (every
 * text and JSON column of every table is searched for them), keeps what they did under a stable
 * pseudonym, and ends their sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActionUpdate, createAreaWithPlan, createUser, uniq } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { loadSessionUser } from "@/server/auth/session-user";
import { pseudonymOf } from "@/server/services/admin/personal-data";
import { callerFor, createMember, refusal, testDb } from "@/server/testing/harness";

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(() => db.$disconnect());

/** Every table and column (text, JSON, names) in which `needle` appears, in any case: "Table.column". */
async function whereStored(needle: string): Promise<string[]> {
  const columns = await db.$queryRaw<{ table: string; column: string }[]>`
    SELECT table_name::text AS "table", column_name::text AS "column"
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')`;
  const hits: string[] = [];
  for (const { table, column } of columns) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table.replace(/"/g, '""')}" WHERE strpos(lower("${column.replace(/"/g, '""')}"::text), lower($1)) > 0`,
      needle,
    );
    if (row && row.n > 0n) hits.push(`${table}.${column}`);
  }
  return hits.sort();
}

/** A person who has done a bit of everything in an area, with a name no other test uses. */
async function scene() {
  const admin = (await createUser(db, { globalRole: "ADMIN" })).id;
  const area = await createAreaWithPlan(db);
  const lead = await createMember(db, area.localAreaId, "LEAD");
  const u = uniq();
  const name = `Perpetua Quillfeather${u}`;
  const email = `perpetua.quillfeather${u}@council.example`;
  const adminCaller = await callerFor(db, admin);
  const person = await adminCaller.admin.createUser({ email, name, jobTitle: "SEND officer" });
  await adminCaller.admin.grantMembership({ userId: person.id, localAreaId: area.localAreaId, role: "CONTRIBUTOR" });
  await db.action.update({ where: { id: area.actionId }, data: { ownerId: person.id } });

  const update = await createActionUpdate(db, { actionId: area.actionId, authorId: person.id, narrative: "Panel dates agreed with schools." });
  await (await callerFor(db, person.id)).comment.add({ findingId: area.findingId, body: "The new panel dates went to the forum.", visibility: "WITH_FORUM" });
  // Where the name is written down besides the person's own row: a frozen plan (it names
  // action owners), someone else's notification, what someone else wrote, sign-in's counters.
  await (await callerFor(db, lead)).snapshot.take({ slug: area.slug, label: `Board ${u}` });
  // Written straight to the table: through comment.add its words would also be in the audit
  // trail, which is append-only and keeps what people typed as they typed it (PRIVACY.md).
  await db.comment.create({ data: { localAreaId: area.localAreaId, findingId: area.findingId, authorId: lead, body: `Thanks to ${name} for the dates.` } });
  await db.notification.create({
    data: { userId: lead, localAreaId: area.localAreaId, kind: "UPDATE_REQUEST_POSTED", dedupeKey: `x:${u}`, title: `${name} posted an update`, body: `${name} (${email}) posted an update.` },
  });
  await db.rateLimitBucket.create({ data: { key: `signin:email:${email}`, windowStart: new Date(), hits: 1 } });
  await db.verificationToken.create({ data: { identifier: email, token: `token-${u}`, expires: new Date(Date.now() + 3_600_000) } });
  await db.session.create({ data: { sessionToken: `session-${u}`, userId: person.id, expires: new Date(Date.now() + 3_600_000) } });
  await db.account.create({ data: { userId: person.id, type: "oauth", provider: "azure-ad", providerAccountId: `entra-${u}` } });
  return { admin, adminCaller, area, lead, person, name, email, updateId: update.id };
}

describe("erasing a person", () => {
  it("leaves their name and email in no column of any table; what they did stays, under a stable pseudonym", async () => {
    const s = await scene();
    // The search finds them first, so an empty answer below means they are gone, not missed.
    expect(await whereStored(s.name)).toEqual(
      expect.arrayContaining(["Comment.body", "Notification.body", "Notification.title", "Snapshot.state", "User.name"]),
    );
    expect(await whereStored(s.email)).toEqual(expect.arrayContaining(["Notification.body", "RateLimitBucket.key", "User.email", "VerificationToken.identifier"]));

    const erased = await s.adminCaller.personalData.erase({ userId: s.person.id });
    const pseudonym = pseudonymOf(s.person.id);
    expect(erased).toEqual({ id: s.person.id, name: pseudonym.name });
    expect(pseudonym.name).toMatch(/^Former user [0-9a-f]{4}$/);

    expect(await whereStored(s.name)).toEqual([]);
    expect(await whereStored(s.email)).toEqual([]);

    // Their update and comment stay, theirs under the pseudonym; the audit trail points at them too.
    const user = await db.user.findUniqueOrThrow({ where: { id: s.person.id } });
    expect(user).toMatchObject({ name: pseudonym.name, email: pseudonym.email, jobTitle: null });
    expect(user.erasedAt).toBeInstanceOf(Date);
    expect(await db.actionUpdate.findUniqueOrThrow({ where: { id: s.updateId }, select: { authorId: true } })).toEqual({ authorId: s.person.id });
    const theirs = await db.auditEvent.findFirstOrThrow({ where: { actorId: s.person.id, action: "comment.add" }, select: { actor: { select: { name: true } } } });
    expect(theirs.actor?.name).toBe(pseudonym.name);
    const snapshot = await db.snapshot.findFirstOrThrow({ where: { localAreaId: s.area.localAreaId } });
    expect(JSON.stringify(snapshot.state)).toContain(pseudonym.name);
    expect((await db.comment.findFirstOrThrow({ where: { authorId: s.lead } })).body).toBe(`Thanks to ${pseudonym.name} for the dates.`);

    // Audited, with the pseudonym only.
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.erase", entityId: s.person.id } });
    expect(event).toMatchObject({ actorId: s.admin, entityType: "User" });
    expect(event.after).toMatchObject({ name: pseudonym.name, membershipsEnded: [{ localAreaId: s.area.localAreaId, role: "CONTRIBUTOR" }] });

    // Signed out for good: sessions, linked accounts and links gone, and the account disabled.
    expect(await db.session.count({ where: { userId: s.person.id } })).toBe(0);
    expect(await db.account.count({ where: { userId: s.person.id } })).toBe(0);
    expect(await db.membership.count({ where: { userId: s.person.id } })).toBe(0);
    expect(user.disabledAt).toBeInstanceOf(Date);
    expect(user.sessionsValidAfter?.getTime()).toBe(user.erasedAt!.getTime());
    expect(await loadSessionUser(db, s.person.id, { sid: "their-session", signedInAt: Date.now() - 60_000 })).toBeNull();

    // Erasing again changes nothing: the pseudonym is the person's for good.
    expect(await s.adminCaller.personalData.erase({ userId: s.person.id })).toEqual({ id: s.person.id, name: pseudonym.name });
  });

  it("replaces a name only where it stands as a whole word", async () => {
    const s = await scene();
    const [first] = s.name.split(" ");
    // The first name alone, and the full name run into another word, are not the person's name.
    const kept = await db.comment.create({
      data: { localAreaId: s.area.localAreaId, findingId: s.area.findingId, authorId: s.lead, body: `${first} and ${s.name}x are others.` },
    });
    await s.adminCaller.personalData.erase({ userId: s.person.id });
    expect((await db.comment.findUniqueOrThrow({ where: { id: kept.id } })).body).toBe(`${first} and ${s.name}x are others.`);
  });

  it("is for administrators only, and not of oneself", async () => {
    const s = await scene();
    expect((await refusal((await callerFor(db, s.lead)).personalData.erase({ userId: s.person.id }))).code).toBe("FORBIDDEN");
    expect((await refusal(s.adminCaller.personalData.erase({ userId: s.admin }))).code).toBe("BAD_REQUEST");
    expect((await db.user.findUniqueOrThrow({ where: { id: s.person.id } })).name).toBe(s.name);
  });
});

describe("the subject access export", () => {
  it("holds the person's account, memberships, updates and comments, as JSON", async () => {
    const s = await scene();
    const data = await s.adminCaller.personalData.export({ userId: s.person.id });
    expect(data.person).toMatchObject({ id: s.person.id, name: s.name, email: s.email, jobTitle: "SEND officer" });
    expect(data.memberships).toEqual([{ role: "CONTRIBUTOR", createdAt: expect.any(Date), localArea: { name: expect.any(String), slug: s.area.slug } }]);
    expect(data.actionUpdates).toEqual([expect.objectContaining({ id: s.updateId, narrative: "Panel dates agreed with schools." })]);
    expect(data.comments).toEqual([expect.objectContaining({ body: "The new panel dates went to the forum.", visibility: "WITH_FORUM" })]);
    expect(data.ownedActions).toEqual([expect.objectContaining({ id: s.area.actionId })]);
    expect(data.auditEvents.map((e) => e.action)).toContain("comment.add");
    expect(data.person.accounts).toEqual([{ provider: "azure-ad", type: "oauth" }]);
    // It is one JSON document: nothing in it that JSON cannot carry.
    expect(JSON.parse(JSON.stringify(data))).toMatchObject({ person: { email: s.email } });
  });

  it("is for administrators only", async () => {
    const s = await scene();
    expect((await refusal((await callerFor(db, s.lead)).personalData.export({ userId: s.person.id }))).code).toBe("FORBIDDEN");
    expect((await refusal((await callerFor(db, s.person.id)).personalData.export({ userId: s.person.id }))).code).toBe("FORBIDDEN");
  });
});
