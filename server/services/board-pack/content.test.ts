import { describe, expect, it } from "vitest";
import { boardPackContent, chartFigures } from "@/server/services/board-pack/content";
import { allParts, cellText, type Block, type BoardPackOutline, type Cell, type Part } from "@/server/services/board-pack/outline";
import { DELIVERY_RAG, FINDING_DELIVERY, FINDING_IMPACT, MEASURE_STATUS } from "@/lib/labels";
import { findingOne, findingTwo, noChanges, offTrackChart, pack, state } from "@/server/testing/test-pack";
import { stateForViewer } from "@/server/services/plans/plan-state";
import { planJourney, type JourneyInspection } from "@/server/domain/plan-journey";
import type { PlanState, VerdictState } from "@/server/domain/plan-state";
import type { BoardPack } from "@/server/services/snapshots/snapshots";

type Table = Extract<Block, { kind: "table" }>;

const words = (block: Block): string[] => {
  switch (block.kind) {
    case "heading":
    case "paragraph":
      return [block.text];
    case "list":
      return block.items;
    case "quote":
      return [block.text, block.source];
    case "facts":
      return block.rows.flatMap(([label, value]) => [label, cellText(value)]);
    case "table":
      return [...block.columns.map((c) => c.header), ...block.rows.flat().map(cellText)];
    case "chart":
      return [block.title, block.description];
  }
};
const textOf = (blocks: Block[]) => blocks.flatMap(words).join("\n");
const everything = (o: BoardPackOutline) => textOf(allParts(o).flatMap((p) => p.blocks));

/** The part whose first level-1 heading starts with `heading`, the appendix included. */
function part(outline: BoardPackOutline, heading: string): Part {
  const found = allParts(outline).find((p) => p.blocks.some((b) => b.kind === "heading" && b.level === 1 && b.text.startsWith(heading)));
  if (!found) throw new Error(`No part headed "${heading}"`);
  return found;
}

/** The blocks under the heading that starts with `heading`, up to the next heading of its level or above. */
function section(p: Part, heading: string): Block[] {
  const start = p.blocks.findIndex((b) => b.kind === "heading" && b.level > 1 && b.text.startsWith(heading));
  if (start < 0) throw new Error(`No section "${heading}"`);
  const level = (p.blocks[start] as Extract<Block, { kind: "heading" }>).level;
  const end = p.blocks.findIndex((b, i) => i > start && b.kind === "heading" && b.level <= level);
  return p.blocks.slice(start + 1, end < 0 ? undefined : end);
}

const tables = (blocks: Block[]) => blocks.filter((b): b is Table => b.kind === "table");
const texts = (rows: Cell[][]) => rows.map((r) => r.map(cellText));

/** The summary's particulars, as [label, value] rows. */
const particulars = (o: BoardPackOutline) => o.parts[0]!.blocks.flatMap((b) => (b.kind === "facts" ? b.rows.map(([l, v]) => [l, cellText(v)]) : []));

const snapshot = (o: Partial<NonNullable<BoardPack["snapshot"]>> = {}): BoardPack["snapshot"] => ({
  id: "s",
  label: "Improvement board 12 March",
  takenAt: new Date("2026-03-12"),
  takenBy: "Priya Shah",
  keyMessages: null,
  decisions: null,
  ...o,
});

