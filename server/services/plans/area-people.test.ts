/**
 * Duties kept apart: an administrator gives roles but never to themselves; every change to a role
 * is audited and shown to the area's leads ("People and roles", area.people); and the forum's
 * members see who else is in the forum.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAreaWithPlan, createUser, uniq } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { SELF_GRANT_REFUSAL } from "@/server/services/admin/admin";
import { actingAs, callerFor, createMember, fieldErrors, refusal, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let adminId: string;
beforeAll(async () => {
  db = testDb();
  adminId = (await createUser(db, { globalRole: "ADMIN", name: `Alex Admin ${uniq()}` })).id;
});
afterAll(() => db.$disconnect());

describe("an administrator's own roles", () => {
  it("an administrator cannot give themselves a role in an area: refused, with the reason beside the field, and nothing written", async () => {
    const area = await createAreaWithPlan(db);
    const admin = await callerFor(db, adminId);
    const audits = await db.auditEvent.count({ where: { localAreaId: area.localAreaId } });
    for (const role of ["LEAD", "VIEWER"] as const) {
      const e = await refusal(admin.admin.grantMembership({ userId: adminId, localAreaId: area.localAreaId, role }));
      expect(e.code).toBe("FORBIDDEN");
      expect(e.message).toBe(SELF_GRANT_REFUSAL);
      expect(fieldErrors(e)).toEqual({ userId: SELF_GRANT_REFUSAL });
    }
    expect(await db.membership.count({ where: { userId: adminId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { localAreaId: area.localAreaId } })).toBe(audits);
  });

  it("another administrator may give them one", async () => {
    const area = await createAreaWithPlan(db);
    const second = (await createUser(db, { globalRole: "ADMIN" })).id;
    const m = await (await callerFor(db, second)).admin.grantMembership({ userId: adminId, localAreaId: area.localAreaId, role: "VIEWER" });
    expect(m.role).toBe("VIEWER");
  });
});

describe("People and roles (area.people)", () => {
  it("every grant, change and removal is audited and shown to the area's leads, newest first, with who made it", async () => {
    const area = await createAreaWithPlan(db);
    const leadId = await createMember(db, area.localAreaId, "LEAD", `Priya Lead ${uniq()}`);
    const person = await createUser(db, { name: `Sam Person ${uniq()}` });
    const { api: admin, requestId } = await actingAs(db, adminId);
    const given = await admin.admin.grantMembership({ userId: person.id, localAreaId: area.localAreaId, role: "VIEWER" });
    expect(await db.auditEvent.count({ where: { requestId, action: "membership.grant", localAreaId: area.localAreaId } })).toBe(1);
    await admin.admin.grantMembership({ userId: person.id, localAreaId: area.localAreaId, role: "CONTRIBUTOR" });
    const { api: admin2, requestId: revokeRequest } = await actingAs(db, adminId);
    await admin2.admin.revokeMembership({ membershipId: given.id });
    expect(await db.auditEvent.count({ where: { requestId: revokeRequest, action: "membership.revoke", localAreaId: area.localAreaId } })).toBe(1);

    const people = await (await callerFor(db, leadId)).area.people({ slug: area.slug });
    const adminName = (await db.user.findUniqueOrThrow({ where: { id: adminId } })).name;
    expect(people.changes.map((c) => [c.kind, c.person, c.from, c.to, c.by])).toEqual([
      ["REMOVED", person.name, "CONTRIBUTOR", null, adminName],
      ["CHANGED", person.name, "VIEWER", "CONTRIBUTOR", adminName],
      ["GIVEN", person.name, null, "VIEWER", adminName],
    ]);
    expect(people.members.map((m) => m.role)).toEqual(["LEAD"]);
  });

  it("is for the area's leads only", async () => {
    const area = await createAreaWithPlan(db);
    for (const role of ["CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"] as const) {
      const e = await refusal((await callerFor(db, await createMember(db, area.localAreaId, role))).area.people({ slug: area.slug }));
      expect(e.code).toBe("FORBIDDEN");
    }
    const elsewhere = await createAreaWithPlan(db);
    const e = await refusal((await callerFor(db, await createMember(db, elsewhere.localAreaId, "LEAD"))).area.people({ slug: area.slug }));
    expect(e.code).toBe("NOT_FOUND");
  });
});

describe("who is in the forum", () => {
  it("a forum member sees the area's other forum members, by name and without addresses; other readers do not get the list", async () => {
    const area = await createAreaWithPlan(db);
    const jo = await createMember(db, area.localAreaId, "FORUM", `Jo Forum ${uniq()}`);
    const kim = await createMember(db, area.localAreaId, "FORUM", `Kim Forum ${uniq()}`);
    await createMember(db, area.localAreaId, "VIEWER", `Vic Viewer ${uniq()}`);
    const view = await (await callerFor(db, jo)).forum.view({ slug: area.slug });
    expect(view.members?.map((m) => [m.id, m.isYou]).sort()).toEqual([
      [jo, true],
      [kim, false],
    ].sort());
    const kimEmail = (await db.user.findUniqueOrThrow({ where: { id: kim } })).email!;
    expect(JSON.stringify(view)).not.toContain(kimEmail);
    for (const role of ["LEAD", "VIEWER"] as const) {
      const other = await (await callerFor(db, await createMember(db, area.localAreaId, role))).forum.view({ slug: area.slug });
      expect(other.members).toBeNull();
    }
  });
});
