/**
 * What a board pack says, decided once for the PDF and the Word file. First what a partnership
 * board reads: a one-page summary (the days to the follow-up inspection, where each finding stands
 * on delivery and impact, the key messages, the top exceptions, the decisions asked of the board,
 * the forum's own words), the exceptions with their owners' commentary and a small chart of each
 * measure off track, then a page per finding with its actions and its measures as sparklines. Then
 * an appendix of the full tables: every action, every measure's figures, the forum's verdicts and
 * what changed since the last snapshot. A measure that evidences several findings is shown once,
 * with the first of them, and named with the others. Pure: it reads the pack (already trimmed to
 * what the reader may see by stateForViewer) and nothing else.
 */
import { chartSummary, comparisonRows, EMPTY_CHART_TEXT, expectedOn, isEmptyChart, trajectoryPointNames } from "@/lib/charts/measure-chart-text";
import { formatDate, formatDateRange, formatMonth } from "@/lib/format/dates";
import { formatExpectedValue, formatMeasureValue } from "@/lib/format/measure-value";
import { pluralise } from "@/lib/format/plurals";
import { firstSentence } from "@/lib/format/first-sentence";
import { findingTitle } from "@/lib/format/finding-title";
import { changesContent } from "@/server/services/board-pack/changes-content";
import type { Block, BoardPackOutline, Cell, Part } from "@/server/services/board-pack/outline";
import { sparklineText } from "@/server/services/board-pack/sparkline";
import { DELIVERY_TONE, IMPACT_TONE, MEASURE_TONE, RAG_TONE } from "@/server/services/board-pack/tones";
import {
  ACTION_STATUS,
  ADVISER_VIEW,
  CORNERSTONE,
  COPRODUCTION_LEVEL,
  DELIVERY_RAG,
  FINDING_DELIVERY,
  FINDING_IMPACT,
  FINDING_KIND,
  INSPECTION_KIND,
  JUDGEMENT,
  MEASURE_STATUS,
  MEASURE_VALUE_STATUS,
  PLAN_STATUS,
  PLAN_TYPE,
  VERDICT,
} from "@/lib/labels";
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";
import type { ActionState, FindingState, MeasureState, PlanState, VerdictState } from "@/server/domain/plan-state";
import { countChanges } from "@/server/domain/plan-changes";
import type { BoardPack } from "@/server/services/snapshots/snapshots";

const NONE = "None";
/** The summary's list of exceptions stops here; the exceptions page has them all. */
const TOP_EXCEPTIONS = 5;
/** The forum's latest verdicts quoted on the summary; each finding's page has the rest. */
const FORUM_QUOTES = 2;

export const findingHeading = (f: Pick<FindingState, "ref" | "summary" | "inspectorsWording">) => `Finding ${f.ref}: ${findingTitle(f)}`;

/** "1. Families waited far too long for EHC plans, and many were not good enough.": a finding in a row, by its first sentence. */
const findingShort = (f: Pick<FindingState, "ref" | "summary" | "inspectorsWording">) => `${f.ref}. ${firstSentence(findingTitle(f))}`;

/** "Red: off track (set by hand)": the board sees the RAG the plan shows, and whether a person chose it. */
export const ragWords = (a: Pick<ActionState, "rag" | "overrideReason">) =>
  `${DELIVERY_RAG[a.rag]}${a.overrideReason !== null ? " (set by hand)" : ""}`;

const ragCell = (a: Pick<ActionState, "rag" | "overrideReason">): Cell => ({ text: ragWords(a), tone: RAG_TONE[a.rag] });
const measureStatusCell = (m: MeasureState): Cell => ({ text: MEASURE_STATUS[m.status], tone: MEASURE_TONE[m.status] });

function followUpText(followUp: PlanState["followUp"], journey: PlanState["journey"]): string {
  // Once it has happened, what it found (or that its judgements are awaited): never a count of days past.
  if (journey?.hasHappened && journey.headline) return journey.headline;
  if (!followUp) return "None scheduled";
  if (!followUp.date) return "Date not known yet";
  const when = `${formatDate(followUp.date)}${followUp.isEstimate ? " (estimated)" : ""}`;
  const days = followUp.daysToGo;
  if (days === null) return when;
  if (days > 0) return `${when}: ${pluralise(days, "day")} to go`;
  if (days === 0) return `${when}: today`;
  if (followUp.happened === false) return `${when}: overdue by ${pluralise(-days, "day")}`;
  return `${when}: ${pluralise(-days, "day")} ago`;
}

