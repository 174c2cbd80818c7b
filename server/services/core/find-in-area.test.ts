/**
 * findInArea on every model it knows, against two areas: a record in the viewer's own area is
 * found with the caller's select, one in another area is NOT_FOUND in the model's words, and a
 * NATIONAL viewer (who reads every area) finds both.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createActionUpdate,
  createAreaWithPlan,
  createEvidence,
  createMeasure,
  createMeasureValue,
  createUser,
} from "@/prisma/factories";
import type { Viewer } from "@/server/auth/permissions";
import { AppError } from "@/server/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { findInArea, type AreaModel } from "@/server/services/core/find-in-area";
import { testDb } from "@/server/testing/harness";

let db: PrismaClient;

/** One area's records, one of each model findInArea knows. */
async function areaRecords(authorId: string) {
  const fx = await createAreaWithPlan(db);
  const measure = await createMeasure(db, { planId: fx.planId, findingIds: [fx.findingId] });
  const value = await createMeasureValue(db, { measureId: measure.id });
  const update = await createActionUpdate(db, { actionId: fx.actionId, authorId });
  const evidence = await createEvidence(db, { actionId: fx.actionId });
  const snapshot = await db.snapshot.create({ data: { localAreaId: fx.localAreaId, planId: fx.planId, label: "Board", state: {} } });
  const changeRequest = await db.changeRequest.create({
    data: {
      localAreaId: fx.localAreaId,
      planId: fx.planId,
      entityType: "Action",
      entityId: fx.actionId,
      field: "action.title",
      oldValue: "Old",
      newValue: "New",
      reason: "Because",
      requestedById: authorId,
    },
  });
  const entry = await db.youSaidWeDid.create({
    data: { localAreaId: fx.localAreaId, youSaid: "You said", weDid: "We did", date: new Date(), draftedById: authorId },
  });
  const request = await db.updateRequest.create({
    data: { localAreaId: fx.localAreaId, actionId: fx.actionId, email: "partner@school.example", tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const token = await db.apiToken.create({
    data: { localAreaId: fx.localAreaId, name: "Returns", scopes: ["PLAN_READ"], tokenHash: randomUUID(), prefix: "hw_test", expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const ids: Record<AreaModel, string> = {
    localArea: fx.localAreaId,
    plan: fx.planId,
    finding: fx.findingId,
    action: fx.actionId,
    measure: measure.id,
    measureValue: value.id,
    actionUpdate: update.id,
    evidence: evidence.id,
    snapshot: snapshot.id,
    changeRequest: changeRequest.id,
    youSaidWeDid: entry.id,
    updateRequest: request.id,
    apiToken: token.id,
    organisation: fx.councilId,
  };
  return { localAreaId: fx.localAreaId, ids };
}

let own: Awaited<ReturnType<typeof areaRecords>>;
let other: Awaited<ReturnType<typeof areaRecords>>;
let member: Viewer;
const national: Viewer = { userId: "national", globalRole: "NATIONAL", memberships: [] };

beforeAll(async () => {
  db = testDb();
  const author = await createUser(db);
  own = await areaRecords(author.id);
  other = await areaRecords(author.id);
  member = { userId: author.id, globalRole: null, memberships: [{ localAreaId: own.localAreaId, role: "VIEWER" }] };
});
afterAll(() => db.$disconnect());

const NOUNS: [AreaModel, string][] = [
  ["localArea", "That local area"],
  ["plan", "That plan"],
  ["finding", "That finding"],
  ["action", "That action"],
  ["measure", "That measure"],
  ["measureValue", "That value"],
  ["actionUpdate", "That update"],
  ["evidence", "That evidence"],
  ["snapshot", "That snapshot"],
  ["changeRequest", "That change request"],
  ["youSaidWeDid", "That entry"],
  ["updateRequest", "That update request"],
  ["apiToken", "That API token"],
  ["organisation", "That organisation"],
];

/** What a caller asks for by id; every model has `id`, the helper's types are checked in the services. */
const find = (viewer: Viewer, model: AreaModel, id: string) =>
  (findInArea as (r: unknown, m: AreaModel, a: object) => Promise<{ id: string }>)({ db, viewer }, model, { where: { id }, select: { id: true } });

async function refusalOf(call: Promise<unknown>): Promise<AppError> {
  const outcome = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(outcome instanceof AppError)) throw new Error(`Expected an AppError, got ${String(outcome)}`);
  return outcome;
}

describe.each(NOUNS)("findInArea(%s)", (model, noun) => {
  it("finds the record in the viewer's own area, with the caller's select", async () => {
    expect(await find(member, model, own.ids[model])).toEqual({ id: own.ids[model] });
  });

  it("answers another area's record as NOT_FOUND, in the model's words", async () => {
    const refused = await refusalOf(find(member, model, other.ids[model]));
    expect(refused.code).toBe("NOT_FOUND");
    expect(refused.message).toBe(`${noun} does not exist or you do not have access to it.`);
  });

  it("finds records in every area for a NATIONAL viewer", async () => {
    expect(await find(national, model, own.ids[model])).toEqual({ id: own.ids[model] });
    expect(await find(national, model, other.ids[model])).toEqual({ id: other.ids[model] });
  });
});

describe("the caller's own conditions", () => {
  it("stand beside the area's: neither replaces the other", async () => {
    const action = await findInArea({ db, viewer: national }, "action", {
      where: { id: own.ids.action, localAreaId: own.localAreaId },
      select: { id: true, localAreaId: true },
    });
    expect(action).toEqual({ id: own.ids.action, localAreaId: own.localAreaId });
    const refused = await refusalOf(
      findInArea({ db, viewer: national }, "action", { where: { id: own.ids.action, localAreaId: other.localAreaId }, select: { id: true } }),
    );
    expect(refused.code).toBe("NOT_FOUND");
  });
});
