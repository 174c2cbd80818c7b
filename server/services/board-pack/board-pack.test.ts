/**
 * The board pack end to end below the browser: built by the service from the demo's Northbridge
 * (and from a small area of its own for snapshots), rendered as PDF and Word, and read back with
 * pdf.js, mammoth and the Word file's own XML as a reader's software would read them: its pages,
 * its structure tree (headings, tables, figures and their alternative text) and its styles.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/demo-data";
import { createAreaWithPlan, createEvidence, createUser, uniq } from "@/prisma/factories";
import { viewerOf, type AuthedContext } from "@/server/api/trpc";
import { FINDING_DELIVERY, FINDING_IMPACT } from "@/lib/labels";
import { boardPackContent } from "@/server/services/board-pack/content";
import {
  normaliseSpace,
  readDocx,
  readDocxPart,
  readPdf,
  readPdfStructure,
  structElements,
  type PdfStructure,
  type StructElement,
} from "@/server/services/board-pack/document-text";
import { boardPackRoute, renderBoardPack } from "@/server/services/board-pack/http";
import { allParts } from "@/server/services/board-pack/outline";
import { contrastRatio, TONES } from "@/server/services/board-pack/tones";
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
  return { pack, outline: boardPackContent(pack), pdfBytes: pdf, docxBytes: docx, pdf: await readPdf(pdf), docx: await readDocx(docx) };
}

/** The elements of every page's structure tree, in reading order, page by page. */
const elementsOf = (structure: PdfStructure) => structure.pages.flatMap((p) => structElements(p).slice(1));
const withRole = (elements: StructElement[], role: string) => elements.filter((e) => e.role === role);

beforeAll(async () => {
  db = testDb();
  await seedDemo(db);
}, 120_000);
afterAll(() => db.$disconnect());

