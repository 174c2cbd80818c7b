/**
 * The query budget: every measured page sends at most five SQL statements per request, and
 * the same number for a small area as for a large one (no query per finding, action or measure).
 *
 * A request is counted as the app runs it: the session callback reads the signed-in person
 * (server/auth/options.ts, loadSessionUser), the site header asks for the unread notification
 * count (components/site-header.tsx), and the page fetches its data through its one procedure
 * (each measured page asks for exactly one). The public page is anonymous: no session, no header
 * count. The statements are counted from Prisma's query events, as the benchmark counts them.
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it} from "vitest";
import {
  createAction,
  createActionUpdate,
  createEvidence,
  createFinding,
  createInspection,
  createLocalArea,
  createMeasure,
  createMeasureMilestone,
  createMeasureValue,
  createMembership,
  createOrganisation,
  createPlan,
  createUser,
  day,
} from "@/prisma/factories";
import { createCaller } from "@/server/api/root";
import { loadSessionUser } from "@/server/auth/session-user";
import { PrismaClient } from "@/server/generated/prisma/client";
import { testDb } from "@/server/testing/harness";
import { testDatabaseUrl } from "@/server/testing/worker";

/** Statements per request: a page's time stays flat as a plan grows only if its query count does. */
const BUDGET = 5;

let db: PrismaClient;
let statements = 0;

/** A client on the run's database that counts every statement it sends. */
function countingClient() {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl() }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", () => (statements += 1));
  return client;
}
let counting: ReturnType<typeof countingClient>;

type Area = Awaited<ReturnType<typeof buildArea>>;
let small: Area;
let large: Area;
let nationalId: string;

/**
 * An area with a current plan of `size` findings, each with `size` actions (owners, lead and
 * partner organisations, monthly updates) and measures (milestones, monthly values), evidence of
 * every kind, the forum's verdicts (one superseded, disagreements, public ones), adviser notes,
 * comments, an approved change to a trajectory, "you said, we did", a follow-up inspection, a
 * closed older plan, and unread notifications for its lead. Every kind of record a measured page
 * reads is there at both sizes, so only the number of rows differs.
 */
