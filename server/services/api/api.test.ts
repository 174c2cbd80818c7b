/**
 * The HTTP API on a real database, through its handlers as the route files bind them: tokens made,
 * used, refused and revoked; values sent by the value form's rules (created, replaced only with a
 * reason, refused by the measure's unit or range, a dry run writing nothing); one area's token
 * finding nothing of another; scopes; the audit trail naming the token; the rate limit.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, fromDay, utcDay } from "@/lib/calendar";
import { createAreaWithPlan, createMeasure, createMeasureValue, createUser, day } from "@/prisma/factories";
import { viewerOf } from "@/server/api/trpc";
import type { Viewer } from "@/server/auth/permissions";
import { AppError } from "@/server/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { measureView, planView, pushValuesResult } from "@/server/schemas/api";
import type { ApiScopeName } from "@/server/schemas/api-token";
import { createApiToken, hashApiToken, listApiTokens, revokeApiToken } from "@/server/services/api/api-tokens";
import { API_RATE_LIMIT } from "@/server/services/api/http";
import { measureRoute, measureValuesRoute, planRoute } from "@/server/services/api/routes";
import { hit } from "@/server/services/core/rate-limits";
import { recordHistory } from "@/server/services/history/history";
import { personalDataOf } from "@/server/services/admin/personal-data";
import { contextFor, createMember, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let other: Awaited<ReturnType<typeof createAreaWithPlan>>;
let leadId: string;
let lead: Viewer;
/** Area A's measures: a percentage with a plausible range of 20 to 80, and a count. */
let percent: { id: string; ref: string };
let count: { id: string; ref: string };
let otherMeasure: { id: string; ref: string };

async function viewer(userId: string): Promise<Viewer> {
  return viewerOf((await contextFor(db, userId)).session)!;
}
const ctxOf = (v: Viewer) => ({ db, viewer: v, requestId: randomUUID() });
const lastDay = (days: number) => fromDay(addDays(utcDay(new Date()), days));

/** A token of area A made by its lead through the service, as the tokens page makes one. */
async function tokenFor(scopes: ApiScopeName[], o: { slug?: string; by?: Viewer } = {}) {
  return createApiToken(ctxOf(o.by ?? lead), { slug: o.slug ?? area.slug, name: `Test ${randomUUID().slice(0, 6)}`, scopes, expiresOn: lastDay(30) });
}

const base = (path: string, init: RequestInit = {}, secret?: string) =>
  new Request(`http://headway.test${path}`, {
    ...init,
    headers: { ...(secret ? { authorization: `Bearer ${secret}` } : {}), ...(init.headers as Record<string, string> | undefined) },
  });

const requestCtx = () => ({ db, requestId: randomUUID() });

async function push(secret: string, body: unknown, o: { slug?: string; dryRun?: boolean; contentType?: string; raw?: string } = {}) {
  const slug = o.slug ?? area.slug;
  const ctx = requestCtx();
  const response = await measureValuesRoute(
    base(
      `/api/v1/areas/${slug}/measure-values${o.dryRun ? "?dryRun=true" : ""}`,
      { method: "POST", headers: { "content-type": o.contentType ?? "application/json" }, body: o.raw ?? JSON.stringify(body) },
      secret,
    ),
    ctx,
    { slug },
  );
  return { response, json: (await response.json()) as Record<string, unknown>, requestId: ctx.requestId };
}

const getPlan = (secret: string | undefined, slug = area.slug) => planRoute(base(`/api/v1/areas/${slug}/plan`, {}, secret), requestCtx(), { slug });
const getMeasure = (secret: string, key: string, slug = area.slug) =>
  measureRoute(base(`/api/v1/areas/${slug}/measures/${key}`, {}, secret), requestCtx(), { slug, measure: key });

const valuesOf = (measureId: string) => db.measureValue.findMany({ where: { measureId }, orderBy: { periodEnd: "asc" }, select: { periodEnd: true, value: true, status: true, note: true } });

