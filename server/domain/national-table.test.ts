import { describe, expect, it } from "vitest";
import {
  ADVISER_VIEW_FILTERS,
  advisersOf,
  changeSince,
  FIRST_DIR,
  FOLLOW_UP_FILTERS,
  headingDir,
  lastFollowUpText,
  matchesAdviserViewFilter,
  matchesFollowUpFilter,
  monthBefore,
  NATIONAL_SORT_KEYS,
  share,
  shareText,
  sortNationalRows,
  type AreaPlanFigures,
  type LastFollowUp,
  type NationalRow,
  type NationalSortKey,
  type SortDir,
} from "@/server/domain/national-table";
import type { AdviserView } from "@/server/generated/prisma/enums";

describe("share and shareText", () => {
  const cases: Array<{ part: number; whole: number; share: number | null; text: string }> = [
    { part: 3, whole: 26, share: 3 / 26, text: "3 of 26 (12%)" },
    { part: 0, whole: 5, share: 0, text: "0 of 5 (0%)" },
    { part: 5, whole: 5, share: 1, text: "5 of 5 (100%)" },
    { part: 1, whole: 8, share: 0.125, text: "1 of 8 (13%)" }, // 12.5 rounds half up
    { part: 1, whole: 300, share: 1 / 300, text: "1 of 300 (less than 1%)" },
    { part: 299, whole: 300, share: 299 / 300, text: "299 of 300 (more than 99%)" },
    { part: 0, whole: 0, share: null, text: "0 of 0" },
  ];
  for (const c of cases) {
    it(`${c.part} of ${c.whole}`, () => {
      expect(share(c.part, c.whole)).toBe(c.share);
      expect(shareText(c.part, c.whole)).toBe(c.text);
    });
  }
});

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function plan(over: Partial<AreaPlanFigures> = {}): AreaPlanFigures {
  return {
    type: "WSOA",
    findings: 3,
    actions: { total: 10, red: 1, updateOverdue: 0 },
    measures: { total: 4, offTrack: 0 },
    daysSinceUpdate: 5,
    nextInspection: { kind: "REVISIT", date: d("2027-01-01"), isEstimate: false },
    delivery: "GREEN",
    impact: "ON_TRACK",
    monthAgo: null,
    ...over,
  };
}

function row(id: string, name: string, p: AreaPlanFigures | null, disagreements = 0, lastFollowUp: LastFollowUp | null = null): NationalRow {
  return { id, name, slug: id, region: "LONDON", plan: p, disagreements, lastFollowUp, adviserView: null, advisers: [] };
}

function viewed(r: NationalRow, view: AdviserView): NationalRow {
  return { ...r, adviserView: { view, date: d("2026-11-20"), findingRef: null } };
}

function judged(kind: LastFollowUp["kind"], positive: number, of: number, over: Partial<LastFollowUp> = {}): LastFollowUp {
  const word = kind === "REVISIT" ? "sufficient" : "effective";
  return { kind, judged: of, positive, complete: true, short: `${positive} of ${of} ${word}`, sentence: "", planType: "WSOA", ofCurrentPlan: true, ...over };
}

// Every column has a gap (an area without a plan at least), ties and distinct values.
const rows: NationalRow[] = [
  // Ashby's APP follows its WSOA's revisit, which found sufficient progress in 1 of 3 areas.
  viewed(row("a", "Ashby", plan({ type: "APP", findings: 5, actions: { total: 4, red: 3, updateOverdue: 3 }, measures: { total: 2, offTrack: 2 }, daysSinceUpdate: 40, nextInspection: null, delivery: "RED", impact: "OFF_TRACK" }), 2, judged("REVISIT", 1, 3, { ofCurrentPlan: false })), "UNLIKELY"),
  viewed(row("b", "Bexley", plan({ findings: 2, actions: { total: 10, red: 5, updateOverdue: 1 }, daysSinceUpdate: null, nextInspection: { kind: "REVISIT", date: d("2026-06-01"), isEstimate: true }, delivery: "AMBER", impact: "NO_DATA" })), "LIKELY_SUFFICIENT"),
  // An adviser's note on the area as a whole needs no plan.
  viewed(row("c", "Corby", null, 1), "AT_RISK"),
  row("d", "Dudley", plan({ type: "IMPROVEMENT_PLAN", findings: 2, actions: { total: 0, red: 0, updateOverdue: 0 }, measures: { total: 1, offTrack: 1 }, daysSinceUpdate: 3, nextInspection: { kind: "MONITORING", date: null, isEstimate: false }, delivery: "NO_ACTIONS", impact: "OFF_TRACK" }), 0, judged("MONITORING", 2, 3)),
  viewed(row("e", "ealing", plan({ actions: { total: 20, red: 10, updateOverdue: 0 }, measures: { total: 3, offTrack: 1 }, delivery: "RED", impact: "ON_TRACK" }), 2, judged("REVISIT", 4, 4)), "AT_RISK"),
];