describe("the board pack's summary page", () => {
  const outline = boardPackContent(pack());
  const summary = outline.parts[0]!;

  it("opens with the pack's title, the days to the revisit and the day it is as at", () => {
    expect(summary.blocks.find((b) => b.kind === "heading")).toEqual({ kind: "heading", level: 1, text: "Board pack: Current state" });
    expect(textOf(summary.blocks)).toContain("Written statement of action: Northbridge written statement of action");
    expect(particulars(outline)).toEqual([
      ["Revisit", "1 August 2026 (estimated): 142 days to go"],
      ["As at", "12 March 2026: the plan's current state, not a snapshot"],
      ["Compared with", "No snapshot taken yet"],
    ]);
    expect(outline.title).toBe("Northbridge board pack: Current state");
  });

  it("gives each finding's delivery and impact side by side, each in words on its colour, with the forum's and the adviser's verdicts", () => {
    const [grid] = tables(section(summary, "Where each finding stands"));
    expect(grid!.columns.map((c) => c.header)).toEqual(["Finding", "Delivery", "Impact", "Forum's verdict", "Adviser's view"]);
    expect(grid!.rows).toEqual([
      [`1. ${findingOne.summary}`, { text: "Red: off track", tone: "red" }, { text: "Off track", tone: "red" }, "Disagree; 1 disagreement", "At risk"],
      [`2. ${findingTwo.summary}`, { text: "Green: on track", tone: "green" }, { text: "On track", tone: "green" }, "No verdict yet", "None yet"],
    ]);
  });

  it("names a finding in the summary by its summary's first sentence", () => {
    const long = { ...findingOne, summary: "Families waited far too long for EHC plans. Many plans were not good enough." };
    const [grid] = tables(section(boardPackContent(pack({ state: { ...state, findings: [long] } })).parts[0]!, "Where each finding stands"));
    expect(cellText(grid!.rows[0]![0]!)).toBe("1. Families waited far too long for EHC plans.");
  });

  it("prints the key messages and decisions written with the snapshot, a list when there are several", () => {
    const written = boardPackContent(
      pack({
        title: "Improvement board 12 March",
        snapshot: snapshot({ keyMessages: "Timeliness is rising but below the trajectory.\n\nThe forum disagrees with one claim.", decisions: "Agree two more coordinator posts." }),
      }),
    ).parts[0]!;
    expect(section(written, "Key messages")).toEqual([{ kind: "list", items: ["Timeliness is rising but below the trajectory.", "The forum disagrees with one claim."] }]);
    expect(section(written, "Decisions the board is asked to make")).toEqual([{ kind: "paragraph", text: "Agree two more coordinator posts." }]);
  });

  it("says plainly when no key messages or decisions were written", () => {
    const bare = boardPackContent(pack({ title: "Improvement board 12 March", snapshot: snapshot() })).parts[0]!;
    expect(section(bare, "Key messages")).toEqual([{ kind: "paragraph", text: "No key messages were written for this pack.", muted: true }]);
    expect(section(bare, "Decisions the board is asked to make")).toEqual([{ kind: "paragraph", text: "No decisions were written for this pack.", muted: true }]);
    expect(textOf(section(summary, "Key messages"))).toBe("No key messages were written: this pack is the plan's current state, not a snapshot.");
    expect(textOf(section(summary, "Decisions the board is asked to make"))).toBe("No decisions were written: this pack is the plan's current state, not a snapshot.");
  });

  it("lists the top exceptions: measures off track, then red actions and actions overdue for an update", () => {
    expect(section(summary, "Top exceptions")).toEqual([
      {
        kind: "list",
        items: [
          "M1 EHC plans issued within 20 weeks: off track, 14% against 38.1% expected.",
          "1.1 Recruit more EHC coordinators (Tom Baker): Red: off track.",
          "1.2 Quality-assure every new plan (Priya Shah): Red: off track (set by hand).",
        ],
      },
    ]);
    const overdue = [1, 2, 3].map((n) => ({ ...findingTwo.actions[0]!, id: `o${n}`, ref: `2.${n}`, updateOverdue: true }));
    const many = { ...findingOne, actions: [...findingOne.actions, ...overdue] };
    const busy = boardPackContent(pack({ state: { ...state, findings: [many] } })).parts[0]!;
    const [list, more] = section(busy, "Top exceptions");
    expect(list).toMatchObject({ kind: "list", items: expect.arrayContaining(["2.1 Write a co-production charter with the forum (Tom Baker): update overdue."]) });
    expect((list as Extract<Block, { kind: "list" }>).items).toHaveLength(5);
    expect(more).toEqual({ kind: "paragraph", text: "And 1 more: all of them are under Exceptions, with the owners' commentary.", muted: true });
  });

  it("quotes the forum's latest current verdicts in its own words, newest first, never a superseded one", () => {
    const verdict = (id: string, createdAt: string, text: string): VerdictState => ({ ...state.verdicts[1]!, id, createdAt, text, on: `Action ${id}` });
    const three = boardPackContent(
      pack({ state: { ...state, verdicts: [...state.verdicts, verdict("2.1", "2026-03-05T10:00:00.000Z", "Newest."), verdict("1.3", "2026-02-01T10:00:00.000Z", "Oldest.")] } }),
    ).parts[0]!;
    expect(section(three, "The forum's view, in its own words")).toEqual([
      { kind: "quote", text: "Newest.", source: "Disagree, on Action 2.1; recognises consulting. 5 March 2026" },
      { kind: "quote", text: "Families were shown a finished draft. That is consultation at best.", source: "Disagree, on Action 1.1; recognises consulting. 1 March 2026" },
      { kind: "paragraph", text: "The forum's other current verdict is with the findings they are on.", muted: true },
    ]);
    expect(textOf(section(summary, "The forum's view"))).not.toContain("since superseded");
    const silent = boardPackContent(pack({ state: { ...state, verdicts: [] } })).parts[0]!;
    expect(section(silent, "The forum's view")).toEqual([{ kind: "paragraph", text: "The parent carer forum has not given a verdict yet." }]);
  });

  it("says what it is compared with: the snapshot before it and how many changes, or that there is none", () => {
    const changed = { ...noChanges, measureValues: [{ measureId: "m1", measureRef: "M1", measureName: "EHC plans", date: "2026-02-28", value: 14, previous: 12 }] };
    expect(particulars(boardPackContent(pack({ previous: { label: "Board 1 February", takenAt: new Date("2026-02-01"), changes: changed } })))).toContainEqual([
      "Compared with",
      "Board 1 February (1 February 2026): 1 change, listed in the appendix",
    ]);
    expect(particulars(boardPackContent(pack({ snapshot: snapshot() })))).toContainEqual(["Compared with", "Nothing earlier: this is the plan's first snapshot"]);
    expect(particulars(boardPackContent(pack({ snapshot: snapshot() })))).toContainEqual(["As at", "12 March 2026: a snapshot taken by Priya Shah"]);
  });

  it("once the revisit has happened, gives its outcome and letter, and each finding's judgement, never days past", () => {
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
    const facts = particulars(judgedOutline);
    expect(facts).toContainEqual(["Revisit", "Revisit 3 to 5 February 2026: sufficient progress in 1 of 2 areas"]);
    expect(facts).toContainEqual(["Where the plan is", "Draft > Submitted > Accepted > In delivery > Revisited (now)"]);
    expect(facts).toContainEqual(["Published letter", "https://reports.example/revisit.pdf"]);
    expect(textOf(judgedOutline.parts[0]!.blocks.filter((b) => b.kind === "facts"))).not.toMatch(/days ago|overdue/i);

    const [grid] = tables(section(judgedOutline.parts[0]!, "Where each finding stands"));
    expect(grid!.columns.map((c) => c.header).slice(0, 3)).toEqual(["Finding", "Judgement", "Delivery"]);
    expect(grid!.rows.map((r) => r[1])).toEqual([
      "Not sufficient progress (Revisit 3 to 5 February 2026; imported from the published letter)",
      "Sufficient progress (Revisit 3 to 5 February 2026)",
    ]);
    const one = textOf(part(judgedOutline, `Finding 1: ${findingOne.summary}`).blocks);
    expect(one).toContain("Judgement: Not sufficient progress (Revisit 3 to 5 February 2026; imported from the published letter).");
    expect(one).toContain("Published letter: https://reports.example/revisit.pdf");
  });

  it("says a follow-up past its date that has not happened is overdue; a snapshot from before that was known says days ago", () => {
    const late = { kind: "REVISIT" as const, date: "2026-03-02", isEstimate: true, daysToGo: -10 };
    expect(particulars(boardPackContent(pack({ state: { ...state, followUp: { ...late, happened: false, overdue: true } } })))).toContainEqual([
      "Revisit",
      "2 March 2026 (estimated): overdue by 10 days",
    ]);
    expect(particulars(boardPackContent(pack({ state: { ...state, followUp: late } })))).toContainEqual(["Revisit", "2 March 2026 (estimated): 10 days ago"]);
    // Before the journey was kept, the summary has no judgement column and no journey.
    expect(particulars(outline).map((r) => r[0])).not.toContain("Where the plan is");
  });

  it("leaves out the adviser's view for a reader who may not see it", () => {
    const forumPack = boardPackContent(pack({ state: stateForViewer(state, { readInternal: false, readAdviserNotes: false }) }));
    const [grid] = tables(section(forumPack.parts[0]!, "Where each finding stands"));
    expect(grid!.columns.map((c) => c.header)).not.toContain("Adviser's view");
    expect(everything(forumPack)).not.toContain("At risk");
  });
});

