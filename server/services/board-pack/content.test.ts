import { describe, expect, it } from "vitest";
import { boardPackContent, chartFigures } from "@/server/services/board-pack/content";
import type { Block, BoardPackOutline, Part } from "@/server/services/board-pack/outline";
import { findingOne, findingTwo, noChanges, pack, state } from "@/server/testing/test-pack";
import { stateForViewer } from "@/server/services/plans/plan-state";
import { planJourney, type JourneyInspection } from "@/server/domain/plan-journey";
import type { PlanState } from "@/server/domain/plan-state";

type Table = Extract<Block, { kind: "table" }>;

const words = (block: Block): string[] => {
  switch (block.kind) {
    case "heading":
    case "paragraph":
      return [block.text];
    case "facts":
      return block.rows.flat();
    case "table":
      return [...block.columns.map((c) => c.header), ...block.rows.flat()];
    case "chart":
      return [block.title, block.description];
  }
};
const textOf = (blocks: Block[]) => blocks.flatMap(words).join("\n");

/** The part whose first heading starts with `heading`. */
function part(outline: BoardPackOutline, heading: string): Part {
  const found = outline.parts.find((p) => p.blocks.some((b) => b.kind === "heading" && b.level === 1 && b.text.startsWith(heading)));
  if (!found) throw new Error(`No part headed "${heading}"`);
  return found;
}

/** The blocks under a level-2 heading, up to the next one. */
function section(p: Part, heading: string): Block[] {
  const start = p.blocks.findIndex((b) => b.kind === "heading" && b.level === 2 && b.text === heading);
  if (start < 0) throw new Error(`No section "${heading}"`);
  const end = p.blocks.findIndex((b, i) => i > start && b.kind === "heading" && b.level <= 2);
  return p.blocks.slice(start + 1, end < 0 ? undefined : end);
}

const tables = (blocks: Block[]) => blocks.filter((b): b is Table => b.kind === "table");

/** The cover's facts, as [label, value] rows. */
const outlineCover = (o: BoardPackOutline) => o.parts[0]!.blocks.flatMap((b) => (b.kind === "facts" ? b.rows : []));