function followUpLabel(state: PlanState): string {
  if (state.journey?.hasHappened) return INSPECTION_KIND[state.journey.followUpKind];
  return state.followUp ? INSPECTION_KIND[state.followUp.kind] : "Revisit or monitoring inspection";
}

const STEP_WORDS = { done: "", current: " (now)", "to come": "", skipped: " (did not happen)" } as const;

/** "Draft > Submitted > Accepted > In delivery (now) > Revisited": the journey line in words. */
export const journeyText = (journey: NonNullable<PlanState["journey"]>) =>
  journey.steps.map((s) => `${s.label}${STEP_WORDS[s.state]}`).join(" > ");

/** "Not sufficient progress (Revisit 4 to 6 October 2022; imported from the published letter)". */
export function judgementText(j: NonNullable<FindingState["judgement"]>): string {
  const when = j.inspection
    ? `${INSPECTION_KIND[j.inspection.kind]}${j.inspection.startDate || j.inspection.endDate ? ` ${formatDateRange(j.inspection.startDate, j.inspection.endDate)}` : ""}`
    : j.date
      ? `judged on ${formatDate(j.date)}`
      : "";
  const notes = [when, j.imported ? "imported from the published letter" : ""].filter(Boolean);
  return `${JUDGEMENT[j.judgement]}${notes.length ? ` (${notes.join("; ")})` : ""}`;
}

/** "Agree with comments; recognises engaging (13 November 2026). 1 disagreement on its actions." */
function forumText(f: FindingState): string {
  const verdict = f.forum
    ? `${VERDICT[f.forum.verdict]}${f.forum.levelRecognised ? `; recognises ${COPRODUCTION_LEVEL[f.forum.levelRecognised].toLowerCase()}` : ""} (${formatDate(f.forum.at)})`
    : "No verdict yet";
  return f.disagreements === 0 ? verdict : `${verdict}. ${pluralise(f.disagreements, "disagreement")} on it or its actions`;
}

/** "Agree with comments; 1 disagreement": the summary's shorter form (the finding's page gives the date and level). */
const forumShort = (f: FindingState) =>
  `${f.forum ? VERDICT[f.forum.verdict] : "No verdict yet"}${f.disagreements === 0 ? "" : `; ${pluralise(f.disagreements, "disagreement")}`}`;

const adviserText = (f: FindingState) => (f.adviserView ? `${ADVISER_VIEW[f.adviserView.view]} (${formatDate(f.adviserView.date)})` : "None yet");

// --- Measures -----------------------------------------------------------------------------------

const latestValue = (chart: MeasureChartData) => chart.values.at(-1) ?? null;

const latestFigure = (chart: MeasureChartData) => {
  const latest = latestValue(chart);
  return latest ? formatMeasureValue(latest.value, chart.unit) : "no values yet";
};

function latestValueText(chart: MeasureChartData): string {
  const latest = latestValue(chart);
  if (!latest) return "No values yet";
  return `${formatMeasureValue(latest.value, chart.unit)} for ${formatMonth(latest.date)}${latest.status === "PROVISIONAL" ? " (provisional)" : ""}`;
}

/** Where the trajectory stood on the latest value's day: worked out, so rounded as people write it. */
function expectedText(chart: MeasureChartData): string {
  const latest = latestValue(chart);
  const expected = latest ? expectedOn(chart, latest.date) : null;
  return expected === null ? "No trajectory then" : formatExpectedValue(expected, chart.unit, latest!.value);
}

const targetText = (chart: MeasureChartData) =>
  chart.target ? `${formatMeasureValue(chart.target.value, chart.unit)} by ${formatDate(chart.target.date)}` : "No target set";

