/**
 * The public pages against a real database: only published areas answer; only public, accepted
 * evidence, the forum's current public verdicts and published "you said, we did" are shown, each
 * in one place; stale items are flagged by the plan's own rules; a finding's page answers only for
 * a ref of the current plan; and nothing internal or personal reaches either page.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAction,
  createActionUpdate,
  createAreaWithPlan,
  createEvidence,
  createFinding,
  createMeasure,
  createMeasureValue,
  day,
  uniq,
} from "@/prisma/factories";
import { AppError } from "@/server/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { publicAreaPage, publicFindingPage, publishedAreas, serviceStatus } from "@/server/services/public/public-area";
import { actingAs, callerFor, createMember, fieldErrors, refusal, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let unpublished: Awaited<ReturnType<typeof createAreaWithPlan>>;
const people: { name: string; email: string }[] = [];
/** Text that must never reach the public page. */
const secret = { evidence: [] as string[], comments: [] as string[] };
const ids = {} as Record<"staleAction" | "freshMeasure" | "staleMeasure" | "otherFinding", string>;

async function person(role: "LEAD" | "CONTRIBUTOR" | "FORUM") {
  const u = uniq();
  const name = `Private Person ${u}`;
  const userId = await createMember(db, area.localAreaId, role, name);
  const { email } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  people.push({ name, email: email! });
  return userId;
}

async function verdict(o: { authorId: string; findingId?: string; actionId?: string; isPublic: boolean; text: string; supersedesId?: string; daysAgo: number }) {
  const { daysAgo, ...rest } = o;
  return db.forumVerdict.create({
    data: { localAreaId: area.localAreaId, verdict: "AGREE_WITH_COMMENTS", levelRecognised: "CONSULTING", createdAt: day(-daysAgo), ...rest },
  });
}