describe("sortNationalRows", () => {
  const cases: Array<{ key: NationalSortKey; dir: SortDir; order: string }> = [
    // Names compare without regard to case.
    { key: "area", dir: "asc", order: "abcde" },
    { key: "area", dir: "desc", order: "edcba" },
    // By the words shown: Accelerated…, Improvement…, Written… (twice, then by name); no plan last.
    { key: "planType", dir: "asc", order: "adbec" },
    { key: "planType", dir: "desc", order: "bedac" },
    { key: "findings", dir: "desc", order: "aebdc" },
    { key: "findings", dir: "asc", order: "bdeac" },
    // Worst first: red, amber, green, complete; no live actions and no plan are empty, so last.
    { key: "delivery", dir: "desc", order: "aebcd" },
    { key: "delivery", dir: "asc", order: "baecd" },
    // Off track, slightly behind, no recent data, on track; no plan last.
    { key: "impact", dir: "desc", order: "adbec" },
    { key: "impact", dir: "asc", order: "ebadc" },
    // Unlikely, at risk, likely sufficient; no view yet last.
    { key: "adviserView", dir: "desc", order: "acebd" },
    { key: "adviserView", dir: "asc", order: "bcead" },
    // Shares, not counts (Ealing has the most red actions): Bexley and Ealing are both at 50%, so by
    // name; no actions and no plan are both empty, so last and by name.
    { key: "red", dir: "desc", order: "abecd" },
    { key: "red", dir: "asc", order: "beacd" },
    { key: "offTrack", dir: "desc", order: "adebc" },
    { key: "offTrack", dir: "asc", order: "bdeac" },
    { key: "overdue", dir: "desc", order: "abdec" },
    { key: "overdue", dir: "asc", order: "debac" },
    // No update yet and no plan both sort last, by name.
    { key: "sinceUpdate", dir: "desc", order: "aedbc" },
    { key: "sinceUpdate", dir: "asc", order: "deabc" },
    // No follow-up, or one without a date, sorts last.
    { key: "nextInspection", dir: "asc", order: "beacd" },
    { key: "nextInspection", dir: "desc", order: "ebacd" },
    // By the share judged sufficient or effective, least first; not yet followed up (or no plan) last.
    { key: "lastFollowUp", dir: "asc", order: "adebc" },
    { key: "lastFollowUp", dir: "desc", order: "edabc" },
    // An area without a plan can still have the forum's disagreements.
    { key: "disagreements", dir: "desc", order: "aecbd" },
    { key: "disagreements", dir: "asc", order: "bdcae" },
  ];
  for (const c of cases) {
    it(`${c.key} ${c.dir}`, () => {
      expect(sortNationalRows(rows, c.key, c.dir).map((r) => r.id).join("")).toBe(c.order);
    });
  }

  it("covers every sort key", () => {
    expect(new Set(cases.map((c) => c.key))).toEqual(new Set(NATIONAL_SORT_KEYS));
  });

  it("gives the same order whatever order the rows come in, and leaves its input alone", () => {
    const reversed = [...rows].reverse();
    for (const key of NATIONAL_SORT_KEYS) {
      for (const dir of ["asc", "desc"] as const) {
        expect(sortNationalRows(reversed, key, dir)).toEqual(sortNationalRows(rows, key, dir));
      }
    }
    expect(reversed.map((r) => r.id).join("")).toBe("edcba");
  });

  it("breaks a tie of equal names by id", () => {
    const twins = [row("z2", "Same", null), row("z1", "Same", null)];
    expect(sortNationalRows(twins, "area", "desc").map((r) => r.id)).toEqual(["z1", "z2"]);
  });
});