/**
 * Every point the chart draws, as a table in date order: the values, the trajectory, the benchmark,
 * any trajectory since replaced and the day the plan changed under the measure. The chart's
 * equivalent for a reader who cannot see it (the web pages give the same figures beside each chart).
 */
export function chartFigures(chart: MeasureChartData): Extract<Block, { kind: "table" }> {
  const v = (n: number) => formatMeasureValue(n, chart.unit);
  const names = trajectoryPointNames(chart);
  const dated: Array<[string, string, string]> = [
    ...chart.values.map((p): [string, string, string] => [p.date, `Value (${MEASURE_VALUE_STATUS[p.status].toLowerCase()})`, v(p.value)]),
    ...chart.trajectory.map((p, i): [string, string, string] => [p.date, names[i]!, v(p.value)]),
    ...(chart.superseded ?? []).flatMap((line) => line.points.map((p): [string, string, string] => [p.date, line.label, v(p.value)])),
    ...(chart.planChange ? [[chart.planChange.date, chart.planChange.label, ""] as [string, string, string]] : []),
    // Published figures for England, the region and the statistical neighbours, as the chart draws them.
    ...comparisonRows(chart),
  ].sort((a, b) => a[0].localeCompare(b[0]));
  const rows = dated.map(([date, what, value]) => [formatDate(date), what, value]);
  if (chart.benchmark) {
    const { benchmark } = chart;
    rows.push([benchmark.date ? formatDate(benchmark.date) : "Not dated", `Benchmark${benchmark.label ? `: ${benchmark.label}` : ""}`, v(benchmark.value)]);
  }
  return {
    kind: "table",
    columns: [
      { header: "Date", weight: 2 },
      { header: `Figures for ${chart.ref}`, weight: 4 },
      { header: "Value", weight: 2 },
    ],
    rows,
  };
}

/**
 * Each measure is shown once, with the first finding it evidences (in the plan's order): which
 * finding that is, by measure id, and every measure once in that order.
 */
function measureHomes(state: PlanState): { home: Map<string, string>; measures: Array<MeasureState & { findingRefs: string[] }> } {
  const home = new Map<string, string>();
  const byId = new Map<string, MeasureState & { findingRefs: string[] }>();
  for (const f of state.findings) {
    for (const m of f.measures) {
      if (!home.has(m.id)) home.set(m.id, f.ref);
      const seen = byId.get(m.id);
      if (seen) seen.findingRefs.push(f.ref);
      else byId.set(m.id, { ...m, findingRefs: [f.ref] });
    }
  }
  return { home, measures: [...byId.values()] };
}

const MEASURE_COLUMNS = [
  { header: "Measure", weight: 4 },
  { header: "Trend", weight: 2.4 },
  { header: "Latest value", weight: 2.6 },
  { header: "Expected by then", weight: 1.9 },
  { header: "Target", weight: 2.6 },
  { header: "Status", weight: 2.3 },
];

const measureRow = (m: MeasureState): Cell[] => [
  `${m.ref}: ${m.name}`,
  isEmptyChart(m.chart) ? "Nothing to chart yet" : { sparkline: m.chart, alt: sparklineText(m.chart) },
  latestValueText(m.chart),
  expectedText(m.chart),
  targetText(m.chart),
  measureStatusCell(m),
];

const smallChart = (m: MeasureState): Block => ({ kind: "chart", chart: m.chart, title: `${m.ref}: ${m.name}`, description: chartSummary(m.chart) });

// --- The forum's words --------------------------------------------------------------------------

const verdictSource = (v: VerdictState) =>
  `${VERDICT[v.verdict]}, on ${v.on}${v.levelRecognised ? `; recognises ${COPRODUCTION_LEVEL[v.levelRecognised].toLowerCase()}` : ""}. ${formatDate(v.createdAt)}`;

const quote = (v: VerdictState): Block => ({ kind: "quote", text: v.text, source: verdictSource(v) });

/** The forum's current verdicts, newest first. */
const currentVerdicts = (state: PlanState) => state.verdicts.filter((v) => v.current).sort((a, b) => b.createdAt.localeCompare(a.createdAt));