beforeAll(async () => {
  db = testDb();
  area = await createAreaWithPlan(db);
  other = await createAreaWithPlan(db);
  leadId = await createMember(db, area.localAreaId, "LEAD");
  lead = await viewer(leadId);
  const p = await createMeasure(db, { planId: area.planId, findingIds: [area.findingId], ref: "P1", unit: "PERCENT", plausibleMin: 20, plausibleMax: 80 });
  const c = await createMeasure(db, { planId: area.planId, findingIds: [area.findingId], ref: "C1", unit: "COUNT", baselineValue: 100, targetValue: 50, direction: "LOWER_IS_BETTER" });
  const o = await createMeasure(db, { planId: other.planId, findingIds: [other.findingId], ref: "P1" });
  percent = { id: p.id, ref: p.ref };
  count = { id: c.id, ref: c.ref };
  otherMeasure = { id: o.id, ref: o.ref };
});
afterAll(() => db.$disconnect());

describe("making, listing and revoking tokens", () => {
  it("shows the secret once and keeps only its SHA-256; the audit event has neither", async () => {
    const made = await tokenFor(["plan:read", "values:write"]);
    expect(made.secret).toMatch(/^hw_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: made.id } });
    expect(row.tokenHash).toBe(hashApiToken(made.secret));
    expect(JSON.stringify(row)).not.toContain(made.secret.slice(7));
    expect(row.scopes.sort()).toEqual(["PLAN_READ", "VALUES_WRITE"]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "ApiToken", entityId: made.id, action: "apiToken.create" } });
    expect(event.actorId).toBe(leadId);
    expect(JSON.stringify(event.after)).not.toContain(made.secret.slice(7));
    expect(JSON.stringify(event.after)).not.toContain(row.tokenHash);
    // The listing shows it by name and prefix, never its secret.
    const listed = await listApiTokens(ctxOf(lead), area.slug);
    const shown = listed.tokens.find((t) => t.id === made.id)!;
    expect(shown).toMatchObject({ name: made.name, prefix: made.secret.slice(0, 7), state: "ACTIVE", scopes: ["plan:read", "values:write"], lastUsedAt: null });
    expect(JSON.stringify(listed)).not.toContain(made.secret.slice(7));
  });

  it("are in their maker's personal data, without their hashes", async () => {
    const made = await tokenFor(["measures:read"]);
    const data = await personalDataOf({ db }, leadId);
    expect(data.apiTokens).toContainEqual(expect.objectContaining({ id: made.id, name: made.name, prefix: made.secret.slice(0, 7), createdById: leadId }));
    expect(JSON.stringify(data)).not.toContain(hashApiToken(made.secret));
  });

  it("needs a last day after today and within a year", async () => {
    const refusedFor = async (expiresOn: string) => {
      const error = await createApiToken(ctxOf(lead), { slug: area.slug, name: "Too long", scopes: ["plan:read"], expiresOn }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).details?.fieldErrors as Record<string, string>;
    };
    expect((await refusedFor(lastDay(0))).expiresOn).toBe("The last day must be after today");
    expect((await refusedFor(lastDay(367))).expiresOn).toMatch(/^The last day must be within a year/);
    const longest = await createApiToken(ctxOf(lead), { slug: area.slug, name: "A year", scopes: ["plan:read"], expiresOn: lastDay(366) });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: longest.id } })).expiresAt).toEqual(addDays(utcDay(new Date()), 367));
  });

  it("is for the area's plan lead, or an administrator in any area; others are refused", async () => {
    const contributor = await viewer(await createMember(db, area.localAreaId, "CONTRIBUTOR"));
    const otherLead = await viewer(await createMember(db, other.localAreaId, "LEAD"));
    const admin = await viewer((await createUser(db, { globalRole: "ADMIN" })).id);
    const codeOf = (call: Promise<unknown>) => call.then(() => "OK", (e: AppError) => e.code);
    expect(await codeOf(tokenFor(["plan:read"], { by: contributor }))).toBe("FORBIDDEN");
    expect(await codeOf(listApiTokens(ctxOf(contributor), area.slug))).toBe("FORBIDDEN");
    expect(await codeOf(tokenFor(["plan:read"], { by: otherLead }))).toBe("NOT_FOUND");
    expect(await codeOf(tokenFor(["plan:read"], { by: admin }))).toBe("OK");
    expect(await codeOf(tokenFor(["plan:read"], { by: admin, slug: other.slug }))).toBe("OK");
    const leads = await tokenFor(["plan:read"]);
    expect(await codeOf(revokeApiToken(ctxOf(otherLead), leads.id))).toBe("NOT_FOUND");
    expect(await codeOf(revokeApiToken(ctxOf(contributor), leads.id))).toBe("FORBIDDEN");
  });

  it("notes the last use, and a revoked token is refused from the next request on", async () => {
    const made = await tokenFor(["plan:read"]);
    expect((await getPlan(made.secret)).status).toBe(200);
    const used = (await listApiTokens(ctxOf(lead), area.slug)).tokens.find((t) => t.id === made.id)!;
    expect(used.lastUsedAt).toBeInstanceOf(Date);

    await revokeApiToken(ctxOf(lead), made.id);
    const refused = await getPlan(made.secret);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="Headway API", error="invalid_token"');
    const problem = (await refused.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ type: "/api/docs#problem-unauthorized", status: 401, title: "A valid API token is needed" });
    expect(problem.detail).toMatch(/revoked/);
    expect(problem.instance).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect((await listApiTokens(ctxOf(lead), area.slug)).tokens.find((t) => t.id === made.id)!.state).toBe("REVOKED");
  });
});