describe("the last follow-up column", () => {
  it("says the outcome, or that the current plan is not yet revisited or monitored", () => {
    expect(rows.map(lastFollowUpText)).toEqual(["1 of 3 sufficient", "Not yet revisited", "No plan", "2 of 3 effective", "4 of 4 sufficient"]);
    // With no follow-up recorded, the plan's type says which it will be.
    expect(lastFollowUpText(row("f", "Fenland", plan({ type: "IMPROVEMENT_PLAN", nextInspection: null })))).toBe("Not yet monitored");
    expect(lastFollowUpText(row("g", "Gedling", plan({ type: "APP", nextInspection: null })))).toBe("Not yet revisited");
  });

  it.each([
    ["NOT_YET", "bc"],
    ["ALL_POSITIVE", "e"],
    ["SOME_NOT", "ad"],
  ] as const)("filters %s", (filter, want) => {
    expect(rows.filter((r) => matchesFollowUpFilter(r, filter)).map((r) => r.id).join("")).toBe(want);
  });

  it("puts every area in exactly one filter", () => {
    for (const r of rows) expect(FOLLOW_UP_FILTERS.filter((f) => matchesFollowUpFilter(r, f))).toHaveLength(1);
  });
});

describe("headingDir", () => {
  const cases: Array<{ key: NationalSortKey; sorted: { sort: NationalSortKey; dir: SortDir }; dir: SortDir }> = [
    { key: "red", sorted: { sort: "area", dir: "asc" }, dir: "desc" },
    { key: "red", sorted: { sort: "red", dir: "desc" }, dir: "asc" },
    { key: "red", sorted: { sort: "red", dir: "asc" }, dir: "desc" },
    { key: "area", sorted: { sort: "red", dir: "desc" }, dir: "asc" },
    { key: "area", sorted: { sort: "area", dir: "asc" }, dir: "desc" },
    { key: "nextInspection", sorted: { sort: "area", dir: "asc" }, dir: "asc" },
  ];
  for (const c of cases) {
    it(`${c.key} when sorted by ${c.sorted.sort} ${c.sorted.dir}`, () => expect(headingDir(c.key, c.sorted)).toBe(c.dir));
  }

  it("starts the counts worst first and dates soonest first", () => {
    expect(FIRST_DIR).toMatchObject({ red: "desc", overdue: "desc", sinceUpdate: "desc", nextInspection: "asc", area: "asc" });
  });
});

describe("the adviser filters", () => {
  it.each([
    ["LIKELY_SUFFICIENT", "b"],
    ["AT_RISK", "ce"],
    ["UNLIKELY", "a"],
    ["NONE", "d"],
  ] as const)("filters the adviser's view %s", (filter, want) => {
    expect(rows.filter((r) => matchesAdviserViewFilter(r, filter)).map((r) => r.id).join("")).toBe(want);
  });

  it("puts every area in exactly one view filter", () => {
    for (const r of rows) expect(ADVISER_VIEW_FILTERS.filter((f) => matchesAdviserViewFilter(r, f))).toHaveLength(1);
  });

  it("offers each adviser of the areas once, by name", () => {
    const areas = [
      { advisers: [{ id: "u2", name: "zoe Hart" }, { id: "u1", name: "Ann Bell" }] },
      { advisers: [{ id: "u1", name: "Ann Bell" }] },
      { advisers: [] },
      { advisers: [{ id: "u3", name: "Martin Cole" }] },
    ];
    expect(advisersOf(areas).map((a) => a.id)).toEqual(["u1", "u3", "u2"]);
  });
});

describe("a month ago", () => {
  it.each([
    ["2026-12-08", "2026-11-08"],
    ["2026-01-15", "2025-12-15"],
    ["2026-03-31", "2026-02-28"],
    ["2028-03-31", "2028-02-29"],
    ["2026-05-31", "2026-04-30"],
    ["2026-03-01", "2026-02-01"],
  ])("is %s's day in the month before: %s", (today, then) => {
    expect(monthBefore(new Date(`${today}T22:45:00.000Z`))).toEqual(d(then));
  });

  it("says the change since then in arrows to see and words to hear", () => {
    const since = d("2026-11-08");
    expect(changeSince(5, 3, since)).toEqual({ delta: 2, shown: "▲2 since 8 Nov", spoken: "2 more since 8 Nov" });
    expect(changeSince(1, 4, since)).toEqual({ delta: -3, shown: "▼3 since 8 Nov", spoken: "3 fewer since 8 Nov" });
    expect(changeSince(4, 4, since)).toEqual({ delta: 0, shown: "no change since 8 Nov", spoken: "no change since 8 Nov" });
    expect(changeSince(4, null, since)).toBeNull();
  });
});