describe("Northbridge's board pack, as the lead downloads it", () => {
  let files: Awaited<ReturnType<typeof bothFiles>>;
  let structure: PdfStructure;
  let findings: { ref: string; summary: string }[];
  beforeAll(async () => {
    files = await bothFiles(await authed(await demoUser("lead@northbridge.example")), { slug: "northbridge" });
    structure = await readPdfStructure(files.pdfBytes);
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

  it("has a summary page, the exceptions, a page per finding and no more than eight pages before the appendix", () => {
    const { pageTexts } = files.pdf;
    const appendix = pageTexts.findIndex((t) => t.startsWith("Appendix: full tables"));
    expect(appendix).toBeGreaterThan(0);
    expect(appendix).toBeLessThanOrEqual(8);
    expect(pageTexts[0]).toContain("Board pack: Current state");
    for (const heading of ["Where each finding stands", "Key messages", "Top exceptions", "Decisions the board is asked to make", "The forum's view, in its own words"]) {
      expect(pageTexts[0]).toContain(heading);
    }
    expect(pageTexts[0]).toMatch(/Revisit \d{1,2} \w+ \d{4} \(estimated\): \d+ days to go/);
    expect(pageTexts[1]).toMatch(/^Exceptions /);
    // Each finding starts its own page, and takes no more than that one page.
    expect(pageTexts.slice(2, appendix).map((t) => /^Finding (\S+):/.exec(t)?.[1])).toEqual(findings.map((f) => f.ref));
    // The appendix has every measure's figures, each measure once.
    const appendixText = pageTexts.slice(appendix).join(" ");
    for (const m of files.outline.appendix.blocks.filter((b) => b.kind === "heading" && b.level === 3 && /^M\d+:/.test(b.text))) {
      expect(appendixText.split((m as { text: string }).text).length - 1, (m as { text: string }).text).toBe(1);
    }
  });

  it("is a tagged PDF in British English that shows its title, with every word drawn inside a tag", () => {
    expect(structure.marked).toBe(true);
    expect(structure.lang).toBe("en-GB");
    expect(Buffer.from(files.pdfBytes).toString("latin1")).toMatch(/\/DisplayDocTitle true/);
    expect(files.pdf.title).toBe("Northbridge board pack: Current state");
    expect(structure.untagged.flat()).toEqual([]);
    for (const page of structure.pages) expect(page.children.map((c) => c.role)).toEqual(["Document"]);
  });

  it("tags the headings in reading order: the summary, the exceptions, each finding, then the appendix", () => {
    const elements = elementsOf(structure);
    expect(withRole(elements, "H1").map((h) => h.text)).toEqual([
      "Board pack: Current state",
      "Exceptions",
      ...findings.map((f) => normaliseSpace(`Finding ${f.ref}: ${f.summary}`)),
      "Appendix: full tables",
    ]);
    const summary = structElements(structure.pages[0]!);
    expect(withRole(summary, "H2").map((h) => h.text)).toEqual([
      "Where each finding stands",
      "Key messages",
      "Top exceptions",
      "Decisions the board is asked to make",
      "The forum's view, in its own words",
    ]);
    expect(withRole(elements, "H3").length).toBeGreaterThan(5);
  });

  it("tags the findings' position as a table with header cells, each status in words beside its colour", () => {
    const summary = structElements(structure.pages[0]!);
    const table = withRole(summary, "Table")[1]!;
    const rows = withRole(structElements(table), "TR");
    expect(rows[0]!.children.map((c) => [c.role, c.text])).toEqual([
      ["TH", "Finding"],
      ["TH", "Delivery"],
      ["TH", "Impact"],
      ["TH", "Forum's verdict"],
      ["TH", "Adviser's view"],
    ]);
    expect(rows.slice(1).map((r) => r.children.map((c) => c.role))).toEqual(findings.map(() => ["TD", "TD", "TD", "TD", "TD"]));
    expect(rows.slice(1).map((r) => [r.children[1]!.text, r.children[2]!.text])).toEqual(
      files.pack.state.findings.map((f) => [FINDING_DELIVERY[f.delivery.status], FINDING_IMPACT[f.impact.status]]),
    );
  });

  it("gives every chart and sparkline a Figure with alternative text, in the table row or section it belongs to", () => {
    const elements = elementsOf(structure);
    const figures = withRole(elements, "Figure");
    for (const figure of figures) expect(figure.alt?.length).toBeGreaterThan(20);
    // A sparkline per measure, each measure once, in the row that names it.
    const sparklines = figures.filter((f) => f.alt!.startsWith("Trend of "));
    const measures = [...new Set(files.pack.state.findings.flatMap((f) => f.measures.map((m) => m.ref)))];
    expect(sparklines.map((f) => /^Trend of (\S+):/.exec(f.alt!)?.[1]).sort()).toEqual([...measures].sort());
    for (const row of withRole(elements, "TR").filter((r) => structElements(r).some((e) => e.role === "Figure"))) {
      const [name, trend] = row.children;
      expect(trend!.children.map((c) => c.role)).toEqual(["Figure"]);
      expect(trend!.children[0]!.alt).toMatch(new RegExp(`^Trend of ${name!.text.split(":")[0]}:`));
    }
    // A small chart of each measure off track, under the exceptions' heading for them.
    const exceptions = elementsOf({ ...structure, pages: [structure.pages[1]!] });
    const charts = withRole(exceptions, "Figure");
    const offTrack = [...new Set(files.pack.state.findings.flatMap((f) => f.measures.filter((m) => m.status === "OFF_TRACK").map((m) => m.ref)))];
    expect(charts).toHaveLength(offTrack.length);
    for (const chart of charts) expect(chart.alt).toMatch(/^Latest /);
    const order = exceptions.map((e) => (e.role === "Figure" ? "Figure" : e.role === "H2" ? e.text : null)).filter(Boolean);
    expect(order.indexOf("Measures off track")).toBeLessThan(order.indexOf("Figure"));
    expect(files.pdf.images).toBe(offTrack.length);
  });

  it("gives the Word file the same outline: heading styles, tables with header rows, pictures with alternative text", async () => {
    for (const f of findings) expect(files.docx.html).toContain(`<h1>Finding ${f.ref}: `);
    expect(files.docx.html).toContain("<h1>Exceptions</h1>");
    expect(files.docx.html).toContain("<h2>Where each finding stands</h2>");
    expect(files.docx.html).toContain("<h3>");
    const xml = await readDocxPart(files.docxBytes);
    for (const style of ["Heading1", "Heading2", "Heading3"]) expect(xml).toContain(`<w:pStyle w:val="${style}"/>`);
    const tables = allParts(files.outline).flatMap((p) => p.blocks).filter((b) => b.kind === "table");
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(tables.length);
    const alts = [...files.docx.html.matchAll(/<img [^>]*alt="([^"]*)"/g)].map((m) => m[1]!);
    const measures = new Set(files.pack.state.findings.flatMap((f) => f.measures.map((m) => m.id)));
    expect(alts).toHaveLength(files.pdf.images + measures.size);
    for (const alt of alts) expect(alt).toMatch(/^(Latest|Trend of )/);
    expect(xml.match(/<wp:docPr [^>]*descr="[^"]{20,}"/g)).toHaveLength(alts.length);
  });

  it("writes the RAG and statuses in words wherever it colours them", async () => {
    const toned = allParts(files.outline).flatMap((p) =>
      p.blocks.flatMap((b) => (b.kind === "table" ? b.rows.flat() : b.kind === "facts" ? b.rows.map((r) => r[1]) : [])).filter((c) => typeof c !== "string" && "tone" in c),
    ) as Array<{ text: string }>;
    expect(toned.length).toBeGreaterThan(40);
    const pdfText = files.pdf.text;
    for (const { text } of toned) {
      expect(pdfText).toContain(text);
      expect(files.docx.text).toContain(text);
    }
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
    for (const a of red) expect(files.pdf.pageTexts[1]).toContain(normaliseSpace(a.latestUpdate!.narrative));
  });

  it("carries the pack's title in the PDF's properties, and page numbers in its footer", () => {
    expect(files.pdf.title).toBe("Northbridge board pack: Current state");
    expect(files.pdf.text).toContain(`Page 1 of ${files.pdf.pages}`);
  });
});

describe("the colours behind a status", () => {
  it("give their text a contrast of at least 4.5:1", () => {
    for (const [tone, { fill, text }] of Object.entries(TONES)) expect(contrastRatio(fill, text), tone).toBeGreaterThanOrEqual(4.5);
    // The check itself, against WCAG's published figures.
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#d4351c", "#ffffff")).toBeCloseTo(4.86, 1);
    expect(contrastRatio("#ffdd00", "#ffffff")).toBeLessThan(4.5);
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
  const keyMessages = `Waits are falling but the backlog is the main risk ${uniq()}.\nThe forum is not yet convinced.`;
  const decisions = `Agree two more coordinator posts ${uniq()}`;

  beforeAll(async () => {
    const area = await createAreaWithPlan(db, { finding: { summary: `Families waited too long ${uniq()}` } });
    slug = area.slug;
    lead = await authed(await createMember(db, area.localAreaId, "LEAD"));
    forum = await authed(await createMember(db, area.localAreaId, "FORUM"));
    const adviser = await createUser(db);
    snapshotId = (await takeSnapshot(lead, { slug, label: "Improvement board 12 March", keyMessages, decisions })).id;
    await createEvidence(db, { actionId: area.actionId, title: internalTitle, visibility: "INTERNAL" });
    await createEvidence(db, { actionId: area.actionId, title: partnersTitle, visibility: "PARTNERS" });
    await db.adviserNote.create({ data: { localAreaId: area.localAreaId, findingId: area.findingId, authorId: adviser.id, view: "AT_RISK", date: new Date(), note } });
  }, 60_000);

  it("prints the snapshot as the first one, under its label, with its key messages and decisions on the first page", async () => {
    const { pdf, docx } = await bothFiles(lead, { slug, snapshotId });
    for (const text of [pdf.text, docx.text]) {
      expect(text).toContain("Board pack: Improvement board 12 March");
      expect(text).toContain("This is the first snapshot");
    }
    for (const line of keyMessages.split("\n")) {
      expect(pdf.pageTexts[0]).toContain(line);
      expect(docx.text).toContain(line);
    }
    expect(pdf.pageTexts[0]).toContain(decisions);
    expect(docx.text).toContain(decisions);
  }, 60_000);

  it("says on the current state's first page that no key messages or decisions were written", async () => {
    const { pdf } = await bothFiles(lead, { slug });
    expect(pdf.pageTexts[0]).toContain("No key messages were written: this pack is the plan's current state, not a snapshot.");
    expect(pdf.pageTexts[0]).toContain("No decisions were written: this pack is the plan's current state, not a snapshot.");
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

  it("sends the PDF the same way, its length as sent", async () => {
    const response = await get(await demoUser("viewer@northbridge.example"), "northbridge", "?format=pdf");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="northbridge-board-pack-\d{4}-\d{2}-\d{2}\.pdf"$/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Number(response.headers.get("content-length"))).toBe(bytes.length);
    expect((await readPdf(bytes)).title).toBe("Northbridge board pack: Current state");
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