export const verdictRow = (v: VerdictState) => [
  v.on,
  VERDICT[v.verdict],
  v.levelRecognised ? COPRODUCTION_LEVEL[v.levelRecognised] : "Not given",
  v.cornerstonesMet.length > 0 ? v.cornerstonesMet.map((c) => CORNERSTONE[c]).join(", ") : NONE,
  v.text,
  formatDate(v.createdAt),
];

export const VERDICT_COLUMNS = [
  { header: "On", weight: 2 },
  { header: "Verdict", weight: 2 },
  { header: "Level recognised", weight: 2 },
  { header: "Cornerstones met", weight: 3 },
  { header: "What the forum said", weight: 7 },
  { header: "Date", weight: 2 },
];

// --- Exceptions ---------------------------------------------------------------------------------

/** An action the board asks about: red, or its update overdue. */
const isException = (a: ActionState) => a.rag === "RED" || a.updateOverdue;

function actionExceptions(state: PlanState): ActionState[] {
  const actions = state.findings.flatMap((f) => f.actions).filter(isException);
  // Red and overdue first, then red, then overdue; the plan's order within each.
  const rank = (a: ActionState) => (a.rag === "RED" ? 0 : 2) + (a.updateOverdue ? 0 : 1);
  return actions.map((a, i) => ({ a, i })).sort((x, y) => rank(x.a) - rank(y.a) || x.i - y.i).map(({ a }) => a);
}

const whyException = (a: ActionState) =>
  [a.rag === "RED" ? ragWords(a) : null, a.updateOverdue ? "update overdue" : null].filter(Boolean).join(", ");

function exceptionsPart(state: PlanState, offTrack: MeasureState[]): Part {
  const actions = actionExceptions(state);
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: "Exceptions" },
    {
      kind: "paragraph",
      text: "The actions that are red or whose update is overdue, with their owner's latest update in the owner's own words, then the measures off track.",
      muted: true,
    },
    { kind: "heading", level: 2, text: "Actions red or overdue for an update" },
  ];
  if (actions.length === 0) blocks.push({ kind: "paragraph", text: "No action is red or overdue for an update." });
  else {
    blocks.push({
      kind: "table",
      columns: [
        { header: "Action", weight: 4.2 },
        { header: "Owner", weight: 2 },
        { header: "RAG", weight: 2.7 },
        { header: "Owner's latest update", weight: 7 },
        { header: "Posted", weight: 2.1 },
      ],
      rows: actions.map((a) => [
        `${a.ref}: ${a.title}${a.overrideReason !== null ? ` (RAG set by hand: ${a.overrideReason})` : ""}`,
        a.ownerName ?? "No owner",
        ragCell(a),
        a.latestUpdate?.narrative ?? "No update posted yet",
        `${a.latestUpdate ? formatDate(a.latestUpdate.at) : "Never"}${a.updateOverdue ? ". Update overdue" : ""}`,
      ]),
    });
  }
  blocks.push({ kind: "heading", level: 2, text: "Measures off track" });
  if (offTrack.length === 0) blocks.push({ kind: "paragraph", text: "No measure is off track." });
  else {
    blocks.push({
      kind: "table",
      columns: [
        { header: "Measure", weight: 4 },
        { header: "Latest value", weight: 3 },
        { header: "Expected by then", weight: 2 },
        { header: "Target", weight: 3 },
        { header: "Status", weight: 2 },
      ],
      rows: offTrack.map((m) => [`${m.ref}: ${m.name}`, latestValueText(m.chart), expectedText(m.chart), targetText(m.chart), measureStatusCell(m)]),
    });
    // Where the board needs more than a sparkline: how far below the trajectory, and since when.
    blocks.push(...offTrack.filter((m) => !isEmptyChart(m.chart)).map(smallChart));
  }
  return { blocks };
}

// --- The summary --------------------------------------------------------------------------------

/** What someone wrote, a list item a line (a paragraph when it is one line); blank lines dropped. */
const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

function writtenBlocks(text: string | null | undefined, none: string): Block[] {
  const lines = text ? linesOf(text) : [];
  if (lines.length === 0) return [{ kind: "paragraph", text: none, muted: true }];
  return lines.length === 1 ? [{ kind: "paragraph", text: lines[0]! }] : [{ kind: "list", items: lines }];
}

