/**
 * The drawing of a measure chart, as one SVG: values (solid line; filled points validated, hollow
 * points provisional) against the trajectory (dashed, baseline square, milestone diamonds, target
 * diamond, baseline and target labelled), the benchmark as a labelled dotted line, any trajectory
 * replaced through an approved change request as a grey dash-dot line labelled "Trajectory before
 * <date>", an upright line where the plan changed under the measure (labelled "Accelerated progress
 * plan starts"), for a measure linked to a published one England's, the region's and the statistical
 * neighbours' published figures (long dashes with triangles, dots with hollow squares, dash-dot-dot
 * with crosses), and a legend in words. Meaning is carried by line patterns, markers and text, never by colour alone.
 *
 * Pure: no hooks, no browser APIs, no client JavaScript. The finding page renders it directly;
 * server/charts/measure-chart-svg.ts turns the same element into a string for documents, so every
 * attribute here must be a plain value (no style objects, no event handlers).
 */
import { AxisBottom, AxisLeft, type TickRendererProps } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleLinear, scaleUtc } from "@visx/scale";
import { LinePath } from "@visx/shape";
import type { ComparisonLine, MeasureChartData } from "@/lib/charts/measure-chart-data";
import { chartSummary, EMPTY_CHART_TEXT, isEmptyChart } from "@/lib/charts/measure-chart-text";
import { formatMeasureValue } from "@/lib/format/measure-value";
import { MEASURE_UNIT } from "@/lib/labels";

export const CHART_SIZE = { width: 640, height: 340 } as const;

const INK = "#0b0c0c";
const VALUE = "#1d70b8";
const BENCHMARK = "#4c2c92";
const GRID = "#e5e6e7";
const FONT_SIZE = 13;
const TRAJECTORY_DASH = "8 5";
const BENCHMARK_DASH = "2 4";
/** GOV.UK's secondary text grey: 7:1 on white, and a dash-dot unlike the other lines. */
const SUPERSEDED = "#505a5f";
const SUPERSEDED_DASH = "10 4 2 4";
/** The plan change: upright, so it cannot be taken for a line of values. */
const PLAN_CHANGE_DASH = "6 3";

/**
 * Published comparisons: each its own pattern and marker (and a colour of at least 3:1 on white),
 * unlike the area's own solid line and every other line here.
 */
type ComparisonStyle = { colour: string; dash: string; cap: "butt" | "round"; marker: "triangle" | "square" | "cross" };
const COMPARISON_STYLE: Record<ComparisonLine["series"], ComparisonStyle> = {
  ENGLAND: { colour: "#00703c", dash: "14 4", cap: "butt", marker: "triangle" },
  REGION: { colour: "#942514", dash: "0.5 5", cap: "round", marker: "square" },
  NEIGHBOURS: { colour: "#8a4500", dash: "9 3 2 3 2 3", cap: "butt", marker: "cross" },
};

/** What the legend calls a published line. */
export function comparisonLegend(line: Pick<ComparisonLine, "series" | "label">): string {
  return line.series === "NEIGHBOURS" ? "Statistical neighbours' average (published)" : `${line.label} (published)`;
}

function ComparisonMarker({ x, y, style }: { x: number; y: number; style: ComparisonStyle }) {
  if (style.marker === "triangle") {
    return <path d={`M${x},${y - 5.5}L${x + 5.5},${y + 4}L${x - 5.5},${y + 4}Z`} fill={style.colour} stroke={style.colour} strokeWidth={1} />;
  }
  if (style.marker === "square") return <rect x={x - 4} y={y - 4} width={8} height={8} fill="#ffffff" stroke={style.colour} strokeWidth={2} />;
  return <path d={`M${x - 4},${y - 4}L${x + 4},${y + 4}M${x - 4},${y + 4}L${x + 4},${y - 4}`} stroke={style.colour} strokeWidth={2.5} />;
}

const margin = { top: 30, right: 20, bottom: 34, left: 56 };

type Props = {
  chart: MeasureChartData;
  width?: number;
  height?: number;
  /** Ids for the SVG's own <title> and <desc>; `labelledBy` (a heading elsewhere) replaces the title as the name. */
  ids: { title: string; desc: string };
  labelledBy?: string;
  /** Text elsewhere on the page that already says what <desc> says. */
  describedBy?: string;
  className?: string;
  /** Documents name the font they embed; the web page lets the SVG inherit the page's. */
  fontFamily?: string;
};

const day = (d: string) => new Date(d);
// Text width is estimated, not measured: there is no layout engine on the server.
const textWidth = (s: string) => s.length * FONT_SIZE * 0.58;