beforeAll(async () => {
  db = testDb();
  area = await createAreaWithPlan(db, { area: { publicPagePublished: true, publicPagePublishedAt: day(-20) } });
  unpublished = await createAreaWithPlan(db);
  const lead = await person("LEAD");
  const owner = await person("CONTRIBUTOR");
  const forum = await person("FORUM");

  // The area's action, owned by a person, with a recent update: current.
  await db.action.update({ where: { id: area.actionId }, data: { ownerId: owner } });
  await createActionUpdate(db, { actionId: area.actionId, createdAt: day(-5), narrative: `Private narrative ${uniq()}` });
  // An action last updated 50 days ago under a 30-day cadence: stale.
  ids.staleAction = (await createAction(db, { findingId: area.findingId, ownerId: owner, leadOrganisationId: area.councilId, title: "Stale action" })).id;
  await createActionUpdate(db, { actionId: ids.staleAction, createdAt: day(-50) });

  // Measures of the finding: one with a recent value, one whose only value is long past.
  ids.freshMeasure = (await createMeasure(db, { planId: area.planId, findingIds: [area.findingId], ownerId: owner, name: "Fresh measure" })).id;
  await createMeasureValue(db, { measureId: ids.freshMeasure, periodEnd: day(-10), value: 40, note: `Private value note ${uniq()}` });
  ids.staleMeasure = (await createMeasure(db, { planId: area.planId, findingIds: [area.findingId], name: "Stale measure" })).id;
  await createMeasureValue(db, { measureId: ids.staleMeasure, periodEnd: day(-200), value: 20, createdAt: day(-190) });

  // Evidence of every visibility and review state; files are not linked to.
  const accepted = { reviewStatus: "ACCEPTED" as const, reviewedById: lead, uploadedById: owner, reviewNote: `Private review note ${uniq()}` };
  await createEvidence(db, { actionId: area.actionId, title: "Public accepted link", visibility: "PUBLIC", url: "https://example.org/public", ...accepted });
  await createEvidence(db, { measureId: ids.freshMeasure, title: "Public accepted file", visibility: "PUBLIC", url: null, storageKey: "k", fileName: "a.pdf", ...accepted });
  await createEvidence(db, { findingId: area.findingId, title: "Public pending", visibility: "PUBLIC", reviewStatus: "PENDING" });
  await createEvidence(db, { findingId: area.findingId, title: "Public rejected", visibility: "PUBLIC", reviewStatus: "REJECTED" });
  for (const visibility of ["INTERNAL", "PARTNERS"] as const) {
    const title = `Secret ${visibility} evidence ${uniq()}`;
    secret.evidence.push(title);
    await createEvidence(db, { findingId: area.findingId, title, visibility, ...accepted });
  }

  // Forum verdicts: current public, current private, public replaced by public, public replaced by private.
  await verdict({ authorId: forum, findingId: area.findingId, isPublic: true, text: "Shown: current and public", daysAgo: 3 });
  await verdict({ authorId: forum, actionId: area.actionId, isPublic: false, text: "Hidden: private", daysAgo: 2 });
  const old = await verdict({ authorId: forum, actionId: area.actionId, isPublic: true, text: "Hidden: replaced", daysAgo: 40 });
  await verdict({ authorId: forum, actionId: area.actionId, isPublic: true, text: "Shown: the replacement", supersedesId: old.id, daysAgo: 4 });
  const once = await verdict({ authorId: forum, findingId: area.findingId, isPublic: true, text: "Hidden: withdrawn from public", daysAgo: 30 });
  await verdict({ authorId: forum, findingId: area.findingId, isPublic: false, text: "Hidden: the private replacement", supersedesId: once.id, daysAgo: 1 });

  // You said, we did: on the finding, about the whole area, and a draft.
  const ysWd = { localAreaId: area.localAreaId, draftedById: forum, date: day(-6) };
  await db.youSaidWeDid.createMany({
    data: [
      { ...ysWd, findingId: area.findingId, youSaid: "Shown: on the finding", weDid: "We did it", published: true, publishedAt: day(-6) },
      { ...ysWd, youSaid: "Shown: area-wide", weDid: "We did that", published: true, publishedAt: day(-6) },
      { ...ysWd, youSaid: "Hidden: draft", weDid: "Not yet", published: false },
    ],
  });

  // Comments of both visibilities, on every kind of record.
  for (const [target, visibility] of [
    [{ actionId: area.actionId }, "INTERNAL"],
    [{ findingId: area.findingId }, "WITH_FORUM"],
    [{ measureId: ids.freshMeasure }, "WITH_FORUM"],
  ] as const) {
    const body = `Secret comment ${uniq()}`;
    secret.comments.push(body);
    await db.comment.create({ data: { localAreaId: area.localAreaId, authorId: lead, body, visibility, ...target } });
  }

  // Another area's published material never appears here.
  ids.otherFinding = (await createFinding(db, { planId: unpublished.planId, summary: `Other area's finding ${uniq()}` })).id;
});
afterAll(() => db.$disconnect());

const page = () => publicAreaPage(db, area.slug);
/** The area's finding 1 on its own page. */
const findingPage = () => publicFindingPage(db, area.slug, "1");