describe("the exceptions", () => {
  const exceptions = part(boardPackContent(pack()), "Exceptions");

  it("lists the red actions with their owner's latest commentary, in their own words, and not the amber ones", () => {
    const [red] = tables(section(exceptions, "Actions red or overdue for an update"));
    expect(red!.columns.map((c) => c.header)).toEqual(["Action", "Owner", "RAG", "Owner's latest update", "Posted"]);
    expect(red!.rows).toEqual([
      ["1.1: Recruit more EHC coordinators", "Tom Baker", { text: "Red: off track", tone: "red" }, "Two posts still vacant after the second round.", "2 March 2026"],
      [
        "1.2: Quality-assure every new plan (RAG set by hand: The audit found half the plans generic)",
        "Priya Shah",
        { text: "Red: off track (set by hand)", tone: "red" },
        "No update posted yet",
        "Never",
      ],
    ]);
    expect(textOf(exceptions.blocks)).not.toContain("Amber commentary");
  });

  it("lists an action whose update is overdue, saying so, even when it is not red", () => {
    const overdue = { ...findingTwo, actions: findingTwo.actions.map((a) => ({ ...a, updateOverdue: true, latestUpdate: { at: "2026-01-02T09:00:00.000Z", narrative: "Drafting with the forum.", authorName: "Tom Baker" } })) };
    const part2 = part(boardPackContent(pack({ state: { ...state, findings: [findingOne, overdue] } })), "Exceptions");
    const [red] = tables(section(part2, "Actions red or overdue for an update"));
    expect(red!.rows.at(-1)).toEqual([
      "2.1: Write a co-production charter with the forum",
      "Tom Baker",
      { text: "Green: on track", tone: "green" },
      "Drafting with the forum.",
      "2 January 2026. Update overdue",
    ]);
  });

  it("lists the measures off track, rounded as people write them, each with a small chart and its alternative text", () => {
    const measures = section(exceptions, "Measures off track");
    const [offTrack] = tables(measures);
    // Expected on 28 February 2026: 4% + (60 - 4) × 334 of the trajectory's 548 days = 38.13%, written 38.1%.
    expect(offTrack!.rows).toEqual([["M1: EHC plans issued within 20 weeks", "14% for February 2026 (provisional)", "38.1%", "60% by 30 September 2026", { text: "Off track", tone: "red" }]]);
    const charts = measures.filter((b) => b.kind === "chart");
    expect(charts).toEqual([
      {
        kind: "chart",
        chart: offTrackChart,
        title: "M1: EHC plans issued within 20 weeks",
        description: "Latest 14% (provisional) for February 2026, expected 38.1% by then. Target 60% by 30 September 2026. Baseline 4% in March 2025. Benchmark 50.3% (England average 2023).",
      },
    ]);
  });

  it("says so when nothing is red, overdue or off track", () => {
    const calm = part(boardPackContent(pack({ state: { ...state, findings: [findingTwo] } })), "Exceptions");
    expect(section(calm, "Actions red or overdue for an update")).toEqual([{ kind: "paragraph", text: "No action is red or overdue for an update." }]);
    expect(section(calm, "Measures off track")).toEqual([{ kind: "paragraph", text: "No measure is off track." }]);
  });
});

