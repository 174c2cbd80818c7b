/**
 * What anyone without a role may reach: the pages outside the signed-in group (app/**\/page.tsx not
 * under app/(app)), the public page for families and the update request links. Every page is
 * found on disk and must be listed below with the procedures it reads, which must be public ones;
 * then each public answer is walked for every role, a NATIONAL user, an ADMIN, another area's
 * lead and an anonymous visitor: it is the same for all of them and holds nothing internal. The
 * page's HTML is checked in the browser by e2e/public-page.spec.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActionUpdate, createEvidence, uniq } from "@/prisma/factories";
import type { Fixture, Who } from "@/server/testing/walk/spec";
import { createWalkFixture, procedures, WHO } from "@/server/testing/walk/walk";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { hashUpdateRequestToken, newUpdateRequestToken } from "@/server/services/actions/update-requests";
import { callerFor, refusal, testDb } from "@/server/testing/harness";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Every page anyone may open without signing in, and the tRPC procedures it reads. A page added
 * outside app/(app) fails the first test until it is listed here.
 */
const PUBLIC_PAGES: Record<string, string[]> = {
  // The front door: sends a signed-in person on, shows others the sign-in link and the published areas.
  "app/page.tsx": ["publicArea.list"],
  "app/signin/page.tsx": [],
  "app/signin/check-email/page.tsx": [],
  "app/areas/page.tsx": ["publicArea.list"],
  "app/areas/[slug]/page.tsx": ["publicArea.bySlug"],
  "app/areas/[slug]/findings/[ref]/page.tsx": ["publicArea.finding"],
  "app/update/[token]/page.tsx": ["updateRequest.byToken"],
  "app/privacy/page.tsx": [], // the privacy notice: PRIVACY.md, nothing from the database
  "app/accessibility/page.tsx": [], // the accessibility statement: written out, nothing from the database
  "app/status/page.tsx": ["publicArea.serviceStatus"],
  // The footer's slot on every page: the area's council contact on a published area's pages, from the page's own read.
  "app/@footer/areas/[slug]/page.tsx": ["publicArea.bySlug"],
  "app/@footer/areas/[slug]/findings/[ref]/page.tsx": ["publicArea.finding"],
};

const pageFiles = (readdirSync(path.join(ROOT, "app"), { recursive: true }) as string[])
  .map((f) => path.posix.join("app", f.split(path.sep).join("/")))
  // A slot's pages (app/@footer) render beside every page, signed in or not, so they count as public too.
  .filter((f) => path.posix.basename(f) === "page.tsx" && !f.startsWith("app/(app)/"))
  .sort();

