/**
 * What a board pack says, decided once for the PDF and the Word file: the cover, the readiness
 * grid, then per finding its actions, measure charts, exceptions and forum verdicts, and last what
 * changed since the snapshot before. Pure: it reads the pack (already trimmed to what the reader
 * may see by stateForViewer) and nothing else.
 */
import { chartSummary, EMPTY_CHART_TEXT, expectedOn, isEmptyChart, trajectoryPointNames } from "@/lib/charts/measure-chart-text";
import { formatDate, formatDateRange, formatMonth } from "@/lib/format/dates";
import { formatMeasureValue } from "@/lib/format/measure-value";
import { pluralise } from "@/lib/format/plurals";
import { changesContent } from "@/server/services/board-pack/changes-content";
import type { Block, BoardPackOutline, Part } from "@/server/services/board-pack/outline";
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
import type { BoardPack } from "@/server/services/snapshots/snapshots";
import { findingTitle } from "@/lib/format/finding-title";

const NONE = "None";

export const findingHeading = (f: Pick<FindingState, "ref" | "summary" | "inspectorsWording">) => `Finding ${f.ref}: ${findingTitle(f)}`;

/** "Red: off track (set by hand)": the board sees the RAG the plan shows, and whether a person chose it. */
export const ragWords = (a: Pick<ActionState, "rag" | "overrideReason">) =>
  `${DELIVERY_RAG[a.rag]}${a.overrideReason !== null ? " (set by hand)" : ""}`;

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

function cover(pack: BoardPack): Part {
  const { state, snapshot } = pack;
  return {
    blocks: [
      { kind: "paragraph", text: state.area.name },
      { kind: "heading", level: 1, text: `Board pack: ${pack.title}` },
      { kind: "paragraph", text: `${PLAN_TYPE[state.plan.type]}: ${state.plan.title}` },
      {
        kind: "facts",
        rows: [
          ["Local area", state.area.name],
          ["Plan", `${PLAN_TYPE[state.plan.type]}: ${state.plan.title} (${PLAN_STATUS[state.plan.status].toLowerCase()})`],
          ["As at", formatDate(state.asAt)],
          ["Taken by", snapshot ? (snapshot.takenBy ?? "Not recorded") : "Not a snapshot: the plan's current state when this pack was made"],
          ...(state.journey ? [["Where the plan is", journeyText(state.journey)] as [string, string]] : []),
          [
            state.journey?.hasHappened
              ? INSPECTION_KIND[state.journey.followUpKind]
              : state.followUp
                ? INSPECTION_KIND[state.followUp.kind]
                : "Revisit or monitoring inspection",
            followUpText(state.followUp, state.journey),
          ],
          ...(state.journey?.outcome?.letterUrl ? [["Published letter", state.journey.outcome.letterUrl] as [string, string]] : []),
        ],
      },
    ],
  };
}

const forumCell = (forum: FindingState["forum"]) =>
  forum
    ? `${VERDICT[forum.verdict]}${forum.levelRecognised ? `; recognises ${COPRODUCTION_LEVEL[forum.levelRecognised].toLowerCase()}` : ""} (${formatDate(forum.at)})`
    : "No verdict yet";

