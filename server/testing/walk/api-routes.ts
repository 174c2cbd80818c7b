/**
 * The HTTP API's routes (/api/v1, /api/docs) in the route walk (server/api/route-walk.test.ts).
 * The API reads no session: every caller of the walk, signed in or not, gets the same answer for
 * the same token, so the statuses below do not depend on who calls. The fixture gives area A and
 * area B a token each, and area A a read-only token, a revoked one and a measure.
 */
import { expect } from "vitest";
import { addDays, fromDay, utcDay } from "@/lib/calendar";
import { createMeasure, createMeasureValue, day } from "@/prisma/factories";
import type { ApiTokenScope } from "@/server/generated/prisma/enums";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { measureView, planView, pushValuesResult } from "@/server/schemas/api";
import { planJsonSchema } from "@/server/schemas/plan-json";
import { hashApiToken, newApiToken } from "@/server/services/api/api-tokens";
import type { Fixture } from "@/server/testing/walk/spec";
import type { RouteCase, RouteFixture, RouteRequest } from "@/server/testing/walk/routes";

export type ApiTokenFixture = {
  /** Every scope, area A, made by its lead. */
  areaA: string;
  /** plan:read only, area A. */
  readOnly: string;
  revoked: string;
  /** Every scope, area B, made by its lead. */
  areaB: string;
  /** Area A's measure (a percentage, ref "W1") and B's. */
  measure: { id: string; ref: string };
  otherMeasure: { id: string; ref: string };
};

async function token(db: PrismaClient, o: { localAreaId: string; createdById: string; scopes: ApiTokenScope[]; revoked?: boolean }) {
  const secret = newApiToken();
  await db.apiToken.create({
    data: {
      localAreaId: o.localAreaId,
      name: `Walk ${o.scopes.join(" ")}`,
      scopes: o.scopes,
      tokenHash: hashApiToken(secret),
      prefix: secret.slice(0, 7),
      createdById: o.createdById,
      expiresAt: addDays(utcDay(new Date()), 30),
      revokedAt: o.revoked ? new Date() : null,
    },
  });
  return secret;
}

const ALL: ApiTokenScope[] = ["PLAN_READ", "MEASURES_READ", "VALUES_WRITE"];

export async function createApiTokenFixture(db: PrismaClient, fx: Fixture): Promise<ApiTokenFixture> {
  const measure = await createMeasure(db, { planId: fx.area.planId, findingIds: [fx.area.findingId], ref: "W1" });
  await createMeasureValue(db, { measureId: measure.id, periodEnd: day(-40), value: 30 });
  const otherMeasure = await createMeasure(db, { planId: fx.otherArea.planId, findingIds: [fx.otherArea.findingId], ref: "W1" });
  const a = { localAreaId: fx.area.localAreaId, createdById: fx.users.LEAD };
  return {
    areaA: await token(db, { ...a, scopes: ALL }),
    readOnly: await token(db, { ...a, scopes: ["PLAN_READ"] }),
    revoked: await token(db, { ...a, scopes: ALL, revoked: true }),
    areaB: await token(db, { localAreaId: fx.otherArea.localAreaId, createdById: fx.users.OTHER_AREA, scopes: ALL }),
    measure: { id: measure.id, ref: measure.ref },
    otherMeasure: { id: otherMeasure.id, ref: otherMeasure.ref },
  };
}

type Holder = "areaA" | "readOnly" | "revoked" | "areaB" | null;

function get(path: string, params: Record<string, string>, holder: Holder) {
  return (rf: RouteFixture): RouteRequest => ({
    path,
    params,
    init: holder ? { headers: { authorization: `Bearer ${rf.apiTokens[holder]}` } } : undefined,
  });
}

function post(path: (rf: RouteFixture) => string, params: (rf: RouteFixture) => Record<string, string>, holder: Holder, body: (rf: RouteFixture) => unknown) {
  return (rf: RouteFixture): RouteRequest => ({
    path: path(rf),
    params: params(rf),
    init: {
      method: "POST",
      headers: { "content-type": "application/json", ...(holder ? { authorization: `Bearer ${rf.apiTokens[holder]}` } : {}) },
      body: JSON.stringify(body(rf)),
    },
  });
}

async function isProblem(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
}

const planPath = (slug: string) => `/api/v1/areas/${slug}/plan`;
const lastMonth = () => fromDay(addDays(utcDay(new Date()), -10));