function summaryPart(pack: BoardPack, offTrack: MeasureState[]): Part {
  const { state, snapshot } = pack;
  // stateForViewer clears every adviser's view for a reader who may not see them; then the column goes too.
  const showAdviser = state.findings.some((f) => f.adviserView !== null);
  // Once the follow-up has judged a finding, its judgements come first: what the inspectors said.
  const showJudgement = state.findings.some((f) => f.judgement);
  const notWritten = (what: string) =>
    snapshot ? `No ${what} were written for this pack.` : `No ${what} were written: this pack is the plan's current state, not a snapshot.`;

  const exceptions = actionExceptions(state);
  const top: string[] = [
    ...offTrack.map((m) => `${m.ref} ${m.name}: off track, ${latestFigure(m.chart)} against ${expectedText(m.chart)} expected.`),
    ...exceptions.map((a) => `${a.ref} ${a.title} (${a.ownerName ?? "no owner"}): ${whyException(a)}.`),
  ];
  const quotes = currentVerdicts(state);

  const blocks: Block[] = [
    { kind: "paragraph", text: `${state.area.name}. ${PLAN_TYPE[state.plan.type]}: ${state.plan.title} (${PLAN_STATUS[state.plan.status].toLowerCase()})`, muted: true },
    { kind: "heading", level: 1, text: `Board pack: ${pack.title}` },
    {
      kind: "facts",
      rows: [
        [followUpLabel(state), followUpText(state.followUp, state.journey)],
        [
          "As at",
          `${formatDate(state.asAt)}: ${snapshot ? `a snapshot taken by ${snapshot.takenBy ?? "someone not recorded"}` : "the plan's current state, not a snapshot"}`,
        ],
        ...(state.journey ? [["Where the plan is", journeyText(state.journey)] as [string, string]] : []),
        ...(state.journey?.outcome?.letterUrl ? [["Published letter", state.journey.outcome.letterUrl] as [string, string]] : []),
        ["Compared with", sinceText(pack)],
      ],
    },
    { kind: "heading", level: 2, text: "Where each finding stands" },
    {
      kind: "paragraph",
      text: "Delivery comes from the actions' RAG, impact from the measures against their trajectories: never one score.",
      muted: true,
    },
    state.findings.length === 0
      ? { kind: "paragraph", text: "This plan has no findings yet." }
      : {
          kind: "table",
          columns: [
            { header: "Finding", weight: 7.6 },
            ...(showJudgement ? [{ header: "Judgement", weight: 3 }] : []),
            { header: "Delivery", weight: 3.8 },
            { header: "Impact", weight: 2.8 },
            { header: "Forum's verdict", weight: 2.6 },
            ...(showAdviser ? [{ header: "Adviser's view", weight: 2.5 }] : []),
          ],
          rows: state.findings.map((f) => [
            findingShort(f),
            ...(showJudgement ? [f.judgement ? judgementText(f.judgement) : "Not yet judged"] : []),
            { text: FINDING_DELIVERY[f.delivery.status], tone: DELIVERY_TONE[f.delivery.status] },
            { text: FINDING_IMPACT[f.impact.status], tone: IMPACT_TONE[f.impact.status] },
            forumShort(f),
            ...(showAdviser ? [f.adviserView ? ADVISER_VIEW[f.adviserView.view] : "None yet"] : []),
          ]),
        },
    { kind: "heading", level: 2, text: "Key messages" },
    ...writtenBlocks(snapshot?.keyMessages, notWritten("key messages")),
    { kind: "heading", level: 2, text: "Top exceptions" },
    ...(top.length === 0
      ? [{ kind: "paragraph", text: "No action is red or overdue for an update, and no measure is off track." } as const]
      : [
          { kind: "list", items: top.slice(0, TOP_EXCEPTIONS) } as const,
          ...(top.length > TOP_EXCEPTIONS
            ? [{ kind: "paragraph", text: `And ${top.length - TOP_EXCEPTIONS} more: all of them are under Exceptions, with the owners' commentary.`, muted: true } as const]
            : []),
        ]),
    { kind: "heading", level: 2, text: "Decisions the board is asked to make" },
    ...writtenBlocks(snapshot?.decisions, notWritten("decisions")),
    { kind: "heading", level: 2, text: "The forum's view, in its own words" },
    ...(quotes.length === 0
      ? [{ kind: "paragraph", text: "The parent carer forum has not given a verdict yet." } as const]
      : [
          ...quotes.slice(0, FORUM_QUOTES).map(quote),
          ...(quotes.length > FORUM_QUOTES
            ? [{ kind: "paragraph", text: `The forum's ${otherVerdicts(quotes.length - FORUM_QUOTES)} with the findings they are on.`, muted: true } as const]
            : []),
        ]),
  ];
  return { blocks };
}