function readinessGrid(state: PlanState): Part {
  // stateForViewer clears every adviser's view for a reader who may not see them; then the column goes too.
  const showAdviser = state.findings.some((f) => f.adviserView !== null);
  // Once the follow-up has judged a finding, its judgements come first: what the inspectors said.
  const showJudgement = state.findings.some((f) => f.judgement);
  const columns = [
    { header: "Finding", weight: 1 },
    { header: "Summary", weight: 6 },
    ...(showJudgement ? [{ header: "Judgement", weight: 2.5 }] : []),
    { header: "Delivery", weight: 2 },
    { header: "Impact", weight: 2 },
    { header: "Forum's verdict", weight: 3 },
    ...(showAdviser ? [{ header: "Adviser's view", weight: 2.2 }] : []),
    { header: "Disagreements", weight: 2.8 },
  ];
  const rows = state.findings.map((f) => [
    f.ref,
    findingTitle(f),
    ...(showJudgement ? [f.judgement ? judgementText(f.judgement) : "Not yet judged"] : []),
    FINDING_DELIVERY[f.delivery.status],
    FINDING_IMPACT[f.impact.status],
    forumCell(f.forum),
    ...(showAdviser ? [f.adviserView ? `${ADVISER_VIEW[f.adviserView.view]} (${formatDate(f.adviserView.date)})` : "None yet"] : []),
    f.disagreements === 0 ? NONE : String(f.disagreements),
  ]);
  return {
    blocks: [
      { kind: "heading", level: 1, text: "Readiness at a glance" },
      {
        kind: "paragraph",
        text: "Delivery comes from each finding's actions and their RAG; impact from its measures against their trajectories. The two are shown side by side and never merged into one score, with the parent carer forum's verdict beside them.",
        muted: true,
      },
      state.findings.length === 0
        ? { kind: "paragraph", text: "This plan has no findings yet." }
        : { kind: "table", columns, rows },
    ],
  };
}

function actionsTable(f: FindingState): Block {
  if (f.actions.length === 0) return { kind: "paragraph", text: "No actions under this finding yet." };
  return {
    kind: "table",
    columns: [
      { header: "Ref", weight: 1 },
      { header: "Action", weight: 5 },
      { header: "Owner", weight: 2 },
      { header: "Lead organisation", weight: 3 },
      { header: "Status", weight: 2 },
      { header: "Progress", weight: 1.5 },
      { header: "Due", weight: 2 },
      { header: "RAG", weight: 2 },
    ],
    rows: f.actions.map((a) => [
      a.ref,
      a.title,
      a.ownerName ?? "No owner",
      a.leadOrganisation ?? NONE,
      ACTION_STATUS[a.status],
      `${a.progress}%`,
      a.dueDate ? formatDate(a.dueDate) : "No due date",
      ragWords(a),
    ]),
  };
}

const latestValue = (chart: MeasureChartData) => chart.values.at(-1) ?? null;

function latestValueText(chart: MeasureChartData): string {
  const latest = latestValue(chart);
  if (!latest) return "No values yet";
  return `${formatMeasureValue(latest.value, chart.unit)} for ${formatMonth(latest.date)}${latest.status === "PROVISIONAL" ? " (provisional)" : ""}`;
}

function expectedText(chart: MeasureChartData): string {
  const latest = latestValue(chart);
  const expected = latest ? expectedOn(chart, latest.date) : null;
  return expected === null ? "No trajectory then" : formatMeasureValue(expected, chart.unit);
}

const targetText = (chart: MeasureChartData) =>
  chart.target ? `${formatMeasureValue(chart.target.value, chart.unit)} by ${formatDate(chart.target.date)}` : "No target set";

/**
 * Every point the chart draws, as a table in date order: the values, the trajectory, the benchmark,
 * any trajectory since replaced and the day the plan changed under the measure. The chart's equivalent for a reader who cannot see it (the
 * web pages give the same figures beside each chart).
 */