describe("publicAreaPage", () => {
  it("is not found for an unpublished area or an unknown slug, for anyone", async () => {
    for (const slug of [unpublished.slug, `no-such-area-${uniq()}`]) {
      const error = await publicAreaPage(db, slug).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("NOT_FOUND");
      const lead = await createMember(db, unpublished.localAreaId, "LEAD");
      for (const userId of [null, lead]) {
        const refused = await refusal((await callerFor(db, userId)).publicArea.bySlug({ slug }));
        expect(refused).toBeInstanceOf(TRPCError);
        expect(refused.code).toBe("NOT_FOUND");
      }
    }
  });

  it("answers an anonymous visitor for a published area and each finding of its current plan", async () => {
    const anonymous = await callerFor(db, null);
    const result = await anonymous.publicArea.bySlug({ slug: area.slug });
    expect(result.area.slug).toBe(area.slug);
    expect(result.findings.map((f) => f.ref)).toEqual(["1"]);
    const finding = await anonymous.publicArea.finding({ slug: area.slug, ref: "1" });
    expect(finding.finding.ref).toBe("1");
    expect(finding.position).toEqual({ number: 1, of: 1, previous: null, next: null });
  });

  it("is not found for a finding ref the current plan does not have, or of an unpublished area, for anyone", async () => {
    const lead = await createMember(db, area.localAreaId, "LEAD");
    const otherFinding = await db.finding.findUniqueOrThrow({ where: { id: ids.otherFinding }, select: { ref: true } });
    for (const [slug, ref] of [
      [area.slug, "99"],
      [area.slug, "1.1"], // an action's ref, not a finding's
      [unpublished.slug, "1"],
      [unpublished.slug, otherFinding.ref],
    ] as const) {
      const error = await publicFindingPage(db, slug, ref).catch((e: unknown) => e);
      expect((error as AppError).code, `${slug} ${ref}`).toBe("NOT_FOUND");
      for (const userId of [null, lead]) {
        expect((await refusal((await callerFor(db, userId)).publicArea.finding({ slug, ref }))).code).toBe("NOT_FOUND");
      }
    }
    // A ref that is no ref at all is refused before any query, as not found on the page.
    expect((await refusal((await callerFor(db, null)).publicArea.finding({ slug: area.slug, ref: "../1" }))).code).toBe("BAD_REQUEST");
  });

  it("shows only PUBLIC evidence the lead accepted, with web links only", async () => {
    const { finding } = await findingPage();
    expect(finding.evidence.map((e) => [e.title, e.url])).toEqual([
      ["Public accepted link", "https://example.org/public"],
      ["Public accepted file", null],
    ]);
  });

  it("shows only the forum's current public verdicts, without their author, and counts them on the summary", async () => {
    const { finding } = await findingPage();
    expect(finding.verdicts.map((v) => v.text).sort()).toEqual(["Shown: current and public", "Shown: the replacement"]);
    expect((await page()).plan!.forum).toEqual({ views: 2, agree: 0, agreeWithComments: 2, disagree: 0 });
    const onAction = finding.verdicts.find((v) => v.action)!;
    expect(onAction.action!.ref).toBe("1.1");
    expect(Object.keys(onAction).sort()).toEqual(["action", "date", "lastUpdated", "levelRecognised", "stale", "text", "verdict"]);
  });

  it("shows each published you said, we did once: about the area on the summary, about a finding on its page", async () => {
    const result = await page();
    expect(result.youSaidWeDid.areaWide.map((y) => y.youSaid)).toEqual(["Shown: area-wide"]);
    // The summary points at the finding's page, with how many, rather than showing the entry again.
    expect(result.youSaidWeDid.onFindings).toEqual([expect.objectContaining({ ref: "1", entries: 1 })]);
    expect(result.youSaidWeDid.none).toBe(false);
    expect(result.findings[0]!.youSaidWeDid).toBe(1);
    expect(JSON.stringify(result)).not.toContain("Shown: on the finding");
    expect((await findingPage()).finding.youSaidWeDid.map((y) => y.youSaid)).toEqual(["Shown: on the finding"]);
    expect(JSON.stringify(await findingPage())).not.toContain("Shown: area-wide");
  });

  it("says nothing is published only when no entry is, on the finding or for the area", async () => {
    const fresh = await createAreaWithPlan(db, { area: { publicPagePublished: true, publicPagePublishedAt: day(-2) } });
    const entry = { localAreaId: fresh.localAreaId, youSaid: "Evening sessions", weDid: "We ran them", date: day(-1) };
    expect((await publicAreaPage(db, fresh.slug)).youSaidWeDid).toEqual({ areaWide: [], onFindings: [], none: true });
    await db.youSaidWeDid.create({ data: { ...entry, findingId: fresh.findingId, published: false } });
    expect((await publicAreaPage(db, fresh.slug)).youSaidWeDid.none).toBe(true);
    await db.youSaidWeDid.create({ data: { ...entry, findingId: fresh.findingId, published: true, publishedAt: day(-1) } });
    const onlyOnFinding = (await publicAreaPage(db, fresh.slug)).youSaidWeDid;
    expect(onlyOnFinding.none).toBe(false);
    expect(onlyOnFinding.areaWide).toEqual([]);
    expect(onlyOnFinding.onFindings.map((f) => [f.ref, f.entries])).toEqual([["1", 1]]);
  });

  it("names the lead organisation, never the owner, and flags stale actions and measures", async () => {
    const { finding } = await findingPage();
    const council = await db.organisation.findUniqueOrThrow({ where: { id: area.councilId }, select: { name: true } });
    const current = finding.actions.find((a) => a.ref === "1.1")!;
    const stale = finding.actions.find((a) => a.title === "Stale action")!;
    expect(current).toMatchObject({ organisation: council.name, status: "IN_PROGRESS", stale: false, lastUpdated: day(-5) });
    expect(stale).toMatchObject({ stale: true, lastUpdated: day(-50) });
    expect(Object.keys(current).sort()).toEqual(["dueDate", "lastUpdated", "organisation", "ref", "stale", "status", "title"]);

    const fresh = finding.measures.find((m) => m.chart.name === "Fresh measure")!;
    const old = finding.measures.find((m) => m.chart.name === "Stale measure")!;
    expect(fresh.stale).toBe(false);
    expect(fresh.chart.values).toEqual([{ date: day(-10).toISOString().slice(0, 10), value: 40, status: "PROVISIONAL" }]);
    expect(fresh.chart.trajectory.map((p) => p.kind)).toEqual(["BASELINE", "TARGET"]);
    expect(old).toMatchObject({ stale: true, status: "NO_DATA", lastUpdated: day(-190) });
  });

  it("gives every item a last-updated date, the finding the latest of its items, and the summary the latest of all", async () => {
    const result = await page();
    const { finding } = await findingPage();
    const items = [...finding.actions, ...finding.measures, ...finding.evidence, ...finding.verdicts, ...finding.youSaidWeDid];
    expect(items.length).toBeGreaterThan(8);
    for (const item of [...items, ...result.youSaidWeDid.areaWide]) {
      expect(item.lastUpdated).toBeInstanceOf(Date);
      expect(typeof item.stale).toBe("boolean");
    }
    expect(finding.lastUpdated.getTime()).toBe(Math.max(...items.map((i) => i.lastUpdated.getTime())));
    // The card on the summary says what the finding's own page says.
    expect(result.findings[0]!.lastUpdated.getTime()).toBe(finding.lastUpdated.getTime());
    const newest = Math.max(...[...items, ...result.youSaidWeDid.areaWide].map((i) => i.lastUpdated.getTime()));
    expect(result.lastUpdated!.getTime()).toBe(newest);
  });

  it("sums each finding up on its card by the area home's rules, and the plan on the summary", async () => {
    const result = await page();
    const { finding } = await findingPage();
    const [card] = result.findings;
    // The same delivery and impact as the area home shows the area's own people.
    const home = await (await callerFor(db, await createMember(db, area.localAreaId, "VIEWER"))).area.home({ slug: area.slug });
    expect(card!.delivery).toBe(home.plan!.findings[0]!.delivery.status);
    expect(card!.impact).toBe(home.plan!.findings[0]!.impact.status);
    // The card says what the finding's own page says.
    expect(card).toMatchObject({ delivery: finding.delivery, impact: finding.impact, isItWorking: finding.isItWorking, lastUpdated: finding.lastUpdated });
    expect(card!.isItWorking).toMatch(/^\d of 2 measures on track/);
    expect(card!.notUpdated).toEqual({ actions: 1, measures: 1 }); // the stale action and the stale measure
    expect(Object.keys(card!).sort()).toEqual(
      ["delivery", "impact", "inspectorsWording", "isItWorking", "judgement", "kind", "lastUpdated", "notUpdated", "ref", "summary", "youSaidWeDid"].sort(),
    );
    expect(result.plan!.progress.actions).toMatchObject({ total: 2, notUpdated: 1 });
    expect(result.plan!.progress.measures).toBe(2);
    // The summary carries no detail: that is the finding page's.
    expect(JSON.stringify(result)).not.toContain("Public accepted link");
    expect(JSON.stringify(result)).not.toContain("Stale action");
  });

  it("lets no INTERNAL or PARTNERS evidence, comment, private note or person's name or email through", async () => {
    const json = JSON.stringify([await page(), await findingPage()]);
    expect(json).toContain("Public accepted link"); // the page is not empty
    expect(secret.evidence).toHaveLength(2);
    expect(secret.comments).toHaveLength(3);
    expect(people.length).toBeGreaterThanOrEqual(3);
    const forbidden = [
      ...secret.evidence,
      ...secret.comments,
      ...people.flatMap((p) => [p.name, p.email]),
      "Private narrative",
      "Private value note",
      "Private review note",
      "Hidden:",
      "a.pdf",
    ];
    for (const text of forbidden) expect(json, `"${text}" reached the public page`).not.toContain(text);
    expect(json).not.toContain(ids.otherFinding);
  });
});

