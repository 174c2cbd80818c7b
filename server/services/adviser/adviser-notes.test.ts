/** Advisers' monitoring notes: who writes them, who reads them, and that the history is kept. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAreaWithPlan, createUser, day } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { fromDay } from "@/lib/calendar";
import { actingAs, callerFor, createMember, fieldErrors, refusal, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let other: Awaited<ReturnType<typeof createAreaWithPlan>>;
const people = {} as Record<"LEAD" | "CONTRIBUTOR" | "FORUM" | "ADVISER" | "VIEWER" | "NATIONAL", string>;

beforeAll(async () => {
  db = testDb();
  area = await createAreaWithPlan(db);
  other = await createAreaWithPlan(db);
  for (const role of ["LEAD", "CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"] as const) people[role] = await createMember(db, area.localAreaId, role, `${role} person`);
  people.NATIONAL = (await createUser(db, { globalRole: "NATIONAL" })).id;
});
afterAll(() => db.$disconnect());

describe("adviser notes", () => {
  it("an adviser records notes on the area and a finding; the history is kept newest first, audited", async () => {
    const { api, requestId } = await actingAs(db, people.ADVISER);
    const slug = area.slug;
    await api.adviser.recordNote({ slug, findingId: "", note: "Stocktake: governance stronger.", view: "AT_RISK", date: fromDay(day(-20)) });
    await api.adviser.recordNote({ slug, findingId: area.findingId, note: "Timeliness rising from a low base.", view: "", date: fromDay(day(-5)) });
    await api.adviser.recordNote({ slug, findingId: area.findingId, note: "Likely sufficient if sustained.", view: "LIKELY_SUFFICIENT", date: fromDay(day(-1)) });
    expect(await db.auditEvent.count({ where: { requestId, action: "adviserNote.create" } })).toBe(3);

    const { notes, viewerCan } = await api.adviser.notes({ slug });
    expect(viewerCan.write).toBe(true);
    expect(notes.map((n) => [n.note, n.view, n.finding?.id ?? null, n.authorName])).toEqual([
      ["Likely sufficient if sustained.", "LIKELY_SUFFICIENT", area.findingId, "ADVISER person"],
      ["Timeliness rising from a low base.", null, area.findingId, "ADVISER person"],
      ["Stocktake: governance stronger.", "AT_RISK", null, "ADVISER person"],
    ]);
    // The finding page shows the finding's own notes to those who may read them.
    const finding = await (await callerFor(db, people.LEAD)).finding.byId({ id: area.findingId });
    expect(finding.adviserNotes?.map((n) => n.note)).toEqual(["Likely sufficient if sustained.", "Timeliness rising from a low base."]);
  });

  it("are read by the LEAD, VIEWERs and NATIONAL; the forum and action owners are FORBIDDEN; another area NOT_FOUND", async () => {
    for (const who of ["LEAD", "VIEWER", "NATIONAL", "ADVISER"] as const) {
      await expect((await callerFor(db, people[who])).adviser.notes({ slug: area.slug }), who).resolves.toMatchObject({ viewerCan: { write: who === "ADVISER" } });
    }
    for (const who of ["FORUM", "CONTRIBUTOR"] as const) {
      expect((await refusal((await callerFor(db, people[who])).adviser.notes({ slug: area.slug }))).code, who).toBe("FORBIDDEN");
    }
    const stranger = await callerFor(db, await createMember(db, other.localAreaId, "ADVISER"));
    expect((await refusal(stranger.adviser.notes({ slug: area.slug }))).code).toBe("NOT_FOUND");
  });

  it("only an adviser of the area writes them, on a finding of that area, dated today or earlier", async () => {
    const note = { slug: area.slug, findingId: "", note: "A note.", view: "UNLIKELY" as const, date: fromDay(day(0)) };
    for (const who of ["LEAD", "VIEWER", "NATIONAL", "FORUM"] as const) {
      expect((await refusal((await callerFor(db, people[who])).adviser.recordNote(note))).code, who).toBe("FORBIDDEN");
    }
    const adviser = await callerFor(db, people.ADVISER);
    expect(fieldErrors(await refusal(adviser.adviser.recordNote({ ...note, findingId: other.findingId }))).findingId).toMatch(/Choose one of/);
    expect(fieldErrors(await refusal(adviser.adviser.recordNote({ ...note, date: fromDay(day(3)) }))).date).toBe("The date of the note must be today or earlier");
    expect(fieldErrors(await refusal(adviser.adviser.recordNote({ ...note, note: "  " }))).note).toBe("Enter the note");
  });
});
