/** The plan lead's import page (through its upload route) and the export download, with their permissions. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAreaWithPlan, createMembership, createUser } from "@/prisma/factories";
import type { Viewer } from "@/server/auth/permissions";
import type { AreaRole } from "@/server/generated/prisma/enums";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { planRows, writeXlsx } from "@/server/services/plan-transfer/plan-export";
import { loadAreaState } from "@/server/services/plan-transfer/workbook-state";
import { planDownload } from "@/server/services/plan-transfer/plan-transfer";
import { readXlsx } from "@/server/services/plan-transfer/read-workbook";
import { applyOf, postWorkbook, previewOf } from "@/server/services/plan-transfer/testing-requests";
import { viewerOf } from "@/server/api/trpc";
import { contextFor, testDb } from "@/server/testing/harness";

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(() => db.$disconnect());

/** A request's context for a signed-in person, as the route file builds it. */
async function as(userId: string) {
  return { db, viewer: viewerOf((await contextFor(db, userId)).session), requestId: randomUUID() };
}

async function memberOf(localAreaId: string, role: AreaRole) {
  const user = await createUser(db);
  await createMembership(db, { userId: user.id, localAreaId, role });
  return user;
}

/** The area's rows for the parts of the plan an import touches, to compare before and after. */
async function planOf(localAreaId: string) {
  return {
    plan: await db.plan.findMany({ where: { localAreaId } }),
    findings: await db.finding.findMany({ where: { localAreaId }, orderBy: { id: "asc" } }),
    actions: await db.action.findMany({ where: { localAreaId }, orderBy: { id: "asc" } }),
  };
}

describe("the plan lead's import page", () => {
  it("checks a file without changing the plan, recording who checked it, then applies it", async () => {
    const fx = await createAreaWithPlan(db);
    const lead = await memberOf(fx.localAreaId, "LEAD");
    const rows = planRows((await loadAreaState(db, fx.localAreaId))!);
    rows.Findings.push({ ref: "7", kind: "Area for improvement", inspectorsWording: "Wording.", summary: "Summary." });
    const files = [{ name: "plan.xlsx", bytes: new Uint8Array(await writeXlsx(rows)) }];
    const caller = await as(lead.id);
    const before = await planOf(fx.localAreaId);
    const auditBefore = await db.auditEvent.count({ where: { localAreaId: fx.localAreaId } });

    const preview = await previewOf(caller, fx.slug, files);
    expect(preview).toMatchObject({ errorCount: 0, changeCount: 1, changes: [{ entity: "Finding", key: "7", kind: "create" }] });
    expect(await planOf(fx.localAreaId)).toEqual(before);
    const previewEvents = await db.auditEvent.findMany({ where: { localAreaId: fx.localAreaId }, orderBy: { at: "asc" } });
    expect(previewEvents).toHaveLength(auditBefore + 1);
    expect(previewEvents.at(-1)).toMatchObject({ action: "plan.import.preview", actorId: lead.id });

    const applied = await applyOf(caller, fx.slug, files);
    expect(applied).toMatchObject({ status: "applied", changeCount: 1 });
    expect(await db.finding.count({ where: { planId: fx.planId, ref: "7" } })).toBe(1);
    const events = await db.auditEvent.findMany({ where: { localAreaId: fx.localAreaId, action: { in: ["plan.import", "finding.create"] } } });
    expect(events.map((e) => e.actorId)).toEqual([lead.id, lead.id]);
  });

  it("reports a file that is not a workbook as the one error", async () => {
    const fx = await createAreaWithPlan(db);
    const lead = await memberOf(fx.localAreaId, "LEAD");
    const caller = await as(lead.id);
    const preview = await previewOf(caller, fx.slug, [{ name: "plan.xlsx", bytes: new TextEncoder().encode("not a workbook") }]);
    expect(preview.errors).toEqual([{ sheet: "", row: 0, column: "", message: expect.stringMatching(/plan\.xlsx is not an Excel workbook/) }]);
  });

  it("refuses an upload over the size limit before reading it", async () => {
    const fx = await createAreaWithPlan(db);
    const lead = await memberOf(fx.localAreaId, "LEAD");
    const caller = await as(lead.id);
    const big = new Uint8Array(10 * 1024 * 1024 + 3);
    expect(await postWorkbook(caller, fx.slug, "preview", [{ name: "plan.xlsx", bytes: big }])).toMatchObject({ status: 413 });
  });
});

describe("the export download", () => {
  const viewer = (userId: string, localAreaId: string, role: AreaRole): Viewer => ({ userId, globalRole: null, memberships: [{ localAreaId, role }] });

  it("gives the workbook to those who read internal records, and one sheet as CSV", async () => {
    const fx = await createAreaWithPlan(db);
    const on = new Date("2026-11-22T10:00:00Z");
    const asViewer = await planDownload(db, viewer("u1", fx.localAreaId, "VIEWER"), { slug: fx.slug, format: null, sheet: null }, on);
    if (!asViewer.ok) throw new Error(asViewer.message);
    expect(asViewer.fileName).toBe(`${fx.slug}-plan-2026-11-22.xlsx`);
    const read = await readXlsx(asViewer.body);
    expect(read.sheets.find((s) => s.name === "Actions")!.rows).toHaveLength(1);

    const national: Viewer = { userId: "u2", globalRole: "NATIONAL", memberships: [] };
    const csv = await planDownload(db, national, { slug: fx.slug, format: "csv", sheet: "Findings" }, on);
    if (!csv.ok) throw new Error(csv.message);
    expect(csv).toMatchObject({ contentType: "text/csv; charset=utf-8", fileName: `${fx.slug}-plan-2026-11-22-Findings.csv` });
    expect(new TextDecoder().decode(csv.body)).toMatch(/^Ref,Kind,Inspectors' wording,Summary,Judgement,Judgement date,Letter link\r\n1,Area of significant weakness,/);

    expect(await planDownload(db, national, { slug: fx.slug, format: "csv", sheet: "Nope" })).toMatchObject({ ok: false, status: 400 });
  });

  it("answers not found to the forum, another area and areas that do not exist", async () => {
    const fx = await createAreaWithPlan(db);
    const other = await createAreaWithPlan(db);
    const request = { slug: fx.slug, format: null, sheet: null };
    expect(await planDownload(db, viewer("u1", fx.localAreaId, "FORUM"), request)).toMatchObject({ ok: false, status: 404 });
    expect(await planDownload(db, viewer("u1", other.localAreaId, "LEAD"), request)).toMatchObject({ ok: false, status: 404 });
    expect(await planDownload(db, { userId: "u1", globalRole: "ADMIN", memberships: [] }, request)).toMatchObject({ ok: false, status: 404 });
    expect(await planDownload(db, viewer("u1", fx.localAreaId, "LEAD"), { ...request, slug: "no-such-area" })).toMatchObject({ ok: false, status: 404 });
  });
});
