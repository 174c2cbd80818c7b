/**
 * Comments against a real database: who may add which visibility, what each role reads (the
 * forum never an internal comment), the audit event, and the input rules.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAreaWithPlan, createFinding, createMeasure, createOrganisation, createUser, uniq } from "@/prisma/factories";
import type { AreaRole, CommentVisibility } from "@/server/generated/prisma/enums";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { FORUM_SHARES_MESSAGE } from "@/server/schemas/comment";
import { actingAs, callerFor, createMember, fieldErrors, refusal, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let otherArea: Awaited<ReturnType<typeof createAreaWithPlan>>;
let measureId: string;
const users = {} as Record<AreaRole | "NATIONAL" | "OTHER_LEAD", string>;

beforeAll(async () => {
  db = testDb();
  area = await createAreaWithPlan(db);
  otherArea = await createAreaWithPlan(db);
  for (const role of ["LEAD", "CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"] as const) users[role] = await createMember(db, area.localAreaId, role);
  users.NATIONAL = (await createUser(db, { globalRole: "NATIONAL" })).id;
  users.OTHER_LEAD = await createMember(db, otherArea.localAreaId, "LEAD");
  measureId = (await createMeasure(db, { localAreaId: area.localAreaId, planId: area.planId, findingIds: [area.findingId] })).id;
});
afterAll(() => db.$disconnect());

const add = async (userId: string, visibility: CommentVisibility, target: object = { actionId: area.actionId }, body = `Comment ${uniq()}`) =>
  (await callerFor(db, userId)).comment.add({ ...target, body, visibility });

const list = async (userId: string, target: object = { actionId: area.actionId }) => (await callerFor(db, userId)).comment.forTarget(target);

describe("adding a comment", () => {
  for (const role of ["LEAD", "CONTRIBUTOR", "ADVISER"] as const) {
    it(`${role} adds comments of both visibilities, on actions, findings and measures`, async () => {
      for (const target of [{ actionId: area.actionId }, { findingId: area.findingId }, { measureId }]) {
        for (const visibility of ["INTERNAL", "WITH_FORUM"] as const) {
          const body = `${role} ${visibility} ${uniq()}`;
          const { id } = await add(users[role], visibility, target, body);
          const row = await db.comment.findUniqueOrThrow({ where: { id } });
          expect(row).toMatchObject({ localAreaId: area.localAreaId, authorId: users[role], body, visibility, ...target });
        }
      }
    });
  }

  it("the forum adds a comment shared with the forum", async () => {
    const { id } = await add(users.FORUM, "WITH_FORUM");
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).visibility).toBe("WITH_FORUM");
  });

  it("the forum cannot add an internal comment: a field error, and nothing saved", async () => {
    const body = `Forum internal ${uniq()}`;
    const e = await refusal(add(users.FORUM, "INTERNAL", { actionId: area.actionId }, body));
    expect(e.code).toBe("BAD_REQUEST");
    expect(fieldErrors(e)).toEqual({ visibility: FORUM_SHARES_MESSAGE });
    expect(await db.comment.count({ where: { body } })).toBe(0);
  });

  for (const role of ["VIEWER", "NATIONAL"] as const) {
    it(`${role} reads but may not comment (FORBIDDEN)`, async () => {
      const body = `${role} tries ${uniq()}`;
      const e = await refusal(add(users[role], "WITH_FORUM", { actionId: area.actionId }, body));
      expect(e.code).toBe("FORBIDDEN");
      expect(await db.comment.count({ where: { body } })).toBe(0);
    });
  }

  it("a lead of another area finds nothing (NOT_FOUND) on action, finding and measure", async () => {
    for (const target of [{ actionId: area.actionId }, { findingId: area.findingId }, { measureId }]) {
      expect((await refusal(add(users.OTHER_LEAD, "WITH_FORUM", target))).code).toBe("NOT_FOUND");
      expect((await refusal(list(users.OTHER_LEAD, target))).code).toBe("NOT_FOUND");
    }
  });

  it("writes an audit event in the same request, naming the target, body and visibility", async () => {
    const { api, requestId } = await actingAs(db, users.LEAD);
    const body = `Audited ${uniq()}`;
    const { id } = await api.comment.add({ findingId: area.findingId, body, visibility: "INTERNAL" });
    const events = await db.auditEvent.findMany({ where: { requestId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "comment.add", entityType: "Comment", entityId: id, localAreaId: area.localAreaId, actorId: users.LEAD });
    expect(events[0]!.after).toMatchObject({ body, visibility: "INTERNAL", target: expect.stringMatching(/^Finding 1 /) as unknown });
  });

  it("trims the body and refuses an empty one, one too long, or two targets", async () => {
    const api = await callerFor(db, users.LEAD);
    const { id } = await api.comment.add({ actionId: area.actionId, body: "  Padded  ", visibility: "INTERNAL" });
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).body).toBe("Padded");

    const empty = await refusal(api.comment.add({ actionId: area.actionId, body: "   ", visibility: "INTERNAL" }));
    expect(fieldErrors(empty)).toEqual({ body: "Enter your comment" });

    await api.comment.add({ actionId: area.actionId, body: "x".repeat(2000), visibility: "INTERNAL" });
    const tooLong = await refusal(api.comment.add({ actionId: area.actionId, body: "x".repeat(2001), visibility: "INTERNAL" }));
    expect(fieldErrors(tooLong)).toEqual({ body: "Your comment must be 2,000 characters or fewer" });

    const twoTargets = await refusal(api.comment.add({ actionId: area.actionId, findingId: area.findingId, body: "Both", visibility: "INTERNAL" }));
    expect(fieldErrors(twoTargets)).toEqual({ target: "A comment must belong to exactly one action, finding or measure" });
    const noTarget = await refusal(api.comment.add({ body: "Neither", visibility: "INTERNAL" }));
    expect(noTarget.code).toBe("BAD_REQUEST");

    const noVisibility = await refusal(api.comment.add({ actionId: area.actionId, body: "Hidden?", visibility: "SECRET" as CommentVisibility }));
    expect(fieldErrors(noVisibility)).toEqual({ visibility: "Select who can see your comment" });
  });
});

describe("reading comments", () => {
  let internalBody: string;
  let sharedBody: string;
  let findingId: string;

  beforeAll(async () => {
    // A finding of its own, so the lists below hold only these two comments.
    findingId = (await createFinding(db, { planId: area.planId })).id;
    internalBody = `Internal ${uniq()}`;
    sharedBody = `Shared ${uniq()}`;
    const org = await createOrganisation(db, { name: `Northbridge Council ${uniq()}`, kind: "COUNCIL", localAreaId: area.localAreaId });
    await db.user.update({ where: { id: users.LEAD }, data: { name: "Priya Lead", organisationId: org.id } });
    const { id } = await add(users.LEAD, "INTERNAL", { findingId }, internalBody);
    await add(users.ADVISER, "WITH_FORUM", { findingId }, sharedBody);
    // Clearly older, so "newest first" does not hang on two inserts in the same millisecond.
    await db.comment.update({ where: { id }, data: { createdAt: new Date(Date.now() - 60_000) } });
  });

  for (const role of ["LEAD", "CONTRIBUTOR", "ADVISER", "VIEWER", "NATIONAL"] as const) {
    it(`${role} reads both, newest first`, async () => {
      const { items } = await list(users[role], { findingId });
      expect(items.map((c) => c.body)).toEqual([sharedBody, internalBody]);
    });
  }

  it("the forum never reads an internal comment", async () => {
    const { items, viewerCan } = await list(users.FORUM, { findingId });
    expect(items.map((c) => c.body)).toEqual([sharedBody]);
    expect(items.every((c) => c.visibility === "WITH_FORUM")).toBe(true);
    expect(viewerCan).toEqual({ comment: true, keepInternal: false });
    // Nor on the action, where the tests above left internal comments.
    const onAction = await list(users.FORUM);
    expect(onAction.items.length).toBeGreaterThan(0);
    expect(onAction.items.every((c) => c.visibility === "WITH_FORUM")).toBe(true);
    expect(await db.comment.count({ where: { actionId: area.actionId, visibility: "INTERNAL" } })).toBeGreaterThan(0);
  });

  it("names the author and their organisation, with the time", async () => {
    const { items } = await list(users.VIEWER, { findingId });
    const internal = items.find((c) => c.body === internalBody)!;
    expect(internal).toMatchObject({ authorName: "Priya Lead", visibility: "INTERNAL" });
    expect(internal.organisation).toMatch(/^Northbridge Council /);
    expect(internal.createdAt).toBeInstanceOf(Date);
  });

  it("says who may comment and who may keep a comment internal", async () => {
    const can = async (userId: string) => (await list(userId, { findingId })).viewerCan;
    expect(await can(users.LEAD)).toEqual({ comment: true, keepInternal: true });
    expect(await can(users.CONTRIBUTOR)).toEqual({ comment: true, keepInternal: true });
    expect(await can(users.ADVISER)).toEqual({ comment: true, keepInternal: true });
    expect(await can(users.VIEWER)).toEqual({ comment: false, keepInternal: true });
    expect(await can(users.NATIONAL)).toEqual({ comment: false, keepInternal: true });
  });

  it("lists only the target's own comments", async () => {
    const { items } = await list(users.LEAD, { measureId });
    expect(items.some((c) => c.body === internalBody || c.body === sharedBody)).toBe(false);
  });
});