describe("a finding's page", () => {
  const outline = boardPackContent(pack());

  it("names every finding in a part of its own, with its delivery and impact in words on their colour and the rules behind them", () => {
    for (const f of state.findings) part(outline, `Finding ${f.ref}: ${f.summary}`);
    const facts = part(outline, "Finding 1").blocks.find((b) => b.kind === "facts")!;
    expect(facts).toEqual({
      kind: "facts",
      rows: [
        ["Delivery", { text: "Red: off track", tone: "red", note: "1 of 3 live actions is red." }],
        ["Impact", { text: "Off track", tone: "red", note: "1 measure is off track." }],
        ["Forum's verdict", "Disagree; recognises consulting (1 March 2026). 1 disagreement on it or its actions"],
        ["Adviser's view", "At risk (10 February 2026)"],
      ],
    });
  });

  it("lists a finding's actions with their RAG in words on its colour, marking one set by hand", () => {
    const [actions] = tables(section(part(outline, "Finding 1"), "Actions"));
    expect(actions!.columns.map((c) => c.header)).toEqual(["Ref", "Action", "Owner", "Due", "Progress", "RAG"]);
    expect(actions!.rows.map((r) => [r[0], r[5]])).toEqual([
      ["1.1", { text: "Red: off track", tone: "red" }],
      ["1.2", { text: "Red: off track (set by hand)", tone: "red" }],
      ["1.3", { text: "Amber: some slippage", tone: "amber" }],
    ]);
    expect(actions!.rows[0]).toEqual(["1.1", "Recruit more EHC coordinators", "Tom Baker", "31 December 2026", "50%", { text: "Red: off track", tone: "red" }]);
  });

  it("gives each measure a sparkline with its trend in words, beside its latest value, what was expected and the target", () => {
    const [measures] = tables(section(part(outline, "Finding 1"), "Measures"));
    expect(measures!.columns.map((c) => c.header)).toEqual(["Measure", "Trend", "Latest value", "Expected by then", "Target", "Status"]);
    expect(measures!.rows).toEqual([
      [
        "M1: EHC plans issued within 20 weeks",
        {
          sparkline: offTrackChart,
          alt: "Trend of M1: 2 values from 9% (September 2025) to 14% (February 2026), rising, the better way. Dashed: the trajectory over the same months, on its way to 60% by 30 September 2026.",
        },
        "14% for February 2026 (provisional)",
        "38.1%",
        "60% by 30 September 2026",
        { text: "Off track", tone: "red" },
      ],
    ]);
  });

  it("shows a measure that evidences two findings once, with the first, and names it with the other", () => {
    const shared = { ...findingTwo, measures: [...findingTwo.measures, findingOne.measures[0]!] };
    const o = boardPackContent(pack({ state: { ...state, findings: [findingOne, shared] } }));
    const sparklines = allParts(o)
      .flatMap((p) => tables(p.blocks))
      .flatMap((t) => t.rows.flat())
      .filter((c) => typeof c !== "string" && "sparkline" in c);
    expect(sparklines.map((c) => (c as { sparkline: { ref: string } }).sparkline.ref)).toEqual(["M1", "M2"]);
    const two = section(part(o, "Finding 2"), "Measures");
    expect(tables(two)[0]!.rows.map((r) => r[0])).toEqual(["M2: Parents who feel listened to"]);
    expect(two).toContainEqual({ kind: "paragraph", text: "Also measured by M1 EHC plans issued within 20 weeks (off track), shown with finding 1." });
    // The appendix gives its figures once, naming both findings.
    const figures = section(o.appendix, "Every measure's figures");
    expect(figures.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text)).toEqual(["M1: EHC plans issued within 20 weeks", "M2: Parents who feel listened to"]);
    expect(figures).toContainEqual({ kind: "paragraph", text: "Off track. Evidences findings 1 and 2.", muted: true });
  });

  it("quotes the forum's current verdicts on the finding and its actions, not superseded ones", () => {
    expect(section(part(outline, "Finding 1"), "What the forum said")).toEqual([
      { kind: "quote", text: "Families were shown a finished draft. That is consultation at best.", source: "Disagree, on Action 1.1; recognises consulting. 1 March 2026" },
    ]);
    expect(textOf(section(part(outline, "Finding 2"), "What the forum said"))).toBe("The forum has not given a verdict on this finding or its actions.");
  });

  it("prints a plan without findings, and a finding without actions or measures", () => {
    const empty = boardPackContent(pack({ state: { ...state, findings: [], verdicts: [], followUp: null } }));
    expect(textOf(section(empty.parts[0]!, "Where each finding stands"))).toContain("This plan has no findings yet.");
    expect(empty.parts).toHaveLength(2);
    expect(particulars(empty)).toContainEqual(["Revisit or monitoring inspection", "None scheduled"]);
    expect(textOf(section(empty.appendix, "Every action"))).toBe("This plan has no actions yet.");

    const bare = boardPackContent(pack({ state: { ...state, findings: [{ ...findingTwo, actions: [], measures: [] }] } }));
    const finding = part(bare, "Finding 2");
    expect(textOf(section(finding, "Actions"))).toBe("No actions under this finding yet.");
    expect(textOf(section(finding, "Measures"))).toBe("No measures evidence this finding yet.");
  });
});

