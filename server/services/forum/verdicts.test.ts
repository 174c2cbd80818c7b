/**
 * The forum's verdicts: only the forum gives them, any current forum member replaces the current
 * one (by a new verdict, never an edit), the history stays with each verdict's author, and the
 * database refuses to alter a past verdict whatever the application does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createAreaWithPlan, createUser, uniq } from "@/prisma/factories";
import { appRouter } from "@/server/api/root";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { RecordVerdictInput } from "@/server/schemas/forum";
import { callerFor, createMember, fieldErrors, refusal, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let otherArea: Awaited<ReturnType<typeof createAreaWithPlan>>;
const users: Record<string, string> = {};

beforeAll(async () => {
  db = testDb();
  area = await createAreaWithPlan(db, { action: { coproductionLevel: "CO_PRODUCING" } });
  otherArea = await createAreaWithPlan(db);
  for (const role of ["LEAD", "CONTRIBUTOR", "ADVISER", "VIEWER"] as const) users[role] = await createMember(db, area.localAreaId, role);
  users.AUTHOR = await createMember(db, area.localAreaId, "FORUM", `Jo Author ${uniq()}`);
  users.OTHER_FORUM = await createMember(db, area.localAreaId, "FORUM");
  users.NATIONAL = (await createUser(db, { globalRole: "NATIONAL" })).id;
  users.OTHER_AREA_FORUM = await createMember(db, otherArea.localAreaId, "FORUM");
  await db.action.update({ where: { id: area.actionId }, data: { ownerId: users.CONTRIBUTOR } });
});
afterAll(() => db.$disconnect());

const disagree = (target: { actionId?: string; findingId?: string }, o: Partial<RecordVerdictInput> = {}): RecordVerdictInput => ({
  ...target,
  verdict: "DISAGREE",
  levelRecognised: "CONSULTING",
  cornerstonesMet: ["WELCOME_AND_CARE"],
  text: "Families were shown a finished draft, not asked to shape it.",
  isPublic: true,
  replaces: "",
  ...o,
});

async function freshAction() {
  return (await createAction(db, { findingId: area.findingId, coproductionLevel: "CO_PRODUCING" })).id;
}

describe("recording a verdict", () => {
  it("a FORUM member records a verdict; everyone in the area reads it, current first", async () => {
    const actionId = await freshAction();
    const author = await callerFor(db, users.AUTHOR!);
    const first = await author.forum.recordVerdict(disagree({ actionId }));
    expect(first.supersedes).toBeNull();
    for (const who of ["LEAD", "VIEWER", "NATIONAL"]) {
      const seen = await (await callerFor(db, users[who]!)).forum.verdictsFor({ actionId });
      expect(seen.current).toMatchObject({ id: first.id, verdict: "DISAGREE", text: expect.stringContaining("finished draft") });
      expect(seen.viewerCan.record).toBe(false);
    }
    const audit = await db.auditEvent.findMany({ where: { entityId: first.id } });
    expect(audit.map((a) => a.action)).toEqual(["forum.recordVerdict"]);
  });

  it("needs the forum's reasons for anything but plain agreement", async () => {
    const e = await refusal((await callerFor(db, users.AUTHOR!)).forum.recordVerdict(disagree({ actionId: await freshAction() }, { text: "" })));
    expect(e.code).toBe("BAD_REQUEST");
    expect(fieldErrors(e)).toMatchObject({ text: "Enter what the forum says, in its own words" });
  });

  it("the author supersedes their own verdict and the history keeps both", async () => {
    const actionId = await freshAction();
    const author = await callerFor(db, users.AUTHOR!);
    const first = await author.forum.recordVerdict(disagree({ actionId }));
    const second = await author.forum.recordVerdict(disagree({ actionId }, { verdict: "AGREE_WITH_COMMENTS", text: "Better since the June workshop.", replaces: first.id }));
    expect(second.supersedes).toBe(first.id);
    const seen = await (await callerFor(db, users.LEAD!)).forum.verdictsFor({ actionId });
    expect(seen.verdicts.map((v) => [v.id, v.current, v.verdict])).toEqual([
      [second.id, true, "AGREE_WITH_COMMENTS"],
      [first.id, false, "DISAGREE"],
    ]);
    // The first verdict is exactly as it was given.
    expect(seen.verdicts[1]).toMatchObject({ text: "Families were shown a finished draft, not asked to shape it.", levelRecognised: "CONSULTING" });
  });

  it("on a finding too", async () => {
    const finding = await db.finding.create({
      data: { planId: area.planId, localAreaId: area.localAreaId, ref: uniq(), kind: "SIGNIFICANT_WEAKNESS", inspectorsWording: "w", summary: "s" },
    });
    const made = await (await callerFor(db, users.AUTHOR!)).forum.recordVerdict(disagree({ findingId: finding.id }));
    expect((await db.forumVerdict.findUniqueOrThrow({ where: { id: made.id } })).findingId).toBe(finding.id);
  });
});

describe("nobody but the forum can change or withdraw a verdict", () => {
  let actionId: string;
  let currentId: string;
  beforeAll(async () => {
    actionId = await freshAction();
    currentId = (await (await callerFor(db, users.AUTHOR!)).forum.recordVerdict(disagree({ actionId }))).id;
  });

  for (const who of ["LEAD", "CONTRIBUTOR", "ADVISER", "VIEWER", "NATIONAL"]) {
    it(`${who} is FORBIDDEN from recording a superseding verdict`, async () => {
      const e = await refusal(
        (await callerFor(db, users[who]!)).forum.recordVerdict(disagree({ actionId }, { verdict: "AGREE", text: "", replaces: currentId })),
      );
      expect(e.code).toBe("FORBIDDEN");
    });
  }

  it("a forum member of another area gets NOT_FOUND", async () => {
    const e = await refusal((await callerFor(db, users.OTHER_AREA_FORUM!)).forum.recordVerdict(disagree({ actionId }, { replaces: currentId })));
    expect(e.code).toBe("NOT_FOUND");
  });

  it("no procedure updates or removes a verdict: recording and reading are all there is", () => {
    const verdictProcedures = Object.keys(appRouter._def.procedures).filter((p) => /verdict/i.test(p));
    expect(verdictProcedures.sort()).toEqual(["forum.recordVerdict", "forum.verdictsFor"]);
  });

  it("the current verdict is untouched and still the only one", async () => {
    const rows = await db.forumVerdict.findMany({ where: { actionId } });
    expect(rows.map((r) => [r.id, r.verdict])).toEqual([[currentId, "DISAGREE"]]);
  });
});

describe("the forum speaks as a body", () => {
  it("a second forum member supersedes the first's verdict; the history keeps each author", async () => {
    const actionId = await freshAction();
    const first = await (await callerFor(db, users.AUTHOR!)).forum.recordVerdict(disagree({ actionId }));
    const other = await callerFor(db, users.OTHER_FORUM!);
    expect((await other.forum.verdictsFor({ actionId })).viewerCan.record).toBe(true);
    const second = await other.forum.recordVerdict(disagree({ actionId }, { verdict: "AGREE_WITH_COMMENTS", text: "Better since the June workshop.", replaces: first.id }));
    expect(second.supersedes).toBe(first.id);
    const seen = await (await callerFor(db, users.LEAD!)).forum.verdictsFor({ actionId });
    expect(seen.verdicts.map((v) => [v.id, v.current, v.authorId])).toEqual([
      [second.id, true, users.OTHER_FORUM],
      [first.id, false, users.AUTHOR],
    ]);
  });

  it("a verdict whose author has left the forum can still be replaced by the forum", async () => {
    const actionId = await freshAction();
    const leaver = await createMember(db, area.localAreaId, "FORUM", `Leaver ${uniq()}`);
    const first = await (await callerFor(db, leaver)).forum.recordVerdict(disagree({ actionId }));
    await db.membership.deleteMany({ where: { userId: leaver, localAreaId: area.localAreaId } });
    const second = await (await callerFor(db, users.OTHER_FORUM!)).forum.recordVerdict(disagree({ actionId }, { verdict: "AGREE", text: "", replaces: first.id }));
    expect(second.supersedes).toBe(first.id);
    // The one who left may not: the forum's voice is its current members'.
    const e = await refusal((await callerFor(db, leaver)).forum.recordVerdict(disagree({ actionId }, { replaces: second.id })));
    expect(e.code).toBe("NOT_FOUND");
  });
});

describe("the database", () => {
  // The application's role is refused by privilege; the triggers that hold against the owner too
  // are in append-only.test.ts.
  it("refuses a direct UPDATE or DELETE of a past verdict", async () => {
    const actionId = await freshAction();
    const author = await callerFor(db, users.AUTHOR!);
    const first = await author.forum.recordVerdict(disagree({ actionId }));
    await author.forum.recordVerdict(disagree({ actionId }, { verdict: "AGREE", text: "", replaces: first.id }));
    await expect(db.$executeRawUnsafe(`UPDATE "ForumVerdict" SET text = 'x' WHERE id = '${first.id}'`)).rejects.toThrow(/permission denied/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "ForumVerdict" WHERE id = '${first.id}'`)).rejects.toThrow(/permission denied/);
    expect((await db.forumVerdict.findUniqueOrThrow({ where: { id: first.id } })).text).toBe("Families were shown a finished draft, not asked to shape it.");
  });
});

describe("two verdicts at once", () => {
  it("replacing the same verdict twice concurrently: one wins, the other is a CONFLICT", async () => {
    const actionId = await freshAction();
    const author = await callerFor(db, users.AUTHOR!);
    const first = await author.forum.recordVerdict(disagree({ actionId }));
    const outcomes = await Promise.allSettled([
      author.forum.recordVerdict(disagree({ actionId }, { text: "Second thoughts, one.", replaces: first.id })),
      author.forum.recordVerdict(disagree({ actionId }, { text: "Second thoughts, two.", replaces: first.id })),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("while you were writing yours") });
    const current = await db.forumVerdict.findMany({ where: { actionId, supersededBy: { is: null } } });
    expect(current).toHaveLength(1);
  });

  it("two first verdicts at once: only one becomes current", async () => {
    const actionId = await freshAction();
    const author = await callerFor(db, users.AUTHOR!);
    const outcomes = await Promise.allSettled([author.forum.recordVerdict(disagree({ actionId })), author.forum.recordVerdict(disagree({ actionId }))]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.forumVerdict.count({ where: { actionId } })).toBe(1);
  });

  it("a verdict given from a stale page is a CONFLICT, not a silent replacement", async () => {
    const actionId = await freshAction();
    const author = await callerFor(db, users.AUTHOR!);
    await author.forum.recordVerdict(disagree({ actionId }));
    const e = await refusal(author.forum.recordVerdict(disagree({ actionId }, { replaces: "" })));
    expect(e.code).toBe("CONFLICT");
  });
});

describe("the forum view", () => {
  it("lists claims awaiting a verdict, and again once the action changes after it", async () => {
    const local = await createAreaWithPlan(db, { action: { coproductionLevel: "CO_DESIGNING" } });
    const forum = await createMember(db, local.localAreaId, "FORUM");
    const lead = await createMember(db, local.localAreaId, "LEAD");
    const api = await callerFor(db, forum);
    expect((await api.forum.view({ slug: local.slug })).awaiting.map((a) => [a.id, a.reason])).toEqual([[local.actionId, "NO_VERDICT"]]);
    const v = await api.forum.recordVerdict(disagree({ actionId: local.actionId }));
    const after = await api.forum.view({ slug: local.slug });
    expect(after.awaiting).toEqual([]);
    expect(after.history.map((h) => h.id)).toEqual([v.id]);
    const leadView = await (await callerFor(db, lead)).forum.disagreements({ slug: local.slug });
    expect(leadView.map((d) => [d.id, d.about.href])).toEqual([[v.id, `/local-areas/${local.slug}/actions/${local.actionId}`]]);
    await db.action.update({ where: { id: local.actionId }, data: { progress: 60, lastUpdateAt: new Date(Date.now() + 1000) } });
    expect((await api.forum.view({ slug: local.slug })).awaiting.map((a) => a.reason)).toEqual(["CHANGED"]);
  });
});
