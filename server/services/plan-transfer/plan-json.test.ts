/**
 * plan.json: the plan as the API exports it (GET /api/v1/areas/<slug>/plan.json) imports again
 * through the plan lead's import (POST /api/local-areas/<slug>/plan-import, a .json file) and
 * changes nothing; an edited one goes through the workbook's checks and writes, its problems named
 * in the JSON's words.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, fromDay, utcDay } from "@/lib/calendar";
import { seedDemoCopy } from "@/prisma/demo-data";
import { createAreaWithPlan, createMeasure, createMembership, createUser } from "@/prisma/factories";
import { viewerOf } from "@/server/api/trpc";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { planJsonSchema, type PlanJson } from "@/server/schemas/plan-json";
import { createApiToken } from "@/server/services/api/api-tokens";
import { planJsonRoute } from "@/server/services/api/routes";
import { planDownload } from "@/server/services/plan-transfer/plan-transfer";
import { applyOf, previewOf } from "@/server/services/plan-transfer/testing-requests";
import { contextFor, testDb } from "@/server/testing/harness";

let db: PrismaClient;
/** This file's own copy of the demo: it gives the plan a lead of its own, which the shared demo must not gain. */
let demoSlug: string;
beforeAll(async () => {
  db = testDb();
  demoSlug = (await seedDemoCopy(db, `pj${Date.now().toString(36)}`)).northbridge.slug;
}, 120_000);
afterAll(() => db.$disconnect());

/** Everything an import could touch, for before/after comparison. */
async function everything(localAreaId: string) {
  const where = { localAreaId };
  return {
    plans: await db.plan.findMany({ where, orderBy: { id: "asc" } }),
    inspections: await db.inspection.findMany({ where, orderBy: { id: "asc" } }),
    organisations: await db.organisation.findMany({ where, orderBy: { id: "asc" } }),
    findings: await db.finding.findMany({ where, orderBy: { id: "asc" }, include: { measures: { select: { id: true } } } }),
    actions: await db.action.findMany({ where, orderBy: { id: "asc" }, include: { partnerOrganisations: { select: { id: true } } } }),
    measures: await db.measure.findMany({
      where,
      orderBy: { id: "asc" },
      include: { milestones: { orderBy: { id: "asc" } }, values: { orderBy: { id: "asc" } }, findings: { select: { id: true } } },
    }),
    auditEvents: await db.auditEvent.count({ where }),
  };
}

/** The area's lead, as the import route's context, and a plan:read token of theirs. */
async function leadOf(localAreaId: string, slug: string) {
  const user = await createUser(db);
  await createMembership(db, { userId: user.id, localAreaId, role: "LEAD" });
  const viewer = viewerOf((await contextFor(db, user.id)).session)!;
  const token = await createApiToken(
    { db, viewer, requestId: randomUUID() },
    { slug, name: "Export", scopes: ["plan:read"], expiresOn: fromDay(addDays(utcDay(new Date()), 7)) },
  );
  return { ctx: () => ({ db, viewer, requestId: randomUUID() }), secret: token.secret };
}

/** plan.json as the API gives it. */
async function exported(slug: string, secret: string): Promise<PlanJson> {
  const response = await planJsonRoute(
    new Request(`http://headway.test/api/v1/areas/${slug}/plan.json`, { headers: { authorization: `Bearer ${secret}` } }),
    { db, requestId: randomUUID() },
    { slug },
  );
  expect(response.status).toBe(200);
  return planJsonSchema.parse(await response.json());
}

const fileOf = (json: unknown, name = "plan.json") => [{ name, bytes: new TextEncoder().encode(JSON.stringify(json)) }];

describe("plan.json, exported then imported", () => {
  it("changes nothing, for the demo plan with every kind of record", async () => {
    const nb = await db.localArea.findUniqueOrThrow({ where: { slug: demoSlug } });
    const lead = await leadOf(nb.id, nb.slug);
    const json = await exported(nb.slug, lead.secret);
    expect([json.findings?.length, json.actions?.length, json.measures?.length, json.milestones?.length, json.values?.length]).toEqual([5, 26, 6, 18, 72]);
    const before = await everything(nb.id);

    const preview = await previewOf(lead.ctx(), nb.slug, fileOf(json));
    expect(preview).toMatchObject({ errorCount: 0, warningCount: 0, changeCount: 0 });
    const applied = await applyOf(lead.ctx(), nb.slug, fileOf(json));
    expect(applied.status).toBe("unchanged");
    // The check wrote its one audit event (plan.import.preview); the import changed nothing at all.
    expect(await everything(nb.id)).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
  });

  it("keeps text as it is, even text a spreadsheet would take for a formula", async () => {
    const fx = await createAreaWithPlan(db, { finding: { summary: "'=Families first" }, action: { title: "=SUM(A1) is not a formula here" } });
    const lead = await leadOf(fx.localAreaId, fx.slug);
    const json = await exported(fx.slug, lead.secret);
    expect(json.findings![0]!.summary).toBe("'=Families first");
    const before = await everything(fx.localAreaId);
    expect((await applyOf(lead.ctx(), fx.slug, fileOf(json))).status).toBe("unchanged");
    expect(await everything(fx.localAreaId)).toEqual(before);
  });
});

