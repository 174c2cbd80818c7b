/**
 * History from the audit trail, through the real routers on PostgreSQL: a record's history in the
 * editors' words, what each reader may not read left out, and the area's activity page and CSV
 * for its LEAD and ADVISER only.
 */
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createAreaWithPlan, createUser, day, uniq } from "@/prisma/factories";
import { viewerOf } from "@/server/api/trpc";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { fromDay } from "@/lib/calendar";
import { formatDate } from "@/lib/format/dates";
import { activityCsvRoute } from "@/server/services/history/http";
import { ACTIVITY_CSV_COLUMNS, ukMidnight } from "@/server/services/history/history";
import { callerFor, contextFor, createMember, mailTo, refusal, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let other: Awaited<ReturnType<typeof createAreaWithPlan>>;
const people = {} as Record<"LEAD" | "CONTRIBUTOR" | "FORUM" | "ADVISER" | "VIEWER" | "NATIONAL" | "OTHER_LEAD", string>;

beforeAll(async () => {
  db = testDb();
  // createAreaWithPlan's plan is ACTIVE with an accepted date: due dates change by change request.
  area = await createAreaWithPlan(db);
  other = await createAreaWithPlan(db);
  for (const role of ["LEAD", "CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"] as const) people[role] = await createMember(db, area.localAreaId, role, `${role} person`);
  people.NATIONAL = (await createUser(db, { globalRole: "NATIONAL" })).id;
  people.OTHER_LEAD = await createMember(db, other.localAreaId, "LEAD", "Other lead");
});
afterAll(() => db.$disconnect());

const as = (who: keyof typeof people) => callerFor(db, people[who]);

/** A fresh action of area A, owned by the contributor, with a start and a due date. */
const freshAction = () =>
  createAction(db, { findingId: area.findingId, localAreaId: area.localAreaId, ownerId: people.CONTRIBUTOR, startDate: day(-30), dueDate: day(60) });

/** The lead's action form, as the editor would send it back with `changes`. */
async function editAction(actionId: string, changes: Record<string, unknown>) {
  const lead = await as("LEAD");
  const { values } = await lead.action.forEdit({ id: actionId });
  return lead.action.update({ ...values, ...changes });
}

describe("an action's history", () => {
  it("shows an edit and an approved change request, newest first, each field before and after in the editors' words", async () => {
    const action = await freshAction();
    await editAction(action.id, { startDate: fromDay(day(-10)) });
    const lead = await as("LEAD");
    const request = await lead.changeRequest.request({ field: "action.dueDate", entityId: action.id, newValue: fromDay(day(120)), reason: "The supplier needs longer." });
    await (await as("ADVISER")).changeRequest.decide({ id: request.id, decision: "APPROVE", note: "Agreed." });

    const history = await (await as("VIEWER")).history.ofRecord({ kind: "Action", id: action.id });
    expect(history.record).toMatchObject({ kind: "Action", id: action.id });
    expect(history.events.map((e) => e.what)).toEqual(["Approved a change", "Applied an approved change", "Requested a change", "Changed the action"]);
    const [approved, applied, requested, edited] = history.events;
    expect(applied).toMatchObject({ who: "ADVISER person", changes: [{ field: "Due date", before: formatDate(day(60)), after: formatDate(day(120)) }] });
    expect(requested).toMatchObject({ who: "LEAD person", record: { kind: "Change request" } });
    expect(requested!.changes).toEqual(
      expect.arrayContaining([
        { field: "Due date", before: formatDate(day(60)), after: formatDate(day(120)) },
        { field: "Reason", before: null, after: "The supplier needs longer." },
      ]),
    );
    expect(approved!.changes).toEqual(expect.arrayContaining([{ field: "Status", before: "Awaiting the adviser's decision", after: "Approved" }]));
    // The edit: only the field that changed, in the form's words, none of the record's ids.
    expect(edited).toMatchObject({ who: "LEAD person", changes: [{ field: "Start date", before: formatDate(day(-30)), after: formatDate(day(-10)) }] });
    expect(history.hasMore).toBe(false);
  });

  it("names owners and organisations rather than their ids, and pages with show more", async () => {
    const action = await freshAction();
    await editAction(action.id, { ownerId: people.LEAD });
    for (let i = 1; i <= 3; i++) await (await as("LEAD")).action.postUpdate({ actionId: action.id, narrative: `Week ${i}`, progress: 10 * i, status: "IN_PROGRESS", ragOverride: "", ragOverrideReason: "" });
    const viewer = await as("VIEWER");
    const all = await viewer.history.ofRecord({ kind: "Action", id: action.id });
    const owner = all.events.find((e) => e.what === "Changed the action")!;
    expect(owner.changes).toEqual([{ field: "Owner", before: "CONTRIBUTOR person", after: "LEAD person" }]);
    expect(all.events[0]!.changes).toEqual(expect.arrayContaining([{ field: "Progress", before: "20%", after: "30%" }, { field: "Update", before: null, after: "Week 3" }]));

    const firstTwo = await viewer.history.ofRecord({ kind: "Action", id: action.id, limit: 2 });
    expect(firstTwo.events.map((e) => e.id)).toEqual(all.events.slice(0, 2).map((e) => e.id));
    expect(firstTwo.hasMore).toBe(true);
  });

  it("leaves out for the forum what it may not read: internal evidence and comments, who was asked for an update and their address", async () => {
    const action = await freshAction();
    const lead = await as("LEAD");
    const internalTitle = `Internal escalation ${uniq()}`;
    const sharedTitle = `Shared survey ${uniq()}`;
    const internalComment = `Between us ${uniq()}`;
    const sharedComment = `For the forum ${uniq()}`;
    await lead.evidence.addLink({ actionId: action.id, title: internalTitle, description: "", kind: "ACTIVITY", visibility: "INTERNAL", url: "https://example.org/internal" });
    await lead.evidence.addLink({ actionId: action.id, title: sharedTitle, description: "", kind: "IMPACT", visibility: "PARTNERS", url: "https://example.org/shared" });
    await lead.comment.add({ actionId: action.id, body: internalComment, visibility: "INTERNAL" });
    await lead.comment.add({ actionId: action.id, body: sharedComment, visibility: "WITH_FORUM" });
    const email = `senco-${uniq()}@school.example`;
    await lead.updateRequest.send({ actionId: action.id, email, message: "Your news, please" });
    const token = /\/update\/([A-Za-z0-9_-]+)/.exec(mailTo(email).at(-1)!.text)![1]!;
    await (await callerFor(db, null)).updateRequest.post({ token, narrative: "Training done", progress: 40, status: "IN_PROGRESS" });

    const forum = JSON.stringify(await (await as("FORUM")).history.ofRecord({ kind: "Action", id: action.id }));
    for (const secret of [internalTitle, internalComment, email, "Asked someone for an update"]) expect(forum).not.toContain(secret);
    for (const shared of [sharedTitle, sharedComment, "Training done", "A partner, by update link"]) expect(forum).toContain(shared);

    // The lead reads internal material: everything is there, the address included.
    const leads = JSON.stringify(await lead.history.ofRecord({ kind: "Action", id: action.id }));
    for (const all of [internalTitle, internalComment, sharedTitle, sharedComment, "Asked someone for an update", `${email}, by update link`]) expect(leads).toContain(all);
  });

  it("is not found for another area's reader, and never holds another area's events", async () => {
    const e = await refusal((await as("OTHER_LEAD")).history.ofRecord({ kind: "Action", id: area.actionId }));
    expect(e.code).toBe("NOT_FOUND");
  });
});

describe("the area's activity", () => {
  it("filtered by person, holds only that person's events; the choices name everyone who changed something", async () => {
    const action = await freshAction();
    await editAction(action.id, { startDate: fromDay(day(-5)) });
    await (await as("CONTRIBUTOR")).action.postUpdate({ actionId: action.id, narrative: "Contributor's news", progress: 30, status: "IN_PROGRESS", ragOverride: "", ragOverrideReason: "" });

    const lead = await as("LEAD");
    const mine = await lead.history.activity({ slug: area.slug, person: people.CONTRIBUTOR, kind: "", from: "", to: "", limit: 500 });
    expect(mine.events.length).toBeGreaterThan(0);
    expect(mine.events.every((e) => e.actorId === people.CONTRIBUTOR)).toBe(true);
    expect(mine.events.map((e) => e.what)).toContain("Posted an update");
    expect(mine.choices.people.map((p) => p.name)).toEqual(expect.arrayContaining(["LEAD person", "CONTRIBUTOR person"]));

    // Roles given in the area: on the lead's activity, not the adviser's (the lead's page of people is theirs alone).
    await (await callerFor(db, (await createUser(db, { globalRole: "ADMIN" })).id)).admin.grantMembership({ userId: (await createUser(db)).id, localAreaId: area.localAreaId, role: "VIEWER" });
    const kinds = async (who: "LEAD" | "ADVISER") => (await (await as(who)).history.activity({ slug: area.slug, person: "", kind: "", from: "", to: "" })).choices.kinds.map((k) => k.value);
    expect(await kinds("LEAD")).toContain("Membership");
    expect(await kinds("ADVISER")).not.toContain("Membership");

    const byKind = await (await as("ADVISER")).history.activity({ slug: area.slug, person: "", kind: "Action", from: fromDay(day(-1)), to: fromDay(day(1)) });
    expect(byKind.events.length).toBeGreaterThan(0);
    expect(byKind.events.every((e) => e.record.kind === "Action")).toBe(true);
    // Days before yesterday hold nothing made now.
    const before = await lead.history.activity({ slug: area.slug, person: "", kind: "", from: fromDay(day(-4)), to: fromDay(day(-2)) });
    expect(before.events).toEqual([]);
  });

  it("counts the dates of its filters as UK days, as the page shows each change's time", () => {
    expect(ukMidnight(new Date("2026-07-01T00:00:00Z")).toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect(ukMidnight(new Date("2026-12-01T00:00:00Z")).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    // The days the clocks change: midnight comes before the change.
    expect(ukMidnight(new Date("2026-03-29T00:00:00Z")).toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(ukMidnight(new Date("2026-10-25T00:00:00Z")).toISOString()).toBe("2026-10-24T23:00:00.000Z");
  });

  it("is refused to the area's VIEWER, FORUM, CONTRIBUTOR and NATIONAL (FORBIDDEN), and to another area's lead (NOT_FOUND)", async () => {
    const input = { slug: area.slug, person: "", kind: "", from: "", to: "" };
    for (const who of ["VIEWER", "FORUM", "CONTRIBUTOR", "NATIONAL"] as const) {
      expect((await refusal((await as(who)).history.activity(input))).code, who).toBe("FORBIDDEN");
    }
    expect((await refusal((await as("OTHER_LEAD")).history.activity(input))).code).toBe("NOT_FOUND");
  });

  it("downloads as CSV with the same filters: a header, then one row per field changed", async () => {
    const action = await freshAction();
    const reason = `Week ${uniq()}`;
    await (await as("CONTRIBUTOR")).action.postUpdate({ actionId: action.id, narrative: reason, progress: 45, status: "IN_PROGRESS", ragOverride: "", ragOverrideReason: "" });
    const download = async (who: keyof typeof people, query: string) => {
      const ctx = await contextFor(db, people[who]);
      const request = new Request(`http://headway.test/api/local-areas/${area.slug}/activity?${query}`);
      return activityCsvRoute(request, { db, requestId: ctx.requestId, viewer: viewerOf(ctx.session) }, { slug: area.slug });
    };

    const response = await download("ADVISER", `person=${people.CONTRIBUTOR}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${area.slug}-activity-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const rows = parse(await response.text(), { bom: true }) as string[][];
    expect(rows[0]).toEqual([...ACTIVITY_CSV_COLUMNS]);
    expect(rows.length).toBeGreaterThan(1);
    // Only the contributor's rows, and the update's fields among them.
    expect(rows.slice(1).every((r) => r[1] === "CONTRIBUTOR person")).toBe(true);
    expect(rows).toContainEqual([expect.any(String), "CONTRIBUTOR person", "Posted an update", "Action", expect.stringContaining(action.ref), "Update", "", reason]);

    expect((await download("VIEWER", "")).status).toBe(403);
    expect((await download("FORUM", "")).status).toBe(403);
    expect((await download("OTHER_LEAD", "")).status).toBe(404);
    expect((await download("LEAD", "from=2026-02-30")).status).toBe(400);
  });
});