describe("colour is never the only signal", () => {
  const labels = new Set<string>([...Object.values(DELIVERY_RAG), ...Object.values(FINDING_DELIVERY), ...Object.values(FINDING_IMPACT), ...Object.values(MEASURE_STATUS)]);

  it("writes every coloured status in words, and colours every RAG and status column", () => {
    const outline = boardPackContent(pack());
    const cells = allParts(outline).flatMap((p) => p.blocks.flatMap((b) => (b.kind === "table" ? b.rows.flat() : b.kind === "facts" ? b.rows.map((r) => r[1]) : [])));
    const toned = cells.filter((c): c is Extract<Cell, { tone: unknown }> => typeof c !== "string" && "tone" in c);
    expect(toned.length).toBeGreaterThan(10);
    for (const c of toned) expect(labels.has(c.text.replace(/ \(set by hand\)$/, "")), c.text).toBe(true);
    for (const t of allParts(outline).flatMap((p) => tables(p.blocks))) {
      for (const [i, column] of t.columns.entries()) {
        if (!["RAG", "Status", "Delivery", "Impact"].includes(column.header)) continue;
        // An action's lifecycle status (In progress) is words only; a RAG or a measure's status is words on its colour.
        if (column.header === "Status" && t.columns.some((c) => c.header === "Action")) continue;
        for (const row of t.rows) expect(typeof row[i] === "object" && "tone" in row[i]!, `${column.header}: ${cellText(row[i]!)}`).toBe(true);
      }
    }
  });
});

