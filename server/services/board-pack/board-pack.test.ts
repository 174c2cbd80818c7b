/**
 * The board pack end to end below the browser: built by the service from the demo's Northbridge
 * (and from a small area of its own for snapshots), rendered as PDF and Word, and read back with
 * pdf.js and mammoth as a reader's software would read it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/demo-data";
import { createAreaWithPlan, createEvidence, createUser, uniq } from "@/prisma/factories";
import { viewerOf, type AuthedContext } from "@/server/api/trpc";
import { boardPackContent } from "@/server/services/board-pack/content";
import { normaliseSpace, readDocx, readPdf } from "@/server/services/board-pack/document-text";
import { boardPackRoute, renderBoardPack } from "@/server/services/board-pack/http";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { boardPack, takeSnapshot } from "@/server/services/snapshots/snapshots";
import { contextFor, createMember, testDb } from "@/server/testing/harness";

let db: PrismaClient;

async function authed(userId: string): Promise<AuthedContext> {
  const ctx = await contextFor(db, userId);
  return { ...ctx, viewer: viewerOf(ctx.session)! };
}

const demoUser = (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } }).then((u) => u.id);

/** Both files of one pack, read back. */
async function bothFiles(ctx: AuthedContext, input: { slug: string; snapshotId?: string }) {
  const pack = await boardPack(ctx, input);
  const [pdf, docx] = await Promise.all([renderBoardPack(pack, "pdf"), renderBoardPack(pack, "docx")]);
  return { pack, outline: boardPackContent(pack), pdf: await readPdf(pdf), docx: await readDocx(docx) };
}

beforeAll(async () => {
  db = testDb();
  await seedDemo(db);
}, 120_000);
afterAll(() => db.$disconnect());

describe("Northbridge's board pack, as the lead downloads it", () => {
  let files: Awaited<ReturnType<typeof bothFiles>>;
  let findings: { ref: string; summary: string }[];
  beforeAll(async () => {
    files = await bothFiles(await authed(await demoUser("lead@northbridge.example")), { slug: "northbridge" });
    // From the database, not from the pack: the pack must not leave a finding out.
    findings = await db.finding.findMany({
      where: { plan: { id: files.pack.state.plan.id } },
      orderBy: { ref: "asc" },
      select: { ref: true, summary: true },
    });
  }, 120_000);

  it("names every finding, with its whole summary, in the PDF and in the Word file", () => {
    expect(findings).toHaveLength(5);
    for (const f of findings) {
      const heading = normaliseSpace(`Finding ${f.ref}: ${f.summary}`);
      expect(files.pdf.text).toContain(heading);
      expect(files.docx.text).toContain(heading);
    }
  });

  it("gives the Word file real headings for each finding", () => {
    for (const f of findings) expect(files.docx.html).toContain(`<h1>Finding ${f.ref}: `);
    expect(files.docx.html).toContain("<h2>Exceptions</h2>");
  });

  it("draws every measure chart as an image, with alternative text in Word", () => {
    const charts = files.outline.parts.flatMap((p) => p.blocks).filter((b) => b.kind === "chart");
    expect(charts.length).toBeGreaterThanOrEqual(6);
    expect(files.pdf.images).toBe(charts.length);
    const alts = [...files.docx.html.matchAll(/<img [^>]*alt="([^"]*)"/g)].map((m) => m[1]);
    expect(alts).toHaveLength(charts.length);
    for (const alt of alts) expect(alt).toMatch(/^(Latest|No values yet)/);
  });

  it("prints the forum's disagreement and the adviser's views", async () => {
    const disagree = await db.forumVerdict.findFirstOrThrow({
      where: { localArea: { slug: "northbridge" }, verdict: "DISAGREE", supersededBy: null },
      select: { text: true },
    });
    for (const text of [files.pdf.text, files.docx.text]) {
      expect(text).toContain(normaliseSpace(disagree.text));
      expect(text).toContain("Adviser's view");
      expect(text).toContain("Unlikely");
    }
  });

  it("lists the red actions with their owner's latest commentary", async () => {
    const red = files.pack.state.findings.flatMap((f) => f.actions).filter((a) => a.rag === "RED" && a.latestUpdate);
    expect(red.length).toBeGreaterThan(0);
    for (const a of red) expect(files.pdf.text).toContain(normaliseSpace(a.latestUpdate!.narrative));
  });

  it("carries the pack's title in the PDF's properties, and page numbers in its footer", () => {
    expect(files.pdf.title).toBe("Northbridge board pack: Current state");
    expect(files.pdf.text).toContain(`Page 1 of ${files.pdf.pages}`);
  });
});

