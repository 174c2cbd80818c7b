/**
 * The PDF renderer's own rules, on the small hand-built pack: what it does with a table row taller
 * than a page, and that every word it draws is inside a tag.
 */
import { describe, expect, it } from "vitest";
import { boardPackContent } from "@/server/services/board-pack/content";
import { readPdf, readPdfStructure, structElements } from "@/server/services/board-pack/document-text";
import { renderBoardPackPdf } from "@/server/services/board-pack/pdf";
import { findingOne, pack, state } from "@/server/testing/test-pack";

describe("a table row taller than a page", () => {
  // An owner's update of 700 numbered words: far more than a page of the exceptions' column holds.
  const words = Array.from({ length: 700 }, (_, i) => `w${i + 1}`);
  const long = { ...findingOne.actions[0]!, latestUpdate: { at: "2026-03-02T09:00:00.000Z", narrative: words.join(" "), authorName: "Tom Baker" } };
  const outline = boardPackContent(pack({ state: { ...state, findings: [{ ...findingOne, actions: [long, ...findingOne.actions.slice(1)] }] } }));

  it("carries on onto the next page, every word kept in order, under the table's header repeated as an artifact", async () => {
    const bytes = await renderBoardPackPdf(outline);
    const { pageTexts } = await readPdf(bytes);
    const exceptions = pageTexts.findIndex((t) => t.startsWith("Exceptions"));
    const drawn = pageTexts.slice(exceptions).join(" ").match(/\bw\d+\b/g);
    expect(drawn).toEqual(words);
    // It starts on the exceptions' page and runs over at least one more.
    expect(pageTexts[exceptions]).toContain("w1 w2 w3");
    expect(pageTexts[exceptions + 1]).toMatch(/^Action Owner RAG Owner's latest update Posted/);

    const structure = await readPdfStructure(bytes);
    expect(structure.untagged.flat()).toEqual([]);
    const cellsOn = (page: number) => structElements(structure.pages[page]!).filter((e) => e.role === "TD" || e.role === "TH");
    // The second page carries the same cell on: the header drawn again is no header cell of its own, and the update's words are its cell's.
    expect(cellsOn(exceptions + 1).filter((e) => e.role === "TH" && e.text === "Owner's latest update")).toEqual([]);
    expect(cellsOn(exceptions).filter((e) => e.role === "TH" && e.text === "Owner's latest update")).toHaveLength(1);
    expect(cellsOn(exceptions + 1).some((e) => /^w\d+ w\d+/.test(e.text))).toBe(true);
  });
});