describe("publishedAreas", () => {
  it("lists published areas with their plan type and the page's own last-updated date", async () => {
    const list = await (await callerFor(db, null)).publicArea.list();
    expect(list).toEqual(await publishedAreas(db));
    const mine = list.find((a) => a.slug === area.slug);
    expect(mine).toMatchObject({ planType: "WSOA", region: "NORTH_WEST" });
    expect(mine!.lastUpdated).toEqual((await page()).lastUpdated);
    expect(list.some((a) => a.slug === unpublished.slug)).toBe(false);
    expect(Object.keys(mine!).sort()).toEqual(["lastUpdated", "name", "planType", "region", "slug"]);
  });
});

describe("area.setPublicPage", () => {
  it("lets the plan lead publish and take down the page, audited, and refuses every other role", async () => {
    const fresh = await createAreaWithPlan(db);
    const lead = await createMember(db, fresh.localAreaId, "LEAD");
    const anonymous = await callerFor(db, null);
    expect((await refusal(anonymous.publicArea.bySlug({ slug: fresh.slug }))).code).toBe("NOT_FOUND");

    const { api, requestId } = await actingAs(db, lead);
    const published = await api.area.setPublicPage({ slug: fresh.slug, published: true });
    expect(published.publicPagePublished).toBe(true);
    expect((await anonymous.publicArea.bySlug({ slug: fresh.slug })).area.slug).toBe(fresh.slug);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { requestId } });
    expect(audit).toMatchObject({ action: "area.publishPublicPage", entityId: fresh.localAreaId, actorId: lead });

    for (const role of ["CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"] as const) {
      const other = await callerFor(db, await createMember(db, fresh.localAreaId, role));
      expect((await refusal(other.area.setPublicPage({ slug: fresh.slug, published: false }))).code, role).toBe("FORBIDDEN");
    }

    await api.area.setPublicPage({ slug: fresh.slug, published: false });
    expect((await refusal(anonymous.publicArea.bySlug({ slug: fresh.slug }))).code).toBe("NOT_FOUND");
    // Taking it down keeps the date it was first published, for the record.
    const row = await db.localArea.findUniqueOrThrow({ where: { id: fresh.localAreaId } });
    expect(row.publicPagePublishedAt?.getTime()).toBe(published.publicPagePublishedAt?.getTime());
  });
});