describe("plan.json from the import page's download", () => {
  it("is the API's plan.json, for those who read the area's internal records (not the forum)", async () => {
    const fx = await createAreaWithPlan(db);
    const lead = await leadOf(fx.localAreaId, fx.slug);
    const on = new Date("2026-11-22T10:00:00Z");
    const viewer = (role: "VIEWER" | "FORUM") => ({ userId: "u1", globalRole: null, memberships: [{ localAreaId: fx.localAreaId, role }] });
    const download = await planDownload(db, viewer("VIEWER"), { slug: fx.slug, format: "json", sheet: null }, on);
    if (!download.ok) throw new Error(download.message);
    expect(download).toMatchObject({ contentType: "application/json; charset=utf-8", fileName: `${fx.slug}-plan-2026-11-22.json` });
    const json = planJsonSchema.parse(JSON.parse(new TextDecoder().decode(download.body)));
    const { exportedAt: _a, ...fromApi } = await exported(fx.slug, lead.secret);
    expect({ ...json, exportedAt: undefined }).toEqual({ ...fromApi, exportedAt: undefined });
    expect(await planDownload(db, viewer("FORUM"), { slug: fx.slug, format: "json", sheet: null })).toMatchObject({ ok: false, status: 404 });
  });
});

describe("an edited plan.json", () => {
  it("imports what changed, by the workbook's rules, and exports it again", async () => {
    const fx = await createAreaWithPlan(db);
    const measure = await createMeasure(db, { planId: fx.planId, findingIds: [fx.findingId], ref: "M1", unit: "PERCENT" });
    const lead = await leadOf(fx.localAreaId, fx.slug);
    const json = await exported(fx.slug, lead.secret);
    const period = fromDay(addDays(utcDay(new Date()), -31));
    json.values = [...json.values!, { measureRef: "M1", periodEnd: period, value: 41.5, status: "VALIDATED" }];
    json.actions![0]!.progress = 40;

    const preview = await previewOf(lead.ctx(), fx.slug, fileOf(json));
    expect(preview.errors).toEqual([]);
    expect(preview.changes.map((c) => [c.entity, c.kind])).toEqual(
      expect.arrayContaining([
        ["Action", "update"],
        ["Value", "create"],
      ]),
    );
    expect((await applyOf(lead.ctx(), fx.slug, fileOf(json))).status).toBe("applied");
    expect(await db.measureValue.findFirst({ where: { measureId: measure.id, value: 41.5 }, select: { status: true } })).toEqual({ status: "VALIDATED" });
    const again = await exported(fx.slug, lead.secret);
    expect(again.actions![0]!.progress).toBe(40);
    expect(again.values).toContainEqual({ measureRef: "M1", periodEnd: period, value: 41.5, status: "VALIDATED" });
  });

  it("names each problem by the JSON's array, item and key, and writes nothing", async () => {
    const fx = await createAreaWithPlan(db);
    await createMeasure(db, { planId: fx.planId, findingIds: [fx.findingId], ref: "M1", unit: "PERCENT" });
    const lead = await leadOf(fx.localAreaId, fx.slug);
    const json = await exported(fx.slug, lead.secret);
    json.values = [{ measureRef: "M1", periodEnd: fromDay(addDays(utcDay(new Date()), -3)), value: 150, status: null }];
    json.findings![0]!.inspectorsWording = "";
    const before = await everything(fx.localAreaId);

    const applied = await applyOf(lead.ctx(), fx.slug, fileOf(json));
    expect(applied.status).toBe("refused");
    expect(applied.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: "findings", row: 1, column: "inspectorsWording" }),
        expect.objectContaining({ sheet: "values", row: 1, column: "value", message: expect.stringMatching(/a percentage is between 0 and 100/) }),
      ]),
    );
    expect(await everything(fx.localAreaId)).toEqual(before);
  });

  it("refuses a file that is not plan.json, with the reason, before anything is compared", async () => {
    const fx = await createAreaWithPlan(db);
    const lead = await leadOf(fx.localAreaId, fx.slug);
    expect((await previewOf(lead.ctx(), fx.slug, [{ name: "plan.json", bytes: new TextEncoder().encode("{oops") }])).errors[0]!.message).toMatch(/is not a JSON file/);
    const wrongType = await previewOf(lead.ctx(), fx.slug, fileOf({ format: "headway-plan", version: 1, findings: [{ ref: 1, kind: "SIGNIFICANT_WEAKNESS", inspectorsWording: "W." }] }));
    expect(wrongType.errors).toEqual([expect.objectContaining({ sheet: "findings", row: 1, column: "ref" })]);
    // A key in some items and not others would clear the field where it is missing: refused.
    const json = await exported(fx.slug, lead.secret);
    json.findings = [...json.findings!, { ref: "9", kind: "AREA_FOR_IMPROVEMENT", inspectorsWording: "Another." }];
    const mixed = await previewOf(lead.ctx(), fx.slug, fileOf(json));
    expect(mixed.errors.map((e) => [e.sheet, e.row, e.column])).toEqual(
      expect.arrayContaining([
        ["findings", 2, "summary"],
        ["findings", 2, "judgement"],
      ]),
    );
    expect((await previewOf(lead.ctx(), fx.slug, [...fileOf(json), ...fileOf(json, "more.json")])).errors[0]!.message).toMatch(/one plan\.json file/);
  });
});
