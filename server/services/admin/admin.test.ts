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