describe("the public page after the revisit", () => {
  it("says in plain words what the inspectors found when they came back, with their letter, and each finding's judgement", async () => {
    const judged = await createAreaWithPlan(db, { area: { publicPagePublished: true, publicPagePublishedAt: day(-20) } });
    const second = await createFinding(db, { planId: judged.planId, ref: "2" });
    const revisit = await db.inspection.create({
      data: { localAreaId: judged.localAreaId, framework: "FRAMEWORK_2016", kind: "REVISIT", startDate: new Date("2026-02-03"), endDate: new Date("2026-02-05"), reportUrl: "https://reports.example/revisit" },
    });
    const page = async () => publicAreaPage(db, (await db.localArea.findUniqueOrThrow({ where: { id: judged.localAreaId } })).slug);
    expect((await page()).plan!.followUpOutcome).toBeNull();

    await db.finding.update({ where: { id: judged.findingId }, data: { judgement: "SUFFICIENT", judgementDate: day(-3), judgementInspectionId: revisit.id } });
    expect((await page()).plan!.followUpOutcome).toEqual({
      kind: "REVISIT",
      plain: "The inspectors came back from 3 to 5 February 2026. So far they have judged 1 of the 2 areas, and found enough progress in 1.",
      complete: false,
      letterUrl: "https://reports.example/revisit",
    });
    await db.finding.update({ where: { id: second.id }, data: { judgement: "NOT_SUFFICIENT", judgementDate: day(-3), judgementInspectionId: revisit.id } });
    const result = await page();
    expect(result.plan!.followUpOutcome).toMatchObject({
      plain: "The inspectors came back from 3 to 5 February 2026. They found enough progress in 1 of the 2 areas they looked at.",
      complete: true,
    });
    expect(result.findings.map((f) => [f.ref, f.judgement])).toEqual([
      ["1", "SUFFICIENT"],
      ["2", "NOT_SUFFICIENT"],
    ]);
    // Only a web link leaves the server.
    await db.inspection.update({ where: { id: revisit.id }, data: { reportUrl: "file:///letters/revisit.pdf" } });
    expect((await page()).plan!.followUpOutcome!.letterUrl).toBeNull();
  });
});