describe("refused tokens", () => {
  it("refuses a request without a token, with one Headway never made, and one past its last day", async () => {
    const none = await getPlan(undefined);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="Headway API"');
    expect((await getPlan("hw_notatokenheadwaymade0000000000000000000000000")).status).toBe(401);

    const made = await tokenFor(["plan:read"]);
    await db.apiToken.update({ where: { id: made.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await getPlan(made.secret);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { detail: string }).detail).toMatch(/past its last day/);
  });

  it("stops working when its maker is no longer the area's plan lead", async () => {
    const makerId = await createMember(db, area.localAreaId, "LEAD");
    const made = await tokenFor(["plan:read"], { by: await viewer(makerId) });
    expect((await getPlan(made.secret)).status).toBe(200);
    await db.membership.updateMany({ where: { userId: makerId, localAreaId: area.localAreaId }, data: { role: "VIEWER" } });
    const refused = await getPlan(made.secret);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/no longer the area's plan lead/);
  });

  it("finds nothing of another area: its plan, its measures and its values answer 404", async () => {
    const made = await tokenFor(["plan:read", "measures:read", "values:write"]);
    expect((await getPlan(made.secret, other.slug)).status).toBe(404);
    // Area B's measure by id, under area A's address and under its own.
    expect((await getMeasure(made.secret, otherMeasure.id)).status).toBe(404);
    expect((await getMeasure(made.secret, otherMeasure.id, other.slug)).status).toBe(404);
    const sent = await push(made.secret, { values: [{ measure: otherMeasure.id, periodEnd: lastDay(-5), value: 30 }] });
    expect(sent.response.status).toBe(422);
    expect(sent.json.errors).toEqual([{ pointer: "/values/0/measure", detail: `There is no measure “${otherMeasure.id}” in the area's current plan.` }]);
    expect((await push(made.secret, { values: [{ measure: "P1", periodEnd: lastDay(-5), value: 30 }] }, { slug: other.slug })).response.status).toBe(404);
    expect(await valuesOf(otherMeasure.id)).toEqual([]);
  });

  it("refuses what its scopes do not cover, naming the scope", async () => {
    const readOnly = await tokenFor(["plan:read"]);
    const sent = await push(readOnly.secret, { values: [{ measure: "P1", periodEnd: lastDay(-3), value: 30 }] });
    expect(sent.response.status).toBe(403);
    expect(sent.json).toMatchObject({ type: "/api/docs#problem-forbidden", status: 403 });
    expect(sent.json.detail).toMatch(/values:write/);
    expect((await getMeasure(readOnly.secret, "P1")).status).toBe(403);
    const valuesOnly = await tokenFor(["values:write"]);
    expect((await getPlan(valuesOnly.secret)).status).toBe(403);
  });
});

describe("reading", () => {
  it("reads the plan: findings with their actions and measures, and how each stands", async () => {
    const made = await tokenFor(["plan:read"]);
    const response = await getPlan(made.secret);
    expect(response.status).toBe(200);
    const plan = planView.parse(await response.json());
    expect(plan.plan?.id).toBe(area.planId);
    expect(plan.findings.map((f) => f.id)).toEqual([area.findingId]);
    expect(plan.findings[0]!.actions.map((a) => a.id)).toEqual([area.actionId]);
    expect(plan.findings[0]!.measureRefs.sort()).toEqual(["C1", "P1"]);
    expect(plan.measures.map((m) => m.ref).sort()).toEqual(["C1", "P1"]);
  });

  it("reads a measure with its values, by its ref in any case or by its id", async () => {
    const made = await tokenFor(["measures:read"]);
    await createMeasureValue(db, { measureId: count.id, periodEnd: day(-200), value: 90 });
    for (const key of ["c1", "C1", count.id]) {
      const response = await getMeasure(made.secret, key);
      expect(response.status).toBe(200);
      const measure = measureView.parse(await response.json());
      expect(measure).toMatchObject({ id: count.id, ref: "C1", unit: "COUNT" });
      expect(measure.values.map((v) => v.value)).toContain(90);
    }
    expect((await getMeasure(made.secret, "NOPE")).status).toBe(404);
  });
});

describe("sending values", () => {
  it("enters a batch for several measures, in one request, entered by the token's maker; the same batch again changes nothing", async () => {
    const made = await tokenFor(["values:write"]);
    const batch = {
      values: [
        { measure: "P1", periodEnd: lastDay(-60), value: 35 },
        { measure: "p1", periodEnd: lastDay(-30), value: 38.5, status: "VALIDATED", note: "From the SEN2 return" },
        { measure: count.id, periodEnd: lastDay(-30), value: 84 },
      ],
    };
    const first = await push(made.secret, batch);
    expect(first.response.status).toBe(200);
    const result = pushValuesResult.parse(first.json);
    expect(result).toMatchObject({ dryRun: false, created: 3, replaced: 0, updated: 0, unchanged: 0 });
    expect(result.values.map((v) => [v.measure.ref, v.outcome])).toEqual([
      ["P1", "created"],
      ["P1", "created"],
      ["C1", "created"],
    ]);
    expect(await valuesOf(percent.id)).toEqual([
      { periodEnd: utcDay(new Date(lastDay(-60))), value: 35, status: "PROVISIONAL", note: null },
      { periodEnd: utcDay(new Date(lastDay(-30))), value: 38.5, status: "VALIDATED", note: "From the SEN2 return" },
    ]);
    const stored = await db.measureValue.findMany({ where: { measureId: { in: [percent.id, count.id] }, periodEnd: { gte: new Date(lastDay(-60)) } } });
    expect(new Set(stored.map((v) => v.enteredById))).toEqual(new Set([leadId]));

    const again = await push(made.secret, batch);
    expect(pushValuesResult.parse(again.json)).toMatchObject({ created: 0, replaced: 0, updated: 0, unchanged: 3 });
    expect(await db.auditEvent.count({ where: { requestId: again.requestId } })).toBe(0);
  });

  it("names the token in every audit event, with its maker as the actor", async () => {
    const made = await tokenFor(["values:write"]);
    const sent = await push(made.secret, { values: [{ measure: "C1", periodEnd: lastDay(-20), value: 80 }] });
    expect(sent.response.status).toBe(200);
    const events = await db.auditEvent.findMany({ where: { requestId: sent.requestId }, include: { apiToken: { select: { id: true, name: true } } } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "measure.pushValues", entityType: "MeasureValue", actorId: leadId, localAreaId: area.localAreaId, apiTokenId: made.id });
    expect(events[0]!.apiToken).toEqual({ id: made.id, name: made.name });
    // The measure's history says so, in words.
    const history = await recordHistory(ctxOf(lead), { kind: "Measure", id: count.id });
    const shown = history.events.find((e) => e.id === events[0]!.id)!;
    const maker = await db.user.findUniqueOrThrow({ where: { id: leadId }, select: { name: true } });
    expect(shown).toMatchObject({ who: `${maker.name}, through the API token “${made.name}”`, what: "Sent values through the API" });
  });

  it("replaces a recorded figure only with replace: true and a reason, which the audit event keeps with before and after", async () => {
    const made = await tokenFor(["values:write"]);
    const period = lastDay(-90);
    await push(made.secret, { values: [{ measure: "P1", periodEnd: period, value: 40 }] });

    const unconfirmed = await push(made.secret, { values: [{ measure: "P1", periodEnd: period, value: 45 }] });
    expect(unconfirmed.response.status).toBe(422);
    expect(unconfirmed.json).toMatchObject({ type: "/api/docs#problem-validation", replacements: [{ measure: "P1", periodEnd: period, before: 40, after: 45 }] });
    expect((unconfirmed.json.errors as { pointer: string; detail: string }[])[0]).toMatchObject({ pointer: "/values/0/value" });
    expect((unconfirmed.json.errors as { detail: string }[])[0]!.detail).toMatch(/"replace": true and a "reason"/);
    // replace without a reason is no confirmation either.
    expect((await push(made.secret, { values: [{ measure: "P1", periodEnd: period, value: 45 }], replace: true })).response.status).toBe(422);
    expect((await valuesOf(percent.id)).find((v) => fromDay(v.periodEnd) === period)!.value).toBe(40);

    const confirmed = await push(made.secret, { values: [{ measure: "P1", periodEnd: period, value: 45 }], replace: true, reason: "The return was resubmitted" });
    expect(confirmed.response.status).toBe(200);
    expect(pushValuesResult.parse(confirmed.json).values[0]).toMatchObject({ outcome: "replaced", before: 40, value: 45 });
    expect((await valuesOf(percent.id)).find((v) => fromDay(v.periodEnd) === period)!.value).toBe(45);
    const event = await db.auditEvent.findFirstOrThrow({ where: { requestId: confirmed.requestId } });
    expect(event).toMatchObject({ action: "measure.pushValues", apiTokenId: made.id });
    expect(event.before).toMatchObject({ value: 40 });
    expect(event.after).toMatchObject({ value: 45, reason: "The return was resubmitted" });
  });

  it("refuses a value its measure cannot take, by its unit or its plausible range, and then writes none of the batch", async () => {
    const made = await tokenFor(["values:write"]);
    const before = [await valuesOf(percent.id), await valuesOf(count.id)];
    const sent = await push(made.secret, {
      values: [
        { measure: "C1", periodEnd: lastDay(-7), value: 70 },
        { measure: "P1", periodEnd: lastDay(-7), value: 150 },
        { measure: "P1", periodEnd: lastDay(-8), value: 95 },
        { measure: "C1", periodEnd: lastDay(-9), value: 2.5 },
        { measure: "C1", periodEnd: lastDay(3), value: 60 },
      ],
    });
    expect(sent.response.status).toBe(422);
    expect(sent.json.detail).toBe("4 values were refused: nothing was written.");
    expect(sent.json.errors).toEqual([
      { pointer: "/values/1/value", detail: "A percentage is between 0 and 100" },
      { pointer: "/values/2/value", detail: "Enter a value this measure can take: between 20 and 80, as set on the measure" },
      { pointer: "/values/3/value", detail: "A count is a whole number, 0 or more" },
      { pointer: "/values/4/periodEnd", detail: "The period end must be today or earlier: the period must have ended." },
    ]);
    expect([await valuesOf(percent.id), await valuesOf(count.id)]).toEqual(before);
    expect(await db.auditEvent.count({ where: { requestId: sent.requestId } })).toBe(0);
  });

  it("in a dry run, says what would happen and writes nothing", async () => {
    const made = await tokenFor(["values:write"]);
    const period = lastDay(-120);
    await push(made.secret, { values: [{ measure: "C1", periodEnd: period, value: 88 }] });
    const before = [await valuesOf(percent.id), await valuesOf(count.id)];
    const tokenRow = await db.apiToken.findUniqueOrThrow({ where: { id: made.id }, select: { lastUsedAt: true } });
    const sent = await push(
      made.secret,
      { values: [{ measure: "C1", periodEnd: period, value: 86 }, { measure: "P1", periodEnd: lastDay(-121), value: 50 }], replace: true, reason: "Checking" },
      { dryRun: true },
    );
    expect(sent.response.status).toBe(200);
    const result = pushValuesResult.parse(sent.json);
    expect(result).toMatchObject({ dryRun: true, created: 1, replaced: 1 });
    expect(result.values.map((v) => v.outcome)).toEqual(["replaced", "created"]);
    expect([await valuesOf(percent.id), await valuesOf(count.id)]).toEqual(before);
    expect(await db.auditEvent.count({ where: { requestId: sent.requestId } })).toBe(0);
    expect(tokenRow.lastUsedAt).not.toBeNull();

    // A dry run is refused for what the real request would be refused for.
    const refused = await push(made.secret, { values: [{ measure: "P1", periodEnd: lastDay(-122), value: 150 }] }, { dryRun: true });
    expect(refused.response.status).toBe(422);
  });

  it("refuses a body that is not JSON, not sent as JSON, or not the documented shape", async () => {
    const made = await tokenFor(["values:write"]);
    expect((await push(made.secret, null, { raw: "{not json" })).response.status).toBe(400);
    expect((await push(made.secret, null, { raw: "values=1", contentType: "application/x-www-form-urlencoded" })).response.status).toBe(415);
    const shape = await push(made.secret, { values: [{ measure: "P1", periodEnd: "31/10/2026", value: "47" }], extra: true });
    expect(shape.response.status).toBe(422);
    expect((shape.json.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual(["", "/values/0/periodEnd", "/values/0/value"]);
    const twice = await push(made.secret, { values: [{ measure: "P1", periodEnd: lastDay(-2), value: 30 }, { measure: "p1", periodEnd: lastDay(-2), value: 31 }] });
    expect(twice.json.errors).toEqual([{ pointer: "/values/1/periodEnd", detail: `Measure P1 has a value for the period ending ${lastDay(-2)} already, at /values/0: send each period once.` }]);
  });
});

describe("the rate limit", () => {
  it("answers 429 with Retry-After once a token has used its requests for the minute, and other tokens carry on", async () => {
    const busy = await tokenFor(["plan:read"]);
    const calm = await tokenFor(["plan:read"]);
    for (let i = 0; i < API_RATE_LIMIT.max; i += 1) await hit(db, API_RATE_LIMIT, busy.id);
    const limited = await getPlan(busy.secret);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(API_RATE_LIMIT.windowSeconds);
    expect(await limited.json()).toMatchObject({ type: "/api/docs#problem-rate-limited", status: 429 });
    expect((await getPlan(calm.secret)).status).toBe(200);
  });
});