describe("every page outside the signed-in group", () => {
  it("is listed with the procedures it reads, all of them public, and reads nothing else", () => {
    expect(pageFiles.length).toBeGreaterThan(0);
    const guards = Object.fromEntries(procedures.map(([p, proc]) => [p, proc._def.meta?.guard]));
    for (const file of pageFiles) {
      expect(PUBLIC_PAGES[file], `${file} is open to anyone: list it in PUBLIC_PAGES with what it reads`).toBeDefined();
      const source = readFileSync(path.join(ROOT, file), "utf8");
      const reads = [...new Set([...source.matchAll(/\btrpc\.(\w+)\.(\w+)\./g)].map((m) => `${m[1]}.${m[2]}`))].sort();
      expect(reads, `${file} reads other procedures than PUBLIC_PAGES says`).toEqual([...PUBLIC_PAGES[file]!].sort());
      for (const p of reads) expect(guards[p], `${file} reads ${p}, which is not a public procedure`).toBe("public");
      // Only through procedures: no service, database client or Prisma type straight into a public page.
      expect(source).not.toMatch(/from "@\/server\/(services|db|generated|import-export|board-pack)\b/);
    }
    for (const file of Object.keys(PUBLIC_PAGES)) expect(pageFiles, `PUBLIC_PAGES lists ${file}, which no longer exists`).toContain(file);
  });

  it("the signed-in group sends anyone without a session to sign in", () => {
    const layout = readFileSync(path.join(ROOT, "app/(app)/layout.tsx"), "utf8");
    expect(layout).toMatch(/if \(!session\?\.user\) \{[\s\S]*redirect\(`\/signin/);
  });
});

let db: PrismaClient;
let fx: Fixture;
/** Text and people that must never reach a public answer. */
const secrets: string[] = [];

const caller = (who: Who) => callerFor(db, who === "ANONYMOUS" ? null : fx.users[who]);

beforeAll(async () => {
  db = testDb();
  fx = await createWalkFixture(db);
  const a = fx.area;
  await db.localArea.update({ where: { id: a.localAreaId }, data: { publicPagePublished: true, publicPagePublishedAt: new Date() } });

  // Everything internal or personal area A holds, on every kind of record the page shows.
  for (const userId of Object.values(fx.users)) {
    const u = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } });
    secrets.push(u.name!, u.email!);
  }
  const accepted = { reviewStatus: "ACCEPTED" as const, reviewedById: fx.users.LEAD, reviewNote: `Review note ${uniq()}` };
  secrets.push(accepted.reviewNote);
  for (const visibility of ["INTERNAL", "PARTNERS"] as const) {
    const title = `${visibility} evidence ${uniq()}`;
    secrets.push(title);
    await createEvidence(db, { actionId: a.actionId, title, visibility, ...accepted });
  }
  const pending = `Public but not accepted ${uniq()}`;
  secrets.push(pending);
  await createEvidence(db, { findingId: a.findingId, title: pending, visibility: "PUBLIC" });
  await createEvidence(db, { findingId: a.findingId, title: "Shown: public and accepted", visibility: "PUBLIC", ...accepted });
  for (const visibility of ["INTERNAL", "WITH_FORUM"] as const) {
    const body = `${visibility} comment ${uniq()}`;
    secrets.push(body);
    await db.comment.create({ data: { localAreaId: a.localAreaId, actionId: a.actionId, authorId: fx.users.LEAD, body, visibility } });
  }
  const note = `Adviser note ${uniq()}`;
  secrets.push(note);
  await db.adviserNote.create({ data: { localAreaId: a.localAreaId, findingId: a.findingId, authorId: fx.users.ADVISER, view: "AT_RISK", date: new Date(), note } });
  const verdict = `The forum's private verdict ${uniq()}`;
  secrets.push(verdict);
  await db.forumVerdict.create({ data: { localAreaId: a.localAreaId, actionId: a.actionId, authorId: fx.users.FORUM, verdict: "DISAGREE", text: verdict, isPublic: false } });
  const narrative = `Owner's narrative ${uniq()}`;
  secrets.push(narrative);
  await createActionUpdate(db, { actionId: a.actionId, narrative });
  // Area B is not published: nothing of it appears anywhere public.
  const otherFinding = await db.finding.findUniqueOrThrow({ where: { id: fx.otherArea.findingId }, select: { summary: true } });
  secrets.push(fx.otherArea.slug, otherFinding.summary);
}, 60_000);
afterAll(() => db.$disconnect());

describe("the public page for families", () => {
  it("is the same for everyone, holds nothing internal or personal, and lists only published areas", async () => {
    const { ref } = await db.finding.findUniqueOrThrow({ where: { id: fx.area.findingId }, select: { ref: true } });
    const read = async (who: Who) => {
      const api = await caller(who);
      return JSON.stringify([await api.publicArea.bySlug({ slug: fx.area.slug }), await api.publicArea.finding({ slug: fx.area.slug, ref })]);
    };
    const anonymous = await read("ANONYMOUS");
    expect(anonymous).toContain("Shown: public and accepted"); // the finding's page is not empty
    for (const secret of secrets) expect(anonymous, `"${secret}" reached the public page`).not.toContain(secret);
    const index = await (await caller("ANONYMOUS")).publicArea.list();
    expect(index.map((a) => a.slug)).toContain(fx.area.slug);
    expect(index.map((a) => a.slug)).not.toContain(fx.otherArea.slug);
    for (const who of WHO) {
      const api = await caller(who);
      expect(await read(who), `${who} sees another page`).toBe(anonymous);
      expect(await api.publicArea.list(), `${who} sees another index`).toEqual(index);
    }
  });

  it("is not found for an unpublished area, or its findings, for everyone, its own lead included", async () => {
    const { ref } = await db.finding.findUniqueOrThrow({ where: { id: fx.otherArea.findingId }, select: { ref: true } });
    for (const who of WHO) {
      const api = await caller(who);
      expect((await refusal(api.publicArea.bySlug({ slug: fx.otherArea.slug }))).code, who).toBe("NOT_FOUND");
      expect((await refusal(api.publicArea.finding({ slug: fx.otherArea.slug, ref }))).code, who).toBe("NOT_FOUND");
    }
  });
});

describe("an update request link", () => {
  const UPDATE = { narrative: "The pilot reached three schools.", progress: 45, status: "IN_PROGRESS" as const };

  async function link(actionId: string, o: { expiresInMs?: number; used?: boolean } = {}) {
    const token = newUpdateRequestToken();
    const action = await db.action.findUniqueOrThrow({ where: { id: actionId }, select: { localAreaId: true } });
    await db.updateRequest.create({
      data: {
        localAreaId: action.localAreaId,
        actionId,
        email: `partner-${uniq()}@school.example`,
        tokenHash: hashUpdateRequestToken(token),
        sentById: actionId === fx.area.actionId ? fx.users.LEAD : fx.users.OTHER_AREA,
        expiresAt: new Date(Date.now() + (o.expiresInMs ?? 86_400_000)),
        usedAt: o.used ? new Date() : null,
      },
    });
    return token;
  }

  /** What a refused link must leave as it was. */
  const state = async () => ({
    updates: await db.actionUpdate.count(),
    audit: await db.auditEvent.count(),
    actions: await db.action.findMany({ where: { id: { in: [fx.area.actionId, fx.otherArea.actionId] } }, orderBy: { id: "asc" } }),
  });

  it("is refused, whoever holds it, when unknown, changed, expired or used, and nothing is written", async () => {
    for (const who of WHO) {
      const api = await caller(who);
      const token = await link(fx.area.actionId);
      const changed = `${token.slice(0, 20)}${token[20] === "x" ? "y" : "x"}${token.slice(21)}`;
      const before = await state();
      expect((await refusal(api.updateRequest.post({ token: newUpdateRequestToken(), ...UPDATE }))).code, `${who}: unknown`).toBe("NOT_FOUND");
      expect((await refusal(api.updateRequest.post({ token: changed, ...UPDATE }))).code, `${who}: changed`).toBe("NOT_FOUND");
      const expired = await link(fx.area.actionId, { expiresInMs: -1000 });
      expect((await refusal(api.updateRequest.post({ token: expired, ...UPDATE }))).message, `${who}: expired`).toMatch(/expired/);
      const used = await link(fx.area.actionId, { used: true });
      expect((await refusal(api.updateRequest.post({ token: used, ...UPDATE }))).message, `${who}: used`).toMatch(/already been used/);
      expect((await api.updateRequest.byToken({ token: changed })).state).toBe("INVALID");
      expect(await state(), `${who}: a refused link wrote something`).toEqual(before);
    }
  });

  it("posts one update, to its own action only, once, whoever holds it", async () => {
    for (const who of WHO) {
      const api = await caller(who);
      // Area B's link, held by anyone: it reaches area B's action and nothing of area A.
      const token = await link(fx.otherArea.actionId);
      const mine = await db.action.findUniqueOrThrow({ where: { id: fx.area.actionId } });
      const updatesOnA = await db.actionUpdate.count({ where: { actionId: fx.area.actionId } });
      const updatesOnB = await db.actionUpdate.count({ where: { actionId: fx.otherArea.actionId } });
      // An action id sent alongside is not the holder's to choose: the token names the action.
      await api.updateRequest.post({ token, ...UPDATE, actionId: fx.area.actionId } as never);
      expect(await db.actionUpdate.count({ where: { actionId: fx.otherArea.actionId } })).toBe(updatesOnB + 1);
      expect(await db.actionUpdate.count({ where: { actionId: fx.area.actionId } })).toBe(updatesOnA);
      expect(await db.action.findUniqueOrThrow({ where: { id: fx.area.actionId } })).toEqual(mine);
      const again = await refusal(api.updateRequest.post({ token, ...UPDATE }));
      expect(again.code, `${who}: a second post`).toBe("CONFLICT");
      expect(await db.actionUpdate.count({ where: { actionId: fx.otherArea.actionId } })).toBe(updatesOnB + 1);
    }
  });

  it("shows the same to everyone: the action and the message, no one's address or internal text", async () => {
    const token = await link(fx.area.actionId);
    const anonymous = await (await caller("ANONYMOUS")).updateRequest.byToken({ token });
    expect(anonymous.state).toBe("WAITING");
    const json = JSON.stringify(anonymous);
    for (const secret of secrets) expect(json).not.toContain(secret);
    expect(json).not.toMatch(/@school\.example/);
    for (const who of WHO) expect(await (await caller(who)).updateRequest.byToken({ token }), who).toEqual(anonymous);
  });
});