describe("area.setPublicContact", () => {
  it("lets the plan lead set the council's SEND contact, audited, which both public pages then name; empty clears it", async () => {
    const fresh = await createAreaWithPlan(db, { area: { publicPagePublished: true, publicPagePublishedAt: day(-3) } });
    const council = await db.organisation.findUniqueOrThrow({ where: { id: fresh.councilId }, select: { name: true } });
    const anonymous = await callerFor(db, null);
    expect((await anonymous.publicArea.bySlug({ slug: fresh.slug })).area.contact).toBeNull();

    const lead = await createMember(db, fresh.localAreaId, "LEAD");
    const { api, requestId } = await actingAs(db, lead);
    const saved = await api.area.setPublicContact({ slug: fresh.slug, email: " SEND@Council.example ", url: "https://council.example/send" });
    expect(saved).toEqual({ slug: fresh.slug, email: "send@council.example", url: "https://council.example/send" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { requestId } });
    expect(audit).toMatchObject({ action: "area.setPublicContact", entityId: fresh.localAreaId, actorId: lead });
    expect(audit.before).toEqual({ publicContactEmail: null, publicContactUrl: null });
    expect(audit.after).toEqual({ publicContactEmail: "send@council.example", publicContactUrl: "https://council.example/send" });

    const contact = { name: council.name, email: "send@council.example", url: "https://council.example/send" };
    expect((await anonymous.publicArea.bySlug({ slug: fresh.slug })).area.contact).toEqual(contact);
    expect((await anonymous.publicArea.finding({ slug: fresh.slug, ref: "1" })).area.contact).toEqual(contact);
    // The area home gives the lead's form what is set.
    expect((await api.area.home({ slug: fresh.slug })).area.publicContact).toEqual({ email: contact.email, url: contact.url });

    await api.area.setPublicContact({ slug: fresh.slug, email: "", url: "https://council.example/send" });
    expect((await anonymous.publicArea.bySlug({ slug: fresh.slug })).area.contact).toEqual({ ...contact, email: null });
    await api.area.setPublicContact({ slug: fresh.slug, email: "", url: "" });
    expect((await anonymous.publicArea.bySlug({ slug: fresh.slug })).area.contact).toBeNull();
  });

  it("refuses an address that is not an email, a web page that is not https, and every role but the lead", async () => {
    const fresh = await createAreaWithPlan(db);
    const lead = await callerFor(db, await createMember(db, fresh.localAreaId, "LEAD"));
    for (const [input, field] of [
      [{ email: "not an email", url: "" }, "email"],
      [{ email: "", url: "http://council.example/send" }, "url"],
      [{ email: "", url: "javascript:alert(1)" }, "url"],
      [{ email: "", url: "council.example/send" }, "url"],
    ] as const) {
      const e = await refusal(lead.area.setPublicContact({ slug: fresh.slug, ...input }));
      expect(e.code, JSON.stringify(input)).toBe("BAD_REQUEST");
      expect(Object.keys(fieldErrors(e)), JSON.stringify(input)).toEqual([field]);
    }
    for (const role of ["CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"] as const) {
      const other = await callerFor(db, await createMember(db, fresh.localAreaId, role));
      expect((await refusal(other.area.setPublicContact({ slug: fresh.slug, email: "a@b.example", url: "" }))).code, role).toBe("FORBIDDEN");
    }
    const outsider = await callerFor(db, await createMember(db, unpublished.localAreaId, "LEAD"));
    expect((await refusal(outsider.area.setPublicContact({ slug: fresh.slug, email: "a@b.example", url: "" }))).code).toBe("NOT_FOUND");
    const row = await db.localArea.findUniqueOrThrow({ where: { id: fresh.localAreaId } });
    expect([row.publicContactEmail, row.publicContactUrl]).toEqual([null, null]);
  });
});