const otherVerdicts = (n: number) => (n === 1 ? "other current verdict is" : `${n} other current verdicts are`);

/** "Board 1 February (1 February 2026): 12 changes, listed in the appendix". */
function sinceText({ previous, snapshot }: BoardPack): string {
  if (!previous) return snapshot ? "Nothing earlier: this is the plan's first snapshot" : "No snapshot taken yet";
  const total = countChanges(previous.changes);
  return `${previous.label} (${formatDate(previous.takenAt)}): ${total === 0 ? "nothing has changed since" : `${pluralise(total, "change")}, listed in the appendix`}`;
}

// --- A finding's page ---------------------------------------------------------------------------

function actionsTable(f: FindingState): Block {
  if (f.actions.length === 0) return { kind: "paragraph", text: "No actions under this finding yet." };
  return {
    kind: "table",
    columns: [
      { header: "Ref", weight: 0.8 },
      { header: "Action", weight: 5.6 },
      { header: "Owner", weight: 2.2 },
      { header: "Due", weight: 2.1 },
      { header: "Progress", weight: 1.4 },
      { header: "RAG", weight: 3.1 },
    ],
    rows: f.actions.map((a) => [
      a.ref,
      a.title,
      a.ownerName ?? "No owner",
      a.dueDate ? formatDate(a.dueDate) : "No due date",
      `${a.progress}%`,
      ragCell(a),
    ]),
  };
}

function measureBlocks(f: FindingState, home: Map<string, string>): Block[] {
  if (f.measures.length === 0) return [{ kind: "paragraph", text: "No measures evidence this finding yet." }];
  const here = f.measures.filter((m) => home.get(m.id) === f.ref);
  const elsewhere = f.measures.filter((m) => home.get(m.id) !== f.ref);
  return [
    ...(here.length > 0 ? [{ kind: "table", columns: MEASURE_COLUMNS, rows: here.map(measureRow) } as const] : []),
    ...elsewhere.map(
      (m): Block => ({ kind: "paragraph", text: `Also measured by ${m.ref} ${m.name} (${MEASURE_STATUS[m.status].toLowerCase()}), shown with finding ${home.get(m.id)}.` }),
    ),
  ];
}

function findingPart(state: PlanState, f: FindingState, home: Map<string, string>): Part {
  const verdicts = currentVerdicts(state).filter((v) => v.findingRef === f.ref);
  const showAdviser = state.findings.some((x) => x.adviserView !== null);
  return {
    blocks: [
      { kind: "heading", level: 1, text: findingHeading(f) },
      { kind: "paragraph", text: FINDING_KIND[f.kind], muted: true },
      ...(f.judgement
        ? [
            { kind: "paragraph", text: `Judgement: ${judgementText(f.judgement)}.` } as const,
            ...(f.judgement.letterUrl ? [{ kind: "paragraph", text: `Published letter: ${f.judgement.letterUrl}`, muted: true } as const] : []),
          ]
        : []),
      {
        kind: "facts",
        rows: [
          ["Delivery", { text: FINDING_DELIVERY[f.delivery.status], tone: DELIVERY_TONE[f.delivery.status], note: f.delivery.explanation }],
          ["Impact", { text: FINDING_IMPACT[f.impact.status], tone: IMPACT_TONE[f.impact.status], note: f.impact.explanation }],
          ["Forum's verdict", forumText(f)],
          ...(showAdviser ? [["Adviser's view", adviserText(f)] as [string, string]] : []),
        ],
      },
      { kind: "heading", level: 2, text: "Actions" },
      actionsTable(f),
      { kind: "heading", level: 2, text: "Measures" },
      ...measureBlocks(f, home),
      { kind: "heading", level: 2, text: "What the forum said" },
      ...(verdicts.length === 0 ? [{ kind: "paragraph", text: "The forum has not given a verdict on this finding or its actions." } as const] : verdicts.map(quote)),
    ],
  };
}

