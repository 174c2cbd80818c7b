import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { slugFor } from "@/server/services/admin/admin";
import { callerFor, testDb } from "@/server/testing/harness";

describe("slugFor", () => {
  it.each([
    ["Northbridge", "northbridge"],
    ["St Helens", "st-helens"],
    ["Brighton & Hove", "brighton-and-hove"],
    ["  Kingston upon Hull, City of ", "kingston-upon-hull-city-of"],
    ["Ceredigión", "ceredigion"],
    ["!!!", ""],
  ])("%s -> %s", (name, slug) => expect(slugFor(name)).toBe(slug));
});

describe("admin.createArea", () => {
  let db: PrismaClient;
  let adminId: string;
  beforeAll(async () => {
    db = testDb();
    adminId = (await createUser(db, { globalRole: "ADMIN" })).id;
  });
  afterAll(() => db.$disconnect());

  it("creates the area with its address and audits it; the same name or code again is a CONFLICT that writes nothing", async () => {
    const admin = await callerFor(db, adminId);
    const area = await admin.admin.createArea({ name: "Port Wyre", laCode: "812", region: "NORTH_WEST" });
    expect(area.slug).toBe("port-wyre");
    expect(await db.auditEvent.count({ where: { action: "area.create", entityId: area.id } })).toBe(1);

    const audits = await db.auditEvent.count();
    await expect(admin.admin.createArea({ name: "Port Wyre", laCode: "813", region: "NORTH_WEST" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "There is already a local area called Port Wyre.",
    });
    await expect(admin.admin.createArea({ name: "Other", laCode: "812", region: "NORTH_WEST" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Port Wyre already has the local authority code 812.",
    });
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("validates input with the form's messages", async () => {
    const admin = await callerFor(db, adminId);
    await expect(admin.admin.createArea({ name: "X", laCode: "12a", region: "LONDON" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // A name of punctuation has no address.
    await expect(admin.admin.createArea({ name: "???", laCode: "814", region: "LONDON" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("admin.overview: people found by search, a page at a time", () => {
  let db: PrismaClient;
  let adminId: string;
  const tag = `pager${Date.now()}`;
  beforeAll(async () => {
    db = testDb();
    adminId = (await createUser(db, { globalRole: "ADMIN" })).id;
    // 30 people whose emails share a tag no one else's has, and one whose name alone has it.
    for (let i = 0; i < 30; i++) await createUser(db, { email: `${tag}-${String(i).padStart(2, "0")}@test.example`, name: `Person ${String(i).padStart(2, "0")}` });
    await createUser(db, { email: `someone-${Date.now()}@test.example`, name: `Alex ${tag.toUpperCase()} Named` });
  });
  afterAll(() => db.$disconnect());

  it("matches every word in the name or email, without regard to case, and pages by 25 in name order", async () => {
    const admin = await callerFor(db, adminId);
    const first = await admin.admin.overview({ q: `  ${tag.toUpperCase()}  ` });
    expect(first.people).toEqual({ search: tag.toUpperCase(), page: 1, pages: 2, matching: 31, perPage: 25 });
    expect(first.users.map((u) => u.name)).toEqual([`Alex ${tag.toUpperCase()} Named`, ...Array.from({ length: 24 }, (_, i) => `Person ${String(i).padStart(2, "0")}`)]);
    const second = await admin.admin.overview({ q: tag, page: 2 });
    expect(second.users.map((u) => u.name)).toEqual(Array.from({ length: 6 }, (_, i) => `Person ${String(24 + i).padStart(2, "0")}`));
    // A page past the last shows the last; two words must both match.
    expect((await admin.admin.overview({ q: tag, page: 9 })).people.page).toBe(2);
    expect((await admin.admin.overview({ q: `${tag} named` })).users.map((u) => u.name)).toEqual([`Alex ${tag.toUpperCase()} Named`]);
    expect((await admin.admin.overview({ q: `${tag} nobody` })).people.matching).toBe(0);
  });

  it("refuses a search longer than the form allows and a page that is not a whole number", async () => {
    const admin = await callerFor(db, adminId);
    await expect(admin.admin.overview({ q: "x".repeat(101) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.admin.overview({ page: 1.5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("gives one person's roles on their page, and 'not found' for no one", async () => {
    const admin = await callerFor(db, adminId);
    const person = await createUser(db);
    expect((await admin.admin.personRoles({ userId: person.id })).person).toMatchObject({ id: person.id, memberships: [] });
    await expect(admin.admin.personRoles({ userId: "cnobodyatall000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