export const API_ROUTE_CASES: Record<string, RouteCase[]> = {
  "app/api/v1/areas/[slug]/plan/route.ts": [
    {
      name: "GET area A's plan with area A's token",
      method: "GET",
      request: (rf) => get(planPath(rf.area.slug), { slug: rf.area.slug }, "areaA")(rf),
      status: () => 200,
      async check(response, _who, rf) {
        const plan = planView.parse(await response.json());
        expect(plan.area.slug).toBe(rf.area.slug);
        expect(plan.findings.map((f) => f.id)).toContain(rf.area.findingId);
        expect(JSON.stringify(plan)).not.toContain(rf.otherArea.localAreaId);
      },
    },
    {
      // A session is no way in: the API reads tokens only.
      name: "GET area A's plan without a token",
      method: "GET",
      request: (rf) => get(planPath(rf.area.slug), { slug: rf.area.slug }, null)(rf),
      status: () => 401,
    },
    {
      name: "GET area B's plan with area A's token",
      method: "GET",
      request: (rf) => get(planPath(rf.otherArea.slug), { slug: rf.otherArea.slug }, "areaA")(rf),
      status: () => 404,
    },
    {
      name: "GET area A's plan with a revoked token",
      method: "GET",
      request: (rf) => get(planPath(rf.area.slug), { slug: rf.area.slug }, "revoked")(rf),
      status: () => 401,
    },
  ],
  "app/api/v1/areas/[slug]/plan.json/route.ts": [
    {
      name: "GET area A's plan.json with area A's token",
      method: "GET",
      request: (rf) => get(`/api/v1/areas/${rf.area.slug}/plan.json`, { slug: rf.area.slug }, "areaA")(rf),
      status: () => 200,
      async check(response, _who, rf) {
        const json = planJsonSchema.parse(await response.json());
        expect(json.plan?.localArea).toBe(rf.text.areaName);
        expect(JSON.stringify(json)).not.toContain(rf.text.otherAreaName);
      },
    },
    {
      name: "GET area A's plan.json with area B's token",
      method: "GET",
      request: (rf) => get(`/api/v1/areas/${rf.area.slug}/plan.json`, { slug: rf.area.slug }, "areaB")(rf),
      status: () => 404,
    },
  ],
  "app/api/v1/areas/[slug]/measures/[measure]/route.ts": [
    {
      name: "GET area A's measure by its ref with area A's token",
      method: "GET",
      request: (rf) => get(`/api/v1/areas/${rf.area.slug}/measures/w1`, { slug: rf.area.slug, measure: "w1" }, "areaA")(rf),
      status: () => 200,
      async check(response, _who, rf) {
        const measure = measureView.parse(await response.json());
        expect(measure.id).toBe(rf.apiTokens.measure.id);
        expect(measure.values.length).toBeGreaterThan(0);
      },
    },
    {
      name: "GET area B's measure by its id under area A's address",
      method: "GET",
      request: (rf) => get(`/api/v1/areas/${rf.area.slug}/measures/${rf.apiTokens.otherMeasure.id}`, { slug: rf.area.slug, measure: rf.apiTokens.otherMeasure.id }, "areaA")(rf),
      status: () => 404,
    },
    {
      name: "GET area A's measure with a token without measures:read",
      method: "GET",
      request: (rf) => get(`/api/v1/areas/${rf.area.slug}/measures/W1`, { slug: rf.area.slug, measure: "W1" }, "readOnly")(rf),
      status: () => 403,
      check: isProblem,
    },
  ],
  "app/api/v1/areas/[slug]/measure-values/route.ts": [
    {
      // The same value every time: the first call enters it, the others change nothing.
      name: "POST a value for area A's measure with area A's token",
      method: "POST",
      request: post(
        (rf) => `/api/v1/areas/${rf.area.slug}/measure-values`,
        (rf) => ({ slug: rf.area.slug }),
        "areaA",
        () => ({ values: [{ measure: "W1", periodEnd: lastMonth(), value: 41 }] }),
      ),
      status: () => 200,
      async check(response, _who, rf, db) {
        const result = pushValuesResult.parse(await response.json());
        expect(result.values[0]!.outcome).toMatch(/^(created|unchanged)$/);
        const stored = await db.measureValue.findMany({ where: { measureId: rf.apiTokens.measure.id, value: 41 } });
        expect(stored).toHaveLength(1);
      },
    },
    {
      name: "POST a value with a read-only token",
      method: "POST",
      request: post(
        (rf) => `/api/v1/areas/${rf.area.slug}/measure-values`,
        (rf) => ({ slug: rf.area.slug }),
        "readOnly",
        () => ({ values: [{ measure: "W1", periodEnd: lastMonth(), value: 42 }] }),
      ),
      status: () => 403,
    },
    {
      name: "POST a value for area B's measure under area B's address with area A's token",
      method: "POST",
      request: post(
        (rf) => `/api/v1/areas/${rf.otherArea.slug}/measure-values`,
        (rf) => ({ slug: rf.otherArea.slug }),
        "areaA",
        () => ({ values: [{ measure: "W1", periodEnd: lastMonth(), value: 43 }] }),
      ),
      status: () => 404,
    },
  ],
  "app/api/v1/openapi.json/route.ts": [
    {
      name: "GET the OpenAPI document",
      method: "GET",
      request: () => ({ path: "/api/v1/openapi.json" }),
      status: () => 200,
      async check(response) {
        const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
        expect(doc.openapi).toBe("3.1.0");
        expect(Object.keys(doc.paths)).toContain("/api/v1/areas/{slug}/measure-values");
      },
    },
  ],
  "app/api/docs/route.ts": [
    {
      name: "GET the API reference page",
      method: "GET",
      request: () => ({ path: "/api/docs" }),
      status: () => 200,
      async check(response) {
        expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
        const html = await response.text();
        expect(html).toContain('<h1>Headway API reference</h1>');
        expect(html).not.toContain("<script");
      },
    },
  ],
};