type Box = { x: number; y: number; w: number; h: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Whether a polyline passes through a box (sampled along each segment: close enough for labels). */
function crosses(b: Box, line: ReadonlyArray<{ x: number; y: number }>): boolean {
  const inside = (x: number, y: number) => x >= b.x - 3 && x <= b.x + b.w + 3 && y >= b.y - 3 && y <= b.y + b.h + 3;
  if (line.length === 1) return inside(line[0]!.x, line[0]!.y);
  for (let i = 1; i < line.length; i++) {
    const [a, c] = [line[i - 1]!, line[i]!];
    for (let t = 0; t <= 1; t += 0.05) if (inside(a.x + (c.x - a.x) * t, a.y + (c.y - a.y) * t)) return true;
  }
  return false;
}

type Label = { text: string; x: number; y: number; anchor: "start" | "end"; bold?: boolean };
const boxOf = (l: Label): Box => {
  const w = textWidth(l.text);
  return { x: l.anchor === "start" ? l.x : l.x - w, y: l.y - FONT_SIZE, w, h: FONT_SIZE + 3 };
};

/** Text with a white halo, so a label stays readable where it crosses a line. */
function HaloText({ label }: { label: Label }) {
  return (
    <text
      x={label.x}
      y={label.y}
      textAnchor={label.anchor}
      fontSize={FONT_SIZE}
      fontWeight={label.bold ? "bold" : undefined}
      fill={INK}
      stroke="#ffffff"
      strokeWidth={4}
      strokeLinejoin="round"
      paintOrder="stroke"
    >
      {label.text}
    </text>
  );
}

function Diamond({ x, y, r, filled }: { x: number; y: number; r: number; filled: boolean }) {
  return (
    <path d={`M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`} fill={filled ? INK : "#ffffff"} stroke={INK} strokeWidth={2} />
  );
}

function ValuePoint({ x, y, provisional }: { x: number; y: number; provisional: boolean }) {
  return <circle cx={x} cy={y} r={4.5} fill={provisional ? "#ffffff" : VALUE} stroke={VALUE} strokeWidth={2} />;
}

/** The first days of months between two times, every 1, 2, 3, 4, 6 or 12 months: whichever fits. */
function monthTicks(first: number, last: number, maxTicks: number): Date[] {
  const start = new Date(first);
  const end = new Date(last);
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  const step = [1, 2, 3, 4, 6, 12].find((n) => months / n < maxTicks) ?? Math.ceil(months / maxTicks / 12) * 12;
  const ticks: Date[] = [];
  // Steps line up with the calendar (quarters start in January, April...), as people count them.
  let month = Math.ceil((start.getUTCFullYear() * 12 + start.getUTCMonth() + 1) / step) * step;
  const monthStart = (m: number) => Date.UTC(Math.floor(m / 12), m % 12, 1);
  for (let t = monthStart(month); t <= last; t = monthStart((month += step))) {
    if (t >= first) ticks.push(new Date(t));
  }
  return ticks;
}

type LegendItem = { text: string; swatch: (x: number, y: number) => React.ReactNode };

function legendItems(chart: MeasureChartData): LegendItem[] {
  const items: LegendItem[] = [];
  if (chart.values.length) {
    items.push({
      text: "Value (validated)",
      swatch: (x, y) => (
        <>
          <line x1={x} y1={y} x2={x + 24} y2={y} stroke={VALUE} strokeWidth={3} />
          <ValuePoint x={x + 12} y={y} provisional={false} />
        </>
      ),
    });
  }
  if (chart.values.some((v) => v.status === "PROVISIONAL")) {
    items.push({ text: "Provisional value", swatch: (x, y) => <ValuePoint x={x + 12} y={y} provisional /> });
  }
  if (chart.trajectory.length) {
    items.push({
      text: "Trajectory to target",
      swatch: (x, y) => <line x1={x} y1={y} x2={x + 24} y2={y} stroke={INK} strokeWidth={2} strokeDasharray={TRAJECTORY_DASH} />,
    });
  }
  if (chart.superseded?.length) {
    items.push({
      text: chart.superseded.length === 1 ? "Superseded trajectory" : "Superseded trajectories",
      swatch: (x, y) => <line x1={x} y1={y} x2={x + 24} y2={y} stroke={SUPERSEDED} strokeWidth={2} strokeDasharray={SUPERSEDED_DASH} />,
    });
  }
  for (const line of chart.comparisons?.lines ?? []) {
    if (line.points.length === 0) continue;
    const style = COMPARISON_STYLE[line.series];
    items.push({
      text: comparisonLegend(line),
      swatch: (x, y) => (
        <>
          <line x1={x} y1={y} x2={x + 24} y2={y} stroke={style.colour} strokeWidth={2} strokeDasharray={style.dash} strokeLinecap={style.cap} />
          <ComparisonMarker x={x + 12} y={y} style={style} />
        </>
      ),
    });
  }
  if (chart.benchmark) {
    items.push({
      text: chart.benchmark.label ? `Benchmark: ${chart.benchmark.label}` : "Benchmark",
      swatch: (x, y) => <line x1={x} y1={y} x2={x + 24} y2={y} stroke={BENCHMARK} strokeWidth={2.5} strokeDasharray={BENCHMARK_DASH} />,
    });
  }
  return items;
}

/** Legend items flowed left to right, wrapping to a new row when the width runs out. */
function layoutLegend(items: LegendItem[], width: number) {
  const rows: Array<Array<{ item: LegendItem; x: number }>> = [[]];
  let x = margin.left;
  for (const item of items) {
    const w = 30 + textWidth(item.text) + 18;
    if (x + w > width - margin.right && rows.at(-1)!.length) {
      rows.push([]);
      x = margin.left;
    }
    rows.at(-1)!.push({ item, x });
    x += w;
  }
  return rows;
}

export function MeasureChartSvg({ chart, width = CHART_SIZE.width, height = CHART_SIZE.height, ids, labelledBy, describedBy, className, fontFamily }: Props) {
  const frame = (children: React.ReactNode) => (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={labelledBy ?? ids.title}
      aria-describedby={describedBy ?? ids.desc}
      className={className}
      fontFamily={fontFamily}
    >
      <title id={ids.title}>{`${chart.ref} ${chart.name}`}</title>
      <desc id={ids.desc}>{isEmptyChart(chart) ? EMPTY_CHART_TEXT : chartSummary(chart)}</desc>
      <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
      {children}
    </svg>
  );

  if (isEmptyChart(chart)) {
    return frame(
      <text x={width / 2} y={height / 2} textAnchor="middle" fontSize={FONT_SIZE + 1} fill={INK}>
        {EMPTY_CHART_TEXT}
      </text>,
    );
  }

  const legendRows = layoutLegend(legendItems(chart), width);
  const legendHeight = legendRows.length * 22 + 8;
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom - legendHeight;
  const v = (n: number) => formatMeasureValue(n, chart.unit);

  // The x axis spans every dated thing drawn; a lone date is given a month either side.
  const superseded = chart.superseded ?? [];
  const supersededPoints = superseded.flatMap((line) => line.points);
  const comparisons = (chart.comparisons?.lines ?? []).filter((line) => line.points.length > 0);
  const comparisonPoints = comparisons.flatMap((line) => line.points);
  const times = [...chart.values, ...chart.trajectory, ...supersededPoints, ...comparisonPoints, chart.baseline, chart.target]
    .filter((p): p is { date: string; value: number } => p !== null)
    .map((p) => day(p.date).getTime());
  if (chart.planChange) times.push(day(chart.planChange.date).getTime());
  let [first, last] = [Math.min(...times), Math.max(...times)];
  const pad = last === first ? 30 * 86_400_000 : (last - first) * 0.03;
  first -= pad;
  last += pad;
  const x = scaleUtc<number>({ domain: [new Date(first), new Date(last)], range: [0, innerWidth] });

  // Quantities here are never negative, so the y axis starts at zero (an honest scale); a
  // percentage never runs past 100.
  const numbers = [...chart.values, ...chart.trajectory, ...supersededPoints, ...comparisonPoints, chart.baseline, chart.target]
    .filter((p) => p !== null)
    .map((p) => p!.value);
  if (chart.benchmark) numbers.push(chart.benchmark.value);
  const low = Math.min(0, ...numbers);
  let high = Math.max(...numbers);
  high = high === low ? low + 1 : high + (high - low) * 0.08;
  if (chart.unit === "PERCENT" && Math.max(...numbers) <= 100) high = Math.min(high, 100);
  const y = scaleLinear<number>({ domain: [low, high], range: [innerHeight, 0], nice: true });
  if (chart.unit === "PERCENT" && (y.domain()[1] ?? 0) > 100 && Math.max(...numbers) <= 100) y.domain([low, 100]);

  const px = (d: string) => x(day(d));
  const yTicks = y.ticks(Math.max(3, Math.floor(innerHeight / 45)));
  const spanDays = (last - first) / 86_400_000;
  const maxTicks = Math.max(2, Math.floor(innerWidth / 80));
  const xTicks = spanDays < 120 ? x.ticks(maxTicks) : monthTicks(first, last, maxTicks);
  const tickDate = new Intl.DateTimeFormat("en-GB", spanDays < 120 ? { day: "numeric", month: "short", timeZone: "UTC" } : { month: "short", year: "numeric", timeZone: "UTC" });
  const shortValue = (n: number) => (chart.unit === "PERCENT" ? `${n}%` : new Intl.NumberFormat("en-GB").format(n));

  // Baseline, target and benchmark labels each take the first of their candidate places that
  // stays inside the plot and crosses no line, point or earlier label (else the least crowded).
  const valueLine = chart.values.map((p) => ({ x: px(p.date), y: y(p.value) }));
  const trajectoryLine = chart.trajectory.map((p) => ({ x: px(p.date), y: y(p.value) }));
  const benchmarkLine = chart.benchmark ? [{ x: 0, y: y(chart.benchmark.value) }, { x: innerWidth, y: y(chart.benchmark.value) }] : [];
  const planChangeX = chart.planChange ? px(chart.planChange.date) : null;
  const planChangeLine = planChangeX === null ? [] : [{ x: planChangeX, y: 0 }, { x: planChangeX, y: innerHeight }];
  const supersededLines = superseded.map((line) => line.points.map((p) => ({ x: px(p.date), y: y(p.value) })));
  const comparisonLines = comparisons.map((line) => line.points.map((p) => ({ x: px(p.date), y: y(p.value) })));
  const labels: Label[] = [];
  const crowding = (l: Label) => {
    const b = boxOf(l);
    if (b.x < 0 || b.x + b.w > innerWidth + margin.right - 2 || b.y < -margin.top + 16 || b.y + b.h > innerHeight) return 100;
    const hits = [valueLine, trajectoryLine, benchmarkLine, planChangeLine, ...supersededLines, ...comparisonLines].filter((line) => crosses(b, line)).length;
    return hits + labels.filter((other) => overlaps(b, boxOf(other))).length * 10;
  };
  const place = (candidates: Label[]) => labels.push(candidates.reduce((a, c) => (crowding(c) < crowding(a) ? c : a)));
  const around = (text: string, at: { date: string; value: number }, prefer: "start" | "end"): Label[] => {
    const [ax, ay] = [px(at.date), y(at.value)];
    const right = [
      { text, x: ax + 9, y: ay - 9, anchor: "start" as const, bold: true },
      { text, x: ax + 9, y: ay + 20, anchor: "start" as const, bold: true },
    ];
    const left = [
      { text, x: ax - 10, y: ay - 10, anchor: "end" as const, bold: true },
      { text, x: ax - 10, y: ay + 22, anchor: "end" as const, bold: true },
    ];
    const further = [-32, 44].map((dy) => ({ text, x: ax + (prefer === "start" ? 9 : -10), y: ay + dy, anchor: prefer, bold: true }));
    return [...(prefer === "start" ? [...right, ...left] : [...left, ...right]), ...further];
  };
  if (chart.baseline) place(around(`Baseline ${v(chart.baseline.value)}`, chart.baseline, "start"));
  if (chart.target) place(around(`Target ${v(chart.target.value)}`, chart.target, "end"));
  // Each superseded line is named where it ends, so the reader can tell it from today's trajectory.
  for (const line of superseded) {
    const end = line.points.at(-1);
    if (end) place(around(line.label, end, "end").map((l) => ({ ...l, bold: false })));
  }
  // The plan change is named at the top of its line, on whichever side has room.
  if (chart.planChange && planChangeX !== null) {
    const text = chart.planChange.label;
    place(
      [12, 28, 44].flatMap((ly) => [
        { text, x: planChangeX + 5, y: ly, anchor: "start" as const },
        { text, x: planChangeX - 5, y: ly, anchor: "end" as const },
      ]),
    );
  }
  if (chart.benchmark) {
    const by = y(chart.benchmark.value);
    const text = `Benchmark ${v(chart.benchmark.value)}`;
    const centre = innerWidth / 2 - textWidth(text) / 2;
    place(
      [by - 6, by + 16].flatMap((ly) => [
        { text, x: 4, y: ly, anchor: "start" as const },
        { text, x: innerWidth - 4, y: ly, anchor: "end" as const },
        { text, x: centre, y: ly, anchor: "start" as const },
      ]),
    );
  }

  const tick = ({ formattedValue, ...p }: TickRendererProps) => (
    <text x={p.x} y={p.y} textAnchor={p.textAnchor} dy={p.dy} fontSize={FONT_SIZE} fill={INK}>
      {formattedValue}
    </text>
  );

  return frame(
    <>
      <text x={margin.left - 8} y={margin.top - 14} fontSize={FONT_SIZE} fontWeight="bold" fill={INK}>
        {MEASURE_UNIT[chart.unit]}
      </text>
      <Group left={margin.left} top={margin.top}>
        {yTicks.map((t) => (
          <line key={`grid-${t}`} x1={0} x2={innerWidth} y1={y(t)} y2={y(t)} stroke={GRID} strokeWidth={1} />
        ))}
        <AxisLeft
          scale={y}
          tickValues={yTicks}
          tickFormat={(n) => shortValue(Number(n))}
          stroke={INK}
          tickStroke={INK}
          tickLength={5}
          tickLabelProps={{ textAnchor: "end", dy: "0.33em", dx: -3, fontSize: FONT_SIZE }}
          tickComponent={({ dx, ...p }) => tick({ ...p, x: Number(p.x) + Number(dx ?? 0) })}
        />
        <AxisBottom
          top={innerHeight}
          scale={x}
          tickValues={xTicks}
          tickFormat={(d) => tickDate.format(d as Date)}
          stroke={INK}
          tickStroke={INK}
          tickLength={5}
          tickLabelProps={{ textAnchor: "middle", fontSize: FONT_SIZE }}
          tickComponent={tick}
        />
        {chart.benchmark ? (
          <line
            x1={0}
            x2={innerWidth}
            y1={y(chart.benchmark.value)}
            y2={y(chart.benchmark.value)}
            stroke={BENCHMARK}
            strokeWidth={2.5}
            strokeDasharray={BENCHMARK_DASH}
            strokeLinecap="round"
          />
        ) : null}
        {planChangeX !== null ? (
          <line x1={planChangeX} x2={planChangeX} y1={0} y2={innerHeight} stroke={SUPERSEDED} strokeWidth={2} strokeDasharray={PLAN_CHANGE_DASH} />
        ) : null}
        {superseded.map((line) =>
          line.points.length > 1 ? (
            <LinePath
              key={`superseded-${line.label}`}
              data={line.points}
              x={(p) => px(p.date)}
              y={(p) => y(p.value)}
              fill="none"
              stroke={SUPERSEDED}
              strokeWidth={2}
              strokeDasharray={SUPERSEDED_DASH}
            />
          ) : null,
        )}
        {comparisons.map((line) => {
          const style = COMPARISON_STYLE[line.series];
          return (
            <g key={`comparison-${line.series}`}>
              {line.points.length > 1 ? (
                <LinePath
                  data={line.points}
                  x={(p) => px(p.date)}
                  y={(p) => y(p.value)}
                  fill="none"
                  stroke={style.colour}
                  strokeWidth={2}
                  strokeDasharray={style.dash}
                  strokeLinecap={style.cap}
                />
              ) : null}
              {line.points.map((p) => (
                <ComparisonMarker key={p.date} x={px(p.date)} y={y(p.value)} style={style} />
              ))}
            </g>
          );
        })}
        {chart.trajectory.length > 1 ? (
          <LinePath
            data={chart.trajectory}
            x={(p) => px(p.date)}
            y={(p) => y(p.value)}
            fill="none"
            stroke={INK}
            strokeWidth={2}
            strokeDasharray={TRAJECTORY_DASH}
          />
        ) : null}
        {chart.trajectory.map((p) =>
          p.kind === "BASELINE" ? (
            <rect key={`${p.kind}-${p.date}`} x={px(p.date) - 5} y={y(p.value) - 5} width={10} height={10} fill={INK} />
          ) : (
            <Diamond key={`${p.kind}-${p.date}`} x={px(p.date)} y={y(p.value)} r={p.kind === "TARGET" ? 7 : 5} filled={p.kind === "TARGET"} />
          ),
        )}
        {chart.values.length > 1 ? (
          <LinePath data={chart.values} x={(p) => px(p.date)} y={(p) => y(p.value)} fill="none" stroke={VALUE} strokeWidth={3} strokeLinejoin="round" />
        ) : null}
        {chart.values.map((p) => (
          <ValuePoint key={p.date} x={px(p.date)} y={y(p.value)} provisional={p.status === "PROVISIONAL"} />
        ))}
        {labels.map((l) => (
          <HaloText key={l.text} label={l} />
        ))}
      </Group>
      {legendRows.map((row, r) =>
        row.map(({ item, x: lx }) => {
          const ly = height - legendHeight + 8 + r * 22 + 8;
          return (
            <g key={item.text}>
              {item.swatch(lx, ly)}
              <text x={lx + 30} y={ly} dy="0.33em" fontSize={FONT_SIZE} fill={INK}>
                {item.text}
              </text>
            </g>
          );
        }),
      )}
    </>,
  );
}