describe("the appendix", () => {
  const outline = boardPackContent(pack());

  it("lists every action of every finding in full", () => {
    const actions = section(outline.appendix, "Every action");
    expect(actions.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text)).toEqual([
      `Finding 1: ${findingOne.summary}`,
      `Finding 2: ${findingTwo.summary}`,
    ]);
    const [one] = tables(actions);
    expect(one!.columns.map((c) => c.header)).toEqual(["Ref", "Action", "Owner", "Lead organisation", "Status", "Progress", "Start", "Due", "RAG"]);
    expect(texts(one!.rows)[0]).toEqual(["1.1", "Recruit more EHC coordinators", "Tom Baker", "Northbridge City Council", "In progress", "50%", "1 April 2025", "31 December 2026", "Red: off track"]);
  });

  it("gives every point of each chart as a table of figures, in date order", () => {
    const figures = tables(section(outline.appendix, "M1: EHC plans issued within 20 weeks"))[0]!;
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

  it("prints the forum's current verdicts in full, not superseded ones", () => {
    expect(tables(section(outline.appendix, "The forum's current verdicts"))[0]!.rows).toEqual([
      ["Action 1.1", "Disagree", "Consulting", "Welcome and care", "Families were shown a finished draft. That is consultation at best.", "1 March 2026"],
    ]);
  });

  it("says when there is nothing to compare with", () => {
    expect(textOf(section(outline.appendix, "Changes since"))).toContain("No snapshot has been taken yet");
    const first = boardPackContent(pack({ snapshot: snapshot({ takenBy: null }) }));
    expect(textOf(section(first.appendix, "Changes since"))).toContain("This is the first snapshot");
    const unchanged = boardPackContent(pack({ previous: { label: "Board 1 February", takenAt: new Date("2026-02-01"), changes: noChanges } }));
    expect(textOf(section(unchanged.appendix, "Changes since Board 1 February (1 February 2026)"))).toContain("Nothing has changed since then.");
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
    const changes = section(changed.appendix, "Changes since Board 1 February");
    const under = (heading: string) => {
      const start = changes.findIndex((b) => b.kind === "heading" && b.text === heading);
      return tables(changes.slice(start + 1, start + 2))[0]!;
    };
    expect(under("Actions changed").rows).toEqual([
      ["1.1", "Recruit more EHC coordinators", "RAG: from Amber: some slippage to Red: off track; Progress: from 40% to 50%; Completed: from not set to 1 March 2026"],
    ]);
    expect(under("New evidence").rows[0]).toEqual(["Recruitment tracker", "Action 1.1", "Activity", "Internal", "Accepted", "20 February 2026"]);
    expect(under("New measure values").rows[0]).toEqual(["M1: EHC plans issued within 20 weeks", "28 February 2026", "14% (revised from 12%)"]);
    expect(textOf(changes)).toContain("That is consultation at best.");
    expect(under("New adviser notes").rows[0]).toEqual(["The whole plan", "At risk", "Impact evidence is thin.", "10 February 2026"]);
  });
});