describe("the board pack's content", () => {
  const outline = boardPackContent(pack());

  it("names every finding in the readiness grid and in a part of its own", () => {
    const grid = tables(part(outline, "Readiness at a glance").blocks)[0]!;
    expect(grid.rows.map((r) => r.slice(0, 2))).toEqual([
      ["1", findingOne.summary],
      ["2", findingTwo.summary],
    ]);
    for (const f of state.findings) part(outline, `Finding ${f.ref}: ${f.summary}`);
  });

  it("puts the area, plan, date and days to the revisit on the cover", () => {
    const cover = textOf(outline.parts[0]!.blocks);
    expect(cover).toContain("Board pack: Current state");
    expect(cover).toContain("Written statement of action: Northbridge written statement of action");
    expect(outline.parts[0]!.blocks).toContainEqual({
      kind: "facts",
      rows: expect.arrayContaining([
        ["As at", "12 March 2026"],
        ["Revisit", "1 August 2026 (estimated): 142 days to go"],
        ["Taken by", expect.stringContaining("Not a snapshot")],
      ]),
    });
    expect(outline.title).toBe("Northbridge board pack: Current state");
  });

  it("once the revisit has happened, puts its outcome and letter on the cover and each finding's judgement in the grid and its part, never days past", () => {
    const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
    const revisit: JourneyInspection = { id: "r", kind: "REVISIT", startDate: day("2026-02-03"), endDate: day("2026-02-05"), reportUrl: "https://reports.example/revisit.pdf" };
    const journey = planJourney({
      status: "REVISITED",
      type: "WSOA",
      framework: "FRAMEWORK_2016",
      followUp: { ...revisit, expectedDate: day("2026-01-10"), dateIsEstimate: true },
      findings: [
        { judgement: "NOT_SUFFICIENT", judgementDate: day("2026-03-01"), judgementSource: null, judgementInspection: revisit },
        { judgement: "SUFFICIENT", judgementDate: day("2026-03-01"), judgementSource: null, judgementInspection: revisit },
      ],
      now: day("2026-03-12"),
    });
    const inspection = { kind: "REVISIT" as const, startDate: "2026-02-03", endDate: "2026-02-05" };
    const judged: PlanState = {
      ...state,
      plan: { ...state.plan, status: "REVISITED" },
      followUp: { kind: "REVISIT", date: "2026-02-03", isEstimate: false, daysToGo: -37, happened: true, overdue: false },
      journey,
      findings: [
        { ...findingOne, judgement: { judgement: "NOT_SUFFICIENT", date: "2026-03-01", letterUrl: revisit.reportUrl, imported: true, inspection } },
        { ...findingTwo, judgement: { judgement: "SUFFICIENT", date: "2026-03-01", letterUrl: revisit.reportUrl, imported: false, inspection } },
      ],
    };
    const judgedOutline = boardPackContent(pack({ state: judged }));
    const cover = outlineCover(judgedOutline);
    expect(cover).toContainEqual(["Revisit", "Revisit 3 to 5 February 2026: sufficient progress in 1 of 2 areas"]);
    expect(cover).toContainEqual(["Where the plan is", "Draft > Submitted > Accepted > In delivery > Revisited (now)"]);
    expect(cover).toContainEqual(["Published letter", "https://reports.example/revisit.pdf"]);
    expect(textOf(judgedOutline.parts[0]!.blocks)).not.toMatch(/days ago|overdue/i);

    const grid = tables(part(judgedOutline, "Readiness at a glance").blocks)[0]!;
    expect(grid.columns.map((c) => c.header).slice(0, 4)).toEqual(["Finding", "Summary", "Judgement", "Delivery"]);
    expect(grid.rows.map((r) => r[2])).toEqual([
      "Not sufficient progress (Revisit 3 to 5 February 2026; imported from the published letter)",
      "Sufficient progress (Revisit 3 to 5 February 2026)",
    ]);
    const one = textOf(part(judgedOutline, `Finding 1: ${findingOne.summary}`).blocks);
    expect(one).toContain("Judgement: Not sufficient progress (Revisit 3 to 5 February 2026; imported from the published letter).");
    expect(one).toContain("Published letter: https://reports.example/revisit.pdf");
  });

  it("says a follow-up past its date that has not happened is overdue; a snapshot from before that was known says days ago", () => {
    const late = { kind: "REVISIT" as const, date: "2026-03-02", isEstimate: true, daysToGo: -10 };
    expect(outlineCover(boardPackContent(pack({ state: { ...state, followUp: { ...late, happened: false, overdue: true } } })))).toContainEqual([
      "Revisit",
      "2 March 2026 (estimated): overdue by 10 days",
    ]);
    expect(outlineCover(boardPackContent(pack({ state: { ...state, followUp: late } })))).toContainEqual(["Revisit", "2 March 2026 (estimated): 10 days ago"]);
    // Before the journey was kept, the grid has no judgement column and the cover no journey.
    expect(outlineCover(outline).map((r) => r[0])).not.toContain("Where the plan is");
  });

  it("says who took a snapshot", () => {
    const snap = boardPackContent(pack({ title: "Board 12 March", snapshot: { id: "s", label: "Board 12 March", takenAt: new Date("2026-03-12"), takenBy: "Priya Shah" } }));
    expect(snap.parts[0]!.blocks).toContainEqual({ kind: "facts", rows: expect.arrayContaining([["Taken by", "Priya Shah"]]) });
  });

  it("shows the readiness grid's delivery, impact, forum and adviser columns in words", () => {
    const grid = tables(part(outline, "Readiness at a glance").blocks)[0]!;
    expect(grid.columns.map((c) => c.header)).toEqual(["Finding", "Summary", "Delivery", "Impact", "Forum's verdict", "Adviser's view", "Disagreements"]);
    expect(grid.rows[0]!.slice(2)).toEqual(["Red: off track", "Off track", "Disagree; recognises consulting (1 March 2026)", "At risk (10 February 2026)", "1"]);
    expect(grid.rows[1]!.slice(2)).toEqual(["Green: on track", "On track", "No verdict yet", "None yet", "None"]);
  });

  it("leaves out the adviser's view for a reader who may not see it", () => {
    const forumPack = pack({ state: stateForViewer(state, { readInternal: false, readAdviserNotes: false }) });
    const grid = tables(part(boardPackContent(forumPack), "Readiness at a glance").blocks)[0]!;
    expect(grid.columns.map((c) => c.header)).not.toContain("Adviser's view");
    expect(textOf(boardPackContent(forumPack).parts.flatMap((p) => p.blocks))).not.toContain("At risk");
  });

  it("lists a finding's actions with their RAG in words, marking one set by hand", () => {
    const [actions] = tables(section(part(outline, "Finding 1"), "Actions"));
    expect(actions!.rows.map((r) => [r[0], r[7]])).toEqual([
      ["1.1", "Red: off track"],
      ["1.2", "Red: off track (set by hand)"],
      ["1.3", "Amber: some slippage"],
    ]);
    expect(actions!.rows[0]).toEqual(["1.1", "Recruit more EHC coordinators", "Tom Baker", "Northbridge City Council", "In progress", "50%", "31 December 2026", "Red: off track"]);
  });

  // Expected on 28 February 2026: 4% + (60 - 4) × 334 of the trajectory's 548 days = 38.13%.
  it("charts each measure with its latest value, what was expected and the target", () => {
    const measures = section(part(outline, "Finding 1"), "Measures");
    expect(measures.filter((b) => b.kind === "chart").map((b) => b.kind === "chart" && b.chart.ref)).toEqual(["M1"]);
    expect(tables(measures)[0]!.rows).toEqual([["14% for February 2026 (provisional)", "38.13%", "60% by 30 September 2026", "Off track"]]);
  });

  it("gives every point of each chart as a table of figures after it, in date order", () => {
    const measures = section(part(outline, "Finding 1"), "Measures");
    const figures = tables(measures)[1]!;
    expect(figures.columns.map((c) => c.header)).toEqual(["Date", "Figures for M1", "Value"]);
    expect(figures.rows).toEqual([
      ["31 March 2025", "Baseline", "4%"],
      ["30 September 2025", "Value (validated)", "9%"],
      ["28 February 2026", "Value (provisional)", "14%"],
      ["30 September 2026", "Target", "60%"],
      ["31 December 2023", "Benchmark: England average 2023", "50.3%"],
    ]);
  });

  it("lists the day the plan changed under a carried measure among the figures, in date order", () => {
    const chart = findingOne.measures[0]!.chart;
    const rows = chartFigures({ ...chart, planChange: { date: "2025-10-01", label: "Accelerated progress plan starts" } }).rows;
    expect(rows.map((r) => r[1])).toEqual(["Baseline", "Value (validated)", "Accelerated progress plan starts", "Value (provisional)", "Target", "Benchmark: England average 2023"]);
    expect(rows[2]).toEqual(["1 October 2025", "Accelerated progress plan starts", ""]);
    expect(chartFigures(chart).rows.some((r) => r[1] === "Accelerated progress plan starts")).toBe(false);
  });

  it("lists as exceptions only the red actions, with their owner's latest commentary, and the measures off track", () => {
    const exceptions = section(part(outline, "Finding 1"), "Exceptions");
    const [red, offTrack] = tables(exceptions);
    expect(red!.rows).toEqual([
      ["1.1: Recruit more EHC coordinators", "Tom Baker", "Two posts still vacant after the second round.", "2 March 2026"],
      ["1.2: Quality-assure every new plan (set by hand: The audit found half the plans generic)", "Priya Shah", "No update posted yet", ""],
    ]);
    expect(offTrack!.rows.map((r) => r[0])).toEqual(["M1: EHC plans issued within 20 weeks"]);
    expect(textOf(exceptions)).not.toContain("Amber commentary");
  });

  it("says so when a finding has no exceptions", () => {
    expect(section(part(outline, "Finding 2"), "Exceptions")).toEqual([{ kind: "paragraph", text: "No red actions and no measures off track." }]);
  });

  it("prints the forum's current verdicts on the finding and its actions, not superseded ones", () => {
    const verdicts = section(part(outline, "Finding 1"), "Forum verdicts");
    expect(tables(verdicts)[0]!.rows).toEqual([
      ["Action 1.1", "Disagree", "Consulting", "Welcome and care", "Families were shown a finished draft. That is consultation at best.", "1 March 2026"],
    ]);
    expect(textOf(section(part(outline, "Finding 2"), "Forum verdicts"))).toContain("has not given a verdict");
  });

  it("says when there is nothing to compare with", () => {
    expect(textOf(part(outline, "Changes since").blocks)).toContain("No snapshot has been taken yet");
    const first = boardPackContent(pack({ snapshot: { id: "s", label: "Board", takenAt: new Date("2026-03-12"), takenBy: null } }));
    expect(textOf(part(first, "Changes since").blocks)).toContain("This is the first snapshot");
    const unchanged = boardPackContent(pack({ previous: { label: "Board 1 February", takenAt: new Date("2026-02-01"), changes: noChanges } }));
    expect(textOf(part(unchanged, "Changes since Board 1 February (1 February 2026)").blocks)).toContain("Nothing has changed since then.");
  });

  it("describes what changed since the previous snapshot in words", () => {
    const changed = boardPackContent(
      pack({
        previous: {
          label: "Board 1 February",
          takenAt: new Date("2026-02-01"),
          changes: {
            ...noChanges,
            actions: [{ id: "a11", ref: "1.1", title: "Recruit more EHC coordinators", findingRef: "1", changes: [
              { field: "rag", from: "AMBER", to: "RED" },
              { field: "progress", from: 40, to: 50 },
              { field: "completedAt", from: null, to: "2026-03-01" },
            ] }],
            evidence: [{ id: "e", title: "Recruitment tracker", kind: "ACTIVITY", visibility: "INTERNAL", reviewStatus: "ACCEPTED", createdAt: "2026-02-20T10:00:00.000Z", on: "Action 1.1" }],
            measureValues: [{ measureId: "m1", measureRef: "M1", measureName: "EHC plans issued within 20 weeks", date: "2026-02-28", value: 14, previous: 12 }],
            verdicts: [state.verdicts[1]!],
            adviserNotes: [{ id: "n", findingRef: null, view: "AT_RISK", date: "2026-02-10", note: "Impact evidence is thin.", authorName: "Martin Cole", createdAt: "2026-02-10T10:00:00.000Z" }],
          },
        },
      }),
    );
    const changes = part(changed, "Changes since Board 1 February");
    expect(tables(section(changes, "Actions changed"))[0]!.rows).toEqual([
      ["1.1", "Recruit more EHC coordinators", "RAG: from Amber: some slippage to Red: off track; Progress: from 40% to 50%; Completed: from not set to 1 March 2026"],
    ]);
    expect(tables(section(changes, "New evidence"))[0]!.rows[0]).toEqual(["Recruitment tracker", "Action 1.1", "Activity", "Internal", "Accepted", "20 February 2026"]);
    expect(tables(section(changes, "New measure values"))[0]!.rows[0]).toEqual(["M1: EHC plans issued within 20 weeks", "28 February 2026", "14% (revised from 12%)"]);
    expect(textOf(section(changes, "New forum verdicts"))).toContain("That is consultation at best.");
    expect(tables(section(changes, "New adviser notes"))[0]!.rows[0]).toEqual(["The whole plan", "At risk", "Impact evidence is thin.", "10 February 2026"]);
  });

  it("prints a plan without findings, and a finding without actions or measures", () => {
    const empty = boardPackContent(pack({ state: { ...state, findings: [], verdicts: [], followUp: null } }));
    expect(textOf(part(empty, "Readiness at a glance").blocks)).toContain("This plan has no findings yet.");
    expect(empty.parts).toHaveLength(3);
    expect(empty.parts[0]!.blocks).toContainEqual({ kind: "facts", rows: expect.arrayContaining([["Revisit or monitoring inspection", "None scheduled"]]) });

    const bare = boardPackContent(pack({ state: { ...state, findings: [{ ...findingTwo, actions: [], measures: [] }] } }));
    const finding = part(bare, "Finding 2");
    expect(textOf(section(finding, "Actions"))).toBe("No actions under this finding yet.");
    expect(textOf(section(finding, "Measures"))).toBe("No measures evidence this finding yet.");
  });
});