describe("a forum member's board pack", () => {
  it("has no adviser's views for Northbridge", async () => {
    const { pdf, docx } = await bothFiles(await authed(await demoUser("forum@northbridge.example")), { slug: "northbridge" });
    for (const text of [pdf.text, docx.text]) {
      expect(text).not.toContain("Adviser's view");
      expect(text).not.toContain("Unlikely");
    }
  }, 60_000);
});

describe("a snapshot's board pack and the changes since", () => {
  let slug: string;
  let lead: AuthedContext;
  let forum: AuthedContext;
  let snapshotId: string;
  const internalTitle = `Supplier escalation ${uniq()}`;
  const partnersTitle = `Forum survey ${uniq()}`;
  const note = `Impact evidence is thin ${uniq()}`;

  beforeAll(async () => {
    const area = await createAreaWithPlan(db, { finding: { summary: `Families waited too long ${uniq()}` } });
    slug = area.slug;
    lead = await authed(await createMember(db, area.localAreaId, "LEAD"));
    forum = await authed(await createMember(db, area.localAreaId, "FORUM"));
    const adviser = await createUser(db);
    snapshotId = (await takeSnapshot(lead, { slug, label: "Improvement board 12 March" })).id;
    await createEvidence(db, { actionId: area.actionId, title: internalTitle, visibility: "INTERNAL" });
    await createEvidence(db, { actionId: area.actionId, title: partnersTitle, visibility: "PARTNERS" });
    await db.adviserNote.create({ data: { localAreaId: area.localAreaId, findingId: area.findingId, authorId: adviser.id, view: "AT_RISK", date: new Date(), note } });
  }, 60_000);

  it("prints the snapshot as the first one, under its label", async () => {
    const { pdf, docx } = await bothFiles(lead, { slug, snapshotId });
    for (const text of [pdf.text, docx.text]) {
      expect(text).toContain("Board pack: Improvement board 12 March");
      expect(text).toContain("This is the first snapshot");
    }
  }, 60_000);

  it("shows the lead the new evidence and adviser note since the snapshot", async () => {
    const { pdf, docx } = await bothFiles(lead, { slug });
    for (const text of [pdf.text, docx.text]) {
      expect(text).toContain("Changes since Improvement board 12 March");
      expect(text).toContain(internalTitle);
      expect(text).toContain(partnersTitle);
      expect(text).toContain(note);
    }
  }, 60_000);

  it("leaves internal evidence and adviser notes out of the forum's pack", async () => {
    const { pdf, docx } = await bothFiles(forum, { slug });
    for (const text of [pdf.text, docx.text]) {
      expect(text).toContain(partnersTitle);
      expect(text).not.toContain(internalTitle);
      expect(text).not.toContain(note);
    }
  }, 60_000);
});

describe("the download route", () => {
  const get = async (viewerOfUser: string | null, slug: string, query: string) => {
    const ctx = viewerOfUser ? await authed(viewerOfUser) : { ...(await contextFor(db, null)), viewer: null };
    return boardPackRoute(new Request(`http://headway.test/api/local-areas/${slug}/board-pack${query}`), ctx, { slug });
  };

  it("sends the Word file as an attachment named after the area and the day, never cached", async () => {
    const response = await get(await demoUser("viewer@northbridge.example"), "northbridge", "?format=docx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="northbridge-board-pack-\d{4}-\d{2}-\d{2}\.docx"$/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const { text } = await readDocx(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain("Board pack: Current state");
  }, 60_000);

  it("refuses the signed-out, a bad format, another area's reader and an unknown snapshot", async () => {
    expect((await get(null, "northbridge", "?format=pdf")).status).toBe(401);
    const lead = await demoUser("lead@northbridge.example");
    expect((await get(lead, "northbridge", "?format=xlsx")).status).toBe(400);
    expect((await get(await demoUser("lead@eastmoor.example"), "northbridge", "?format=pdf")).status).toBe(404);
    expect((await get(lead, "northbridge", "?format=pdf&snapshot=nosuchsnapshot")).status).toBe(404);
    expect((await get(lead, "northbridge", "?format=pdf&snapshot=not-an-id!")).status).toBe(404);
  }, 60_000);
});