export function chartFigures(chart: MeasureChartData): Extract<Block, { kind: "table" }> {
  const v = (n: number) => formatMeasureValue(n, chart.unit);
  const names = trajectoryPointNames(chart);
  const dated: Array<[string, string, string]> = [
    ...chart.values.map((p): [string, string, string] => [p.date, `Value (${MEASURE_VALUE_STATUS[p.status].toLowerCase()})`, v(p.value)]),
    ...chart.trajectory.map((p, i): [string, string, string] => [p.date, names[i]!, v(p.value)]),
    ...(chart.superseded ?? []).flatMap((line) => line.points.map((p): [string, string, string] => [p.date, line.label, v(p.value)])),
    ...(chart.planChange ? [[chart.planChange.date, chart.planChange.label, ""] as [string, string, string]] : []),
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

function measureBlocks(m: MeasureState): Block[] {
  const empty = isEmptyChart(m.chart);
  return [
    { kind: "heading", level: 3, text: `${m.ref}: ${m.name}` },
    empty
      ? { kind: "paragraph", text: EMPTY_CHART_TEXT, muted: true }
      : { kind: "chart", chart: m.chart, title: `Chart of ${m.ref}: ${m.name}`, description: chartSummary(m.chart) },
    {
      kind: "table",
      columns: [
        { header: "Latest value", weight: 3 },
        { header: "Expected by then", weight: 2 },
        { header: "Target", weight: 3 },
        { header: "Status", weight: 2 },
      ],
      rows: [[latestValueText(m.chart), expectedText(m.chart), targetText(m.chart), MEASURE_STATUS[m.status]]],
    },
    ...(empty ? [] : [chartFigures(m.chart)]),
  ];
}

/** Red actions with their owner's latest commentary, and measures off track: what a board asks about first. */
export function exceptionBlocks(f: FindingState): Block[] {
  const red = f.actions.filter((a) => a.rag === "RED");
  const offTrack = f.measures.filter((m) => m.status === "OFF_TRACK");
  if (red.length === 0 && offTrack.length === 0) {
    return [{ kind: "paragraph", text: "No red actions and no measures off track." }];
  }
  const blocks: Block[] = [];
  if (red.length > 0) {
    blocks.push({
      kind: "table",
      columns: [
        { header: "Red action", weight: 4 },
        { header: "Owner", weight: 2 },
        { header: "Owner's latest commentary", weight: 7 },
        { header: "Posted", weight: 2 },
      ],
      rows: red.map((a) => [
        `${a.ref}: ${a.title}${a.overrideReason !== null ? ` (set by hand: ${a.overrideReason})` : ""}`,
        a.ownerName ?? "No owner",
        a.latestUpdate?.narrative ?? "No update posted yet",
        a.latestUpdate ? formatDate(a.latestUpdate.at) : "",
      ]),
    });
  }
  if (offTrack.length > 0) {
    blocks.push({
      kind: "table",
      columns: [
        { header: "Measure off track", weight: 4 },
        { header: "Latest value", weight: 3 },
        { header: "Expected by then", weight: 2 },
        { header: "Target", weight: 3 },
      ],
      rows: offTrack.map((m) => [`${m.ref}: ${m.name}`, latestValueText(m.chart), expectedText(m.chart), targetText(m.chart)]),
    });
  }
  return blocks;
}

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

function verdictBlock(state: PlanState, f: FindingState): Block {
  const current = state.verdicts.filter((v) => v.current && v.findingRef === f.ref);
  if (current.length === 0) return { kind: "paragraph", text: "The forum has not given a verdict on this finding or its actions." };
  return { kind: "table", columns: VERDICT_COLUMNS, rows: current.map(verdictRow) };
}

function findingPart(state: PlanState, f: FindingState): Part {
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
      { kind: "paragraph", text: `Delivery: ${FINDING_DELIVERY[f.delivery.status]}. ${f.delivery.explanation}` },
      { kind: "paragraph", text: `Impact: ${FINDING_IMPACT[f.impact.status]}. ${f.impact.explanation}` },
      { kind: "heading", level: 2, text: "Actions" },
      actionsTable(f),
      { kind: "heading", level: 2, text: "Measures" },
      ...(f.measures.length === 0 ? [{ kind: "paragraph", text: "No measures evidence this finding yet." } as const] : f.measures.flatMap(measureBlocks)),
      { kind: "heading", level: 2, text: "Exceptions" },
      ...exceptionBlocks(f),
      { kind: "heading", level: 2, text: "Forum verdicts" },
      verdictBlock(state, f),
    ],
  };
}

/** The pack's outline, in reading order. */
export function boardPackContent(pack: BoardPack): BoardPackOutline {
  const { state } = pack;
  return {
    title: `${state.area.name} board pack: ${pack.title}`,
    footer: `${state.area.name} board pack: ${pack.title}, as at ${formatDate(state.asAt)}`,
    parts: [cover(pack), readinessGrid(state), ...state.findings.map((f) => findingPart(state, f)), changesContent(pack)],
  };
}
