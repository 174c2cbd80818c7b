/**
 * Least data: the parent carer forum never receives an email address from any procedure but its
 * own member's. Walks every procedure (the permission walk's entries, server/testing/walk/) as the
 * forum member of a copy of the demo (prisma/demo-data.ts: real people with addresses, updates,
 * comments, evidence, verdicts), with an update posted through an update request link added, and
 * searches everything the call answers, refusals included, for an address.
 *
 * An address the call's own input carries (an entry that sends one) is the caller's to know, not
 * a leak, and is not counted.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCopy } from "@/prisma/demo-data";
import { uniq } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { hashUpdateRequestToken, newUpdateRequestToken, postViaUpdateRequest } from "@/server/services/actions/update-requests";
import { callerFor, contextFor, testDb } from "@/server/testing/harness";
import type { Fixture } from "@/server/testing/walk/spec";
import { expected, procedureAt, procedures, SPECS } from "@/server/testing/walk/walk";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Every address in `text`, lower case. */
function addressesIn(text: string): string[] {
  return [...text.matchAll(EMAIL)].map((m) => m[0].toLowerCase());
}

let db: PrismaClient;
let fx: Fixture;
let forumEmail: string;
/** The partner's address the update request went to: the one the forum must never be sent. */
let partnerEmail: string;

/** An area of the copy as the walk's entries name it: its current plan's first action, owned by the contributor where it can be. */
async function areaOf(slug: string, ownerId: string | null): Promise<Fixture["area"]> {
  const area = await db.localArea.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true } });
  const plan = await db.plan.findFirstOrThrow({ where: { localAreaId: area.id, status: { not: "CLOSED" } }, orderBy: { createdAt: "desc" }, select: { id: true } });
  const action =
    (ownerId && (await db.action.findFirst({ where: { localAreaId: area.id, finding: { planId: plan.id }, ownerId }, orderBy: { ref: "asc" } }))) ||
    (await db.action.findFirstOrThrow({ where: { localAreaId: area.id, finding: { planId: plan.id } }, orderBy: { ref: "asc" } }));
  const council = await db.organisation.findFirstOrThrow({ where: { localAreaId: area.id, kind: "COUNCIL" }, select: { id: true } });
  return { localAreaId: area.id, slug: area.slug, councilId: council.id, planId: plan.id, findingId: action.findingId, actionId: action.id };
}

beforeAll(async () => {
  db = testDb();
  const copy = await seedDemoCopy(db, `fw${uniq()}`.slice(0, 12));
  const idOf = async (demoEmail: string) => (await db.user.findUniqueOrThrow({ where: { email: copy.emailOf[demoEmail]! }, select: { id: true } })).id;
  const users: Fixture["users"] = {
    LEAD: await idOf("lead@northbridge.example"),
    CONTRIBUTOR: await idOf("owner@northbridge.example"),
    FORUM: await idOf("forum@northbridge.example"),
    ADVISER: await idOf("adviser@headway.example"),
    VIEWER: await idOf("viewer@northbridge.example"),
    NATIONAL: await idOf("national@headway.example"),
    ADMIN: await idOf("admin@headway.example"),
    OTHER_AREA: await idOf("lead@eastmoor.example"),
  };
  fx = { area: await areaOf(copy.northbridge.slug, users.CONTRIBUTOR), otherArea: await areaOf(copy.eastmoor.slug, null), users };
  forumEmail = copy.emailOf["forum@northbridge.example"]!.toLowerCase();

  // A partner's update through a link on the walked action: its address is on record.
  partnerEmail = `senco-${uniq()}@riverside-primary.example`;
  const token = newUpdateRequestToken();
  await db.updateRequest.create({
    data: {
      localAreaId: fx.area.localAreaId,
      actionId: fx.area.actionId,
      email: partnerEmail,
      tokenHash: hashUpdateRequestToken(token),
      sentById: users.LEAD,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const anonymous = await contextFor(db, null);
  await postViaUpdateRequest({ ...anonymous, viewer: null }, { token, narrative: "Four schools trialled the form.", progress: 60, status: "IN_PROGRESS" });
}, 120_000);
afterAll(() => db.$disconnect());

describe("the forum receives no email address but its member's own", () => {
  it("the fixture holds addresses the forum could be sent: its people's and the partner's", async () => {
    const people = await db.user.count({ where: { memberships: { some: { localAreaId: fx.area.localAreaId } }, email: { not: null } } });
    expect(people).toBeGreaterThan(4);
    // The lead reads the partner's address on the action: so a walk that finds none as the forum means something.
    const lead = await callerFor(db, fx.users.LEAD);
    expect(addressesIn(JSON.stringify(await lead.action.byId({ id: fx.area.actionId })))).toContain(partnerEmail);
  });

  for (const [path] of procedures) {
    it(`${path}`, async () => {
      const spec = SPECS[path]!;
      const input = await spec.input(fx, db);
      const caller = await callerFor(db, fx.users.FORUM);
      let answer: unknown;
      let outcome = "OK";
      try {
        answer = await procedureAt(caller, path)(input);
      } catch (error) {
        if (!(error instanceof TRPCError)) throw error;
        outcome = error.code;
        const cause = error.cause as { details?: unknown } | undefined;
        answer = { message: error.message, details: cause?.details ?? null };
      }
      // The forum is answered as the permission table says, so the walk sees what it is really sent.
      expect(outcome).toBe(expected(path, "FORUM", fx));
      // The council's SEND contact for families is an office's address the area publishes, not a person's.
      const published = await db.localArea.findMany({ where: { publicContactEmail: { not: null } }, select: { publicContactEmail: true } });
      const own = new Set([forumEmail, ...addressesIn(JSON.stringify(input ?? null)), ...published.map((a) => a.publicContactEmail!.toLowerCase())]);
      const leaked = addressesIn(JSON.stringify(answer ?? null)).filter((a) => !own.has(a));
      expect(leaked, `${path} sent the forum ${leaked.join(", ")}`).toEqual([]);
    });
  }
});
