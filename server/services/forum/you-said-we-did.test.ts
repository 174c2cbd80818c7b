/** "You said, we did": drafted by the forum or the lead, published by the lead, commented on by the forum. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAreaWithPlan } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { publicAreaPage } from "@/server/services/public/public-area";
import { actingAs, callerFor, createMember, fieldErrors, refusal, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let otherArea: Awaited<ReturnType<typeof createAreaWithPlan>>;
const users: Record<string, string> = {};

beforeAll(async () => {
  db = testDb();
  area = await createAreaWithPlan(db, { area: { publicPagePublished: true, publicPagePublishedAt: new Date() } });
  otherArea = await createAreaWithPlan(db);
  for (const role of ["LEAD", "CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"] as const) users[role] = await createMember(db, area.localAreaId, role);
  users.OTHER_FORUM = await createMember(db, area.localAreaId, "FORUM");
  users.OTHER_AREA_LEAD = await createMember(db, otherArea.localAreaId, "LEAD");
});
afterAll(() => db.$disconnect());

const fields = { findingId: "", youSaid: "Surgeries were only in the daytime.", weDid: "Two evening surgeries each term.", date: "2025-03-01" };

describe("drafting", () => {
  it("the forum proposes and the lead drafts; drafts are seen by them, not by a viewer", async () => {
    const forum = await callerFor(db, users.FORUM!);
    const lead = await callerFor(db, users.LEAD!);
    const proposed = await forum.forum.proposeYouSaidWeDid({ slug: area.slug, ...fields });
    const drafted = await lead.forum.draftYouSaidWeDid({ slug: area.slug, ...fields, findingId: area.findingId, youSaid: "Letters were confusing." });
    const asLead = await lead.forum.youSaidWeDid({ slug: area.slug });
    expect(asLead.drafts.map((d) => d.id)).toEqual(expect.arrayContaining([proposed.id, drafted.id]));
    expect(asLead.drafts.find((d) => d.id === proposed.id)?.viewerCan).toEqual({ edit: false, publish: true, comment: false });
    const asViewer = await (await callerFor(db, users.VIEWER!)).forum.youSaidWeDid({ slug: area.slug });
    expect(asViewer.drafts).toEqual([]);
  });

  it("each side through its own procedure only", async () => {
    expect((await refusal((await callerFor(db, users.LEAD!)).forum.proposeYouSaidWeDid({ slug: area.slug, ...fields }))).code).toBe("FORBIDDEN");
    expect((await refusal((await callerFor(db, users.FORUM!)).forum.draftYouSaidWeDid({ slug: area.slug, ...fields }))).code).toBe("FORBIDDEN");
    expect((await refusal((await callerFor(db, users.CONTRIBUTOR!)).forum.proposeYouSaidWeDid({ slug: area.slug, ...fields }))).code).toBe("FORBIDDEN");
    expect((await refusal((await callerFor(db, users.OTHER_AREA_LEAD!)).forum.draftYouSaidWeDid({ slug: area.slug, ...fields }))).code).toBe("NOT_FOUND");
  });

  it("refuses a finding from another area against its field", async () => {
    const e = await refusal((await callerFor(db, users.LEAD!)).forum.draftYouSaidWeDid({ slug: area.slug, ...fields, findingId: otherArea.findingId }));
    expect(fieldErrors(e)).toEqual({ findingId: "Select a finding from this area's plan" });
  });

  it("only the drafter revises a draft, and only until it is published", async () => {
    const forum = await callerFor(db, users.FORUM!);
    const { id } = await forum.forum.proposeYouSaidWeDid({ slug: area.slug, ...fields });
    await forum.forum.reviseProposal({ id, ...fields, weDid: "Evening surgeries from April." });
    expect((await db.youSaidWeDid.findUniqueOrThrow({ where: { id } })).weDid).toBe("Evening surgeries from April.");
    const e = await refusal((await callerFor(db, users.OTHER_FORUM!)).forum.reviseProposal({ id, ...fields }));
    expect([e.code, e.message]).toEqual(["FORBIDDEN", "Only the person who drafted this entry can change it."]);
    expect((await refusal((await callerFor(db, users.LEAD!)).forum.reviseDraft({ id, ...fields }))).code).toBe("FORBIDDEN");
    await (await callerFor(db, users.LEAD!)).forum.publishYouSaidWeDid({ id });
    expect((await refusal(forum.forum.reviseProposal({ id, ...fields }))).code).toBe("CONFLICT");
  });
});

describe("publishing and the forum's comment", () => {
  it("the lead publishes; the forum comments; the public page shows both, no member named", async () => {
    const { id } = await (await callerFor(db, users.FORUM!)).forum.proposeYouSaidWeDid({ slug: area.slug, ...fields, youSaid: "Public: surgeries" });
    expect((await refusal((await callerFor(db, users.FORUM!)).forum.commentOnYouSaidWeDid({ id, comment: "Too early" }))).code).toBe("BAD_REQUEST");
    const { api, requestId } = await actingAs(db, users.LEAD!);
    await api.forum.publishYouSaidWeDid({ id });
    expect((await db.auditEvent.findFirstOrThrow({ where: { requestId } })).action).toBe("youSaidWeDid.publish");
    expect((await refusal(api.forum.publishYouSaidWeDid({ id }))).code).toBe("CONFLICT");
    const row = await db.youSaidWeDid.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ published: true, publishedById: users.LEAD });

    expect((await refusal(api.forum.commentOnYouSaidWeDid({ id, comment: "We are pleased" }))).code).toBe("FORBIDDEN");
    await (await callerFor(db, users.FORUM!)).forum.commentOnYouSaidWeDid({ id, comment: "Families say the evening sessions helped." });
    const page = await publicAreaPage(db, area.slug);
    const entry = page.youSaidWeDid.areaWide.find((y) => y.youSaid === "Public: surgeries");
    expect(entry).toMatchObject({ forumComment: "Families say the evening sessions helped." });
    expect(JSON.stringify(entry)).not.toContain(users.FORUM!);
  });

  it("publishing is the lead's alone", async () => {
    const { id } = await (await callerFor(db, users.LEAD!)).forum.draftYouSaidWeDid({ slug: area.slug, ...fields });
    for (const who of ["FORUM", "CONTRIBUTOR", "ADVISER", "VIEWER"]) {
      expect((await refusal((await callerFor(db, users[who]!)).forum.publishYouSaidWeDid({ id }))).code).toBe("FORBIDDEN");
    }
    expect((await refusal((await callerFor(db, users.OTHER_AREA_LEAD!)).forum.publishYouSaidWeDid({ id }))).code).toBe("NOT_FOUND");
  });
});