async function buildArea(size: number) {
  const area = await createLocalArea(db, { publicPagePublished: true, publicPagePublishedAt: day(-100) });
  const localAreaId = area.id;
  const council = await createOrganisation(db, { localAreaId, kind: "COUNCIL" });
  const health = await createOrganisation(db, { localAreaId, kind: "ICB" });
  const lead = await createUser(db);
  await createMembership(db, { userId: lead.id, localAreaId, role: "LEAD" });
  const forum = await createUser(db);
  await createMembership(db, { userId: forum.id, localAreaId, role: "FORUM" });
  const adviser = await createUser(db);
  await createMembership(db, { userId: adviser.id, localAreaId, role: "ADVISER" });
  const owners = [];
  for (let i = 0; i < size; i += 1) {
    const owner = await createUser(db, { organisationId: council.id });
    await createMembership(db, { userId: owner.id, localAreaId, role: "CONTRIBUTOR" });
    owners.push(owner.id);
  }

  const old = await createPlan(db, { localAreaId, status: "CLOSED", createdAt: day(-900) });
  await createFinding(db, { planId: old.id, localAreaId });
  const revisit = await createInspection(db, { localAreaId, kind: "REVISIT", startDate: null, endDate: null, expectedDate: day(120), dateIsEstimate: true });
  const plan = await createPlan(db, { localAreaId, followUpInspectionId: revisit.id, updateCadenceDays: 30 });

  const findings: string[] = [];
  const actions: string[] = [];
  let firstMeasure = "";
  for (let f = 1; f <= size; f += 1) {
    const finding = await createFinding(db, { planId: plan.id, localAreaId, ref: String(f), sortOrder: f });
    findings.push(finding.id);
    for (let a = 1; a <= size; a += 1) {
      const action = await createAction(db, {
        findingId: finding.id,
        localAreaId,
        ref: `${f}.${a}`,
        ownerId: owners[(a - 1) % owners.length],
        leadOrganisationId: council.id,
        partnerOrganisationIds: [health.id],
        // Some late (red, update overdue), some on course.
        startDate: day(-200),
        dueDate: a % 2 ? day(-5) : day(200),
        createdAt: day(-200),
      });
      actions.push(action.id);
      for (let u = size; u >= 1; u -= 1) await createActionUpdate(db, { actionId: action.id, createdAt: day(-30 * u - (a % 2) * 40) });
      await createEvidence(db, { actionId: action.id, kind: "IMPACT", reviewStatus: "ACCEPTED", reviewedAt: day(-3), visibility: "PUBLIC" });
      await createEvidence(db, { actionId: action.id, kind: "ACTIVITY", reviewStatus: "PENDING" });
      await db.comment.create({ data: { localAreaId, actionId: action.id, authorId: lead.id, body: "On the action." } });
    }
    for (let m = 1; m <= size; m += 1) {
      const measure = await createMeasure(db, { planId: plan.id, localAreaId, ref: `M${f}.${m}`, findingIds: [finding.id], ownerId: owners[0] });
      firstMeasure ||= measure.id;
      await createMeasureMilestone(db, { measureId: measure.id, date: day(60), targetValue: 40 });
      for (let v = 1; v <= size * 3; v += 1) await createMeasureValue(db, { measureId: measure.id, periodEnd: day(-30 * v), value: 10 + v });
      await createEvidence(db, { measureId: measure.id, kind: "IMPACT", reviewStatus: "ACCEPTED", reviewedAt: day(-2), visibility: "PUBLIC" });
    }
    await createEvidence(db, { findingId: finding.id, kind: "IMPACT", reviewStatus: "ACCEPTED", reviewedAt: day(-1), visibility: "INTERNAL" });
    await createEvidence(db, { findingId: finding.id, kind: "IMPACT", reviewStatus: "PENDING" });
    // On the finding: an agreement the forum later replaced with a disagreement, made public.
    const first = await db.forumVerdict.create({ data: { localAreaId, findingId: finding.id, authorId: forum.id, verdict: "AGREE", text: "At first." } });
    await db.forumVerdict.create({
      data: { localAreaId, findingId: finding.id, authorId: forum.id, verdict: "DISAGREE", text: "Now.", isPublic: true, supersedesId: first.id },
    });
    await db.forumVerdict.create({ data: { localAreaId, actionId: actions.at(-1)!, authorId: forum.id, verdict: "AGREE_WITH_COMMENTS", text: "Mostly.", isPublic: true } });
    await db.adviserNote.create({ data: { localAreaId, findingId: finding.id, authorId: adviser.id, note: "Seen.", view: "LIKELY_SUFFICIENT", date: day(-7) } });
    await db.comment.create({ data: { localAreaId, findingId: finding.id, authorId: lead.id, body: "Internal." } });
    await db.comment.create({ data: { localAreaId, findingId: finding.id, authorId: forum.id, body: "Shared.", visibility: "WITH_FORUM" } });
    await db.youSaidWeDid.create({ data: { localAreaId, findingId: finding.id, youSaid: "Said.", weDid: "Did.", date: day(-20), published: true, publishedAt: day(-19) } });
  }
  await db.youSaidWeDid.create({ data: { localAreaId, youSaid: "Area-wide.", weDid: "Done.", date: day(-10), published: true, publishedAt: day(-9) } });
  await db.adviserNote.create({ data: { localAreaId, authorId: adviser.id, note: "The area as a whole.", date: day(-6) } });
  await db.changeRequest.create({
    data: {
      localAreaId,
      planId: plan.id,
      entityType: "Measure",
      entityId: firstMeasure,
      field: "measure.targetValue",
      oldValue: 70,
      newValue: 60,
      reason: "Agreed with the adviser.",
      requestedById: lead.id,
      status: "APPROVED",
      decidedById: adviser.id,
      decidedAt: day(-15),
    },
  });
  for (let n = 0; n < size; n += 1) {
    await db.notification.create({ data: { userId: lead.id, localAreaId, kind: "EVIDENCE_AWAITING_REVIEW", dedupeKey: `budget:${n}`, title: "Evidence", body: "To review." } });
  }
  return { localAreaId, slug: area.slug, leadId: lead.id, findingId: findings[0]!, actionId: actions[0]!, ownerId: owners[0]!, healthId: health.id };
}