describe("the inspectors' next visit on the summary", () => {
  it("counts the days to the expected revisit until it happens", async () => {
    const fresh = await createAreaWithPlan(db, { area: { publicPagePublished: true, publicPagePublishedAt: day(-3) } });
    const slug = (await db.localArea.findUniqueOrThrow({ where: { id: fresh.localAreaId } })).slug;
    expect((await publicAreaPage(db, slug)).plan!.followUp).toBeNull();
    const revisit = await db.inspection.create({
      data: { localAreaId: fresh.localAreaId, framework: "FRAMEWORK_2016", kind: "REVISIT", expectedDate: day(40), dateIsEstimate: true },
    });
    await db.plan.update({ where: { id: fresh.planId }, data: { followUpInspectionId: revisit.id } });
    expect((await publicAreaPage(db, slug)).plan!.followUp).toEqual({ kind: "REVISIT", date: day(40), isEstimate: true, daysToGo: 40, happened: false });
  });
});

describe("serviceStatus", () => {
  it("says the database answered, how quickly and when, to anyone, and nothing more", async () => {
    const before = Date.now();
    const status = await (await callerFor(db, null)).publicArea.serviceStatus();
    expect(status.databaseReachable).toBe(true);
    expect(status.responseMs).toBeGreaterThanOrEqual(0);
    expect(status.checkedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(Object.keys(status).sort()).toEqual(["checkedAt", "databaseReachable", "responseMs"]);
  });

  it("says the database is not reachable when it does not answer", async () => {
    const down = { $queryRaw: () => Promise.reject(new Error("connection refused")) } as unknown as PrismaClient;
    expect(await serviceStatus(down)).toMatchObject({ databaseReachable: false });
  });
});