// --- The appendix -------------------------------------------------------------------------------

function appendixPart(pack: BoardPack, measures: Array<MeasureState & { findingRefs: string[] }>): Part {
  const { state } = pack;
  const verdicts = currentVerdicts(state);
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: "Appendix: full tables" },
    {
      kind: "paragraph",
      text: "The figures behind the pages before: every action, every measure's values and trajectory, the forum's current verdicts in full, and what changed since the last snapshot.",
      muted: true,
    },
    { kind: "heading", level: 2, text: "Every action" },
  ];
  if (state.findings.every((f) => f.actions.length === 0)) blocks.push({ kind: "paragraph", text: "This plan has no actions yet." });
  for (const f of state.findings) {
    if (f.actions.length === 0) continue;
    blocks.push(
      { kind: "heading", level: 3, text: `Finding ${f.ref}: ${firstSentence(findingTitle(f))}` },
      {
        kind: "table",
        columns: [
          { header: "Ref", weight: 1 },
          { header: "Action", weight: 4.6 },
          { header: "Owner", weight: 2.2 },
          { header: "Lead organisation", weight: 2.8 },
          { header: "Status", weight: 1.9 },
          { header: "Progress", weight: 2 },
          { header: "Start", weight: 2.1 },
          { header: "Due", weight: 2.1 },
          { header: "RAG", weight: 3.3 },
        ],
        rows: f.actions.map((a) => [
          a.ref,
          a.title,
          a.ownerName ?? "No owner",
          a.leadOrganisation ?? NONE,
          ACTION_STATUS[a.status],
          `${a.progress}%`,
          a.startDate ? formatDate(a.startDate) : "Not set",
          a.dueDate ? formatDate(a.dueDate) : "No due date",
          ragCell(a),
        ]),
      },
    );
  }
  blocks.push({ kind: "heading", level: 2, text: "Every measure's figures" });
  if (measures.length === 0) blocks.push({ kind: "paragraph", text: "This plan has no measures yet." });
  for (const m of measures) {
    blocks.push(
      { kind: "heading", level: 3, text: `${m.ref}: ${m.name}` },
      {
        kind: "paragraph",
        text: `${MEASURE_STATUS[m.status]}. Evidences ${m.findingRefs.length === 1 ? "finding" : "findings"} ${m.findingRefs.join(" and ")}.`,
        muted: true,
      },
      isEmptyChart(m.chart) ? { kind: "paragraph", text: EMPTY_CHART_TEXT, muted: true } : chartFigures(m.chart),
    );
  }
  blocks.push(
    { kind: "heading", level: 2, text: "The forum's current verdicts" },
    verdicts.length === 0
      ? { kind: "paragraph", text: "The parent carer forum has not given a verdict yet." }
      : { kind: "table", columns: VERDICT_COLUMNS, rows: verdicts.map(verdictRow) },
    ...changesContent(pack),
  );
  return { blocks };
}

/** The pack's outline, in reading order. */
export function boardPackContent(pack: BoardPack): BoardPackOutline {
  const { state } = pack;
  const { home, measures } = measureHomes(state);
  const offTrack = measures.filter((m) => m.status === "OFF_TRACK");
  return {
    title: `${state.area.name} board pack: ${pack.title}`,
    footer: `${state.area.name} board pack: ${pack.title}, as at ${formatDate(state.asAt)}`,
    parts: [summaryPart(pack, offTrack), exceptionsPart(state, offTrack), ...state.findings.map((f) => findingPart(state, f, home))],
    appendix: appendixPart(pack, measures),
  };
}