type Api = ReturnType<typeof createCaller>;

/**
 * The statements one request sends: `userId` null for an anonymous visitor. Pages render the
 * header (`header`); the tRPC endpoint does not.
 */
async function request(userId: string | null, page: (api: Api) => Promise<unknown>, { header = true } = {}): Promise<number> {
  statements = 0;
  const user = userId ? await loadSessionUser(counting, userId) : null;
  const api = createCaller({
    db: counting,
    session: user ? { user, expires: new Date(Date.now() + 3_600_000).toISOString() } : null,
    requestId: randomUUID(),
  });
  await Promise.all([user && header ? api.notification.unreadCount() : null, page(api)]);
  return statements;
}

/** The measured pages, each as the request its address makes. */
const PAGES = {
  "area home (/local-areas/<slug>)": (a: Area) => request(a.leadId, (api) => api.area.home({ slug: a.slug })),
  "finding page (/local-areas/<slug>/findings/<id>)": (a: Area) => request(a.leadId, (api) => api.finding.byId({ id: a.findingId })),
  "filtered action list (/local-areas/<slug>/actions?…)": (a: Area) =>
    request(a.leadId, (api) =>
      api.action.list({ slug: a.slug, status: "IN_PROGRESS", rag: "RED", owner: a.ownerId, organisation: a.healthId, overdue: true, q: "action" }),
    ),
  "action list, unfiltered": (a: Area) => request(a.leadId, (api) => api.action.list({ slug: a.slug })),
  "public page (/areas/<slug>, anonymous)": (a: Area) => request(null, (api) => api.publicArea.bySlug({ slug: a.slug })),
  "public finding page (/areas/<slug>/findings/<ref>, anonymous)": (a: Area) => request(null, (api) => api.publicArea.finding({ slug: a.slug, ref: "1" })),
};

beforeAll(async () => {
  db = testDb();
  counting = countingClient();
  small = await buildArea(2);
  large = await buildArea(5);
  nationalId = (await createUser(db, { globalRole: "NATIONAL" })).id;
}, 120_000);
afterAll(async () => {
  await counting.$disconnect();
  await db.$disconnect();
});

describe("query budget per request", () => {
  for (const [page, load] of Object.entries(PAGES)) {
    it(`${page}: at most ${BUDGET} statements, the same for 2 findings × 2 actions as for 5 × 5`, async () => {
      const few = await load(small);
      const many = await load(large);
      expect(few).toBeGreaterThan(0);
      expect(few).toBeLessThanOrEqual(BUDGET);
      expect(many).toBe(few);
    });
  }

  it(`national view (/national): at most ${BUDGET} statements, the same whatever the number of areas`, async () => {
    const overview = (api: Api) => api.national.overview({ sort: "red", dir: "desc" });
    const before = await request(nationalId, overview);
    await buildArea(2);
    await buildArea(3);
    const after = await request(nationalId, overview);
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThanOrEqual(BUDGET);
    expect(after).toBe(before);
  }, 120_000);

  it("the check-in mutation: the same statements for a large plan as for a small one", async () => {
    const checkIn = (a: Area) =>
      request(a.leadId, (api) => api.action.postUpdate({ actionId: a.actionId, narrative: "Moving on.", progress: 40, status: "IN_PROGRESS", ragOverride: "", ragOverrideReason: "" }), {
        header: false,
      });
    const few = await checkIn(small);
    const many = await checkIn(large);
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
  });
});
