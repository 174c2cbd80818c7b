/**
 * The benchmark's report: every figure beside its target, as a table for people and
 * as JSON for comparing runs. A missed target is a finding, not a failure of the run.
 */
import type { ApiValuesResult } from "./api-values";
import type { RouteJs } from "./first-load-js";
import type { LoadResult } from "./load";
import type { QueryCount, Timing } from "./measure";
import type { Summary } from "./stats";

export type SizeRun = {
  /** Areas asked of the generator; null when the database was measured as it was. */
  areas: number | null;
  /** Areas in the database. */
  areaCount: number;
  database: string;
  generated: boolean;
  /** Check-ins earlier benchmark runs left in the database (each run adds its own). */
  earlierBenchCheckIns: number;
  queries: QueryCount[];
};

export type Verdict = { figure: string; measured: string; target: string; pass: boolean | null };

export type BenchReport = {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; platform: string; node: string };
  git: { commit: string | null; uncommittedChanges: boolean };
  build: { buildId: string; builtAt: string; builtNow: boolean };
  settings: { requests: number; warmup: number; duration: number; connections: number; updateEvery: number; area: string };
  sizes: SizeRun[];
  /** One request at a time, on the largest data. */
  timings: { areaCount: number; endpoints: Timing[] };
  sqlFloor: { summary: Summary; ratioP50: number; ratioP95: number; matchesApp: boolean; differences: string[] };
  load: LoadResult | null;
  firstLoadJs: { routes: RouteJs[]; max: { route: string; gzipBytes: number }; checkedAgainstHtml: Array<{ route: string; matches: boolean }> };
  /** Values sent in bulk through the API (api-values.ts). */
  apiValues?: ApiValuesResult;
  verdicts: Verdict[];
};

export const TARGETS = {
  pageP95Ms: 150,
  nationalToFloor: 2,
  updateP95Ms: 50,
  loadP95Ms: 300,
  queriesPerPage: 5,
  firstLoadJsKb: 150,
} as const;

const ms = (n: number) => `${n.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function verdictsFor(r: Omit<BenchReport, "verdicts">): Verdict[] {
  const v: Verdict[] = [];
  const timing = (key: Timing["key"]) => r.timings.endpoints.find((t) => t.key === key)!;
  const p95 = (key: Timing["key"], label: string, target: number | null) => {
    const t = timing(key);
    v.push({ figure: `${label} p95`, measured: ms(t.p95), target: target === null ? "(none)" : `<= ${target} ms`, pass: target === null ? null : t.p95 <= target });
  };
  p95("national", "National view", TARGETS.pageP95Ms);
  v.push({
    figure: "National view p95 / SQL floor p95",
    measured: `${r.sqlFloor.ratioP95.toFixed(1)}x`,
    target: `<= ${TARGETS.nationalToFloor}x`,
    pass: r.sqlFloor.ratioP95 <= TARGETS.nationalToFloor,
  });
  p95("areaHome", "Area home", TARGETS.pageP95Ms);
  p95("finding", "Finding page", TARGETS.pageP95Ms);
  p95("actionList", "Filtered action list", null);
  p95("publicPage", "Public page", null);
  p95("actionUpdate", "Action update", TARGETS.updateP95Ms);
  if (r.load) {
    v.push({ figure: `${r.load.connections} users: errors`, measured: String(r.load.errors.total), target: "0", pass: r.load.errors.total === 0 });
    v.push({ figure: `${r.load.connections} users: p95`, measured: ms(r.load.latency.p95), target: `<= ${TARGETS.loadP95Ms} ms`, pass: r.load.latency.p95 <= TARGETS.loadP95Ms });
  }
  const sizes = r.sizes.map((s) => s.areaCount);
  for (const q of r.sizes[0]!.queries) {
    const counts = r.sizes.map((s) => s.queries.find((x) => x.key === q.key)!.queries);
    const equal = counts.every((c) => c === counts[0]);
    const steady = r.sizes.every((s) => new Set(s.queries.find((x) => x.key === q.key)!.samples).size === 1);
    const page = q.kind === "page";
    v.push({
      figure: `Queries: ${q.label}`,
      measured: `${counts.join(" / ")} (${sizes.join(" / ")} areas)${steady ? "" : ", varied"}`,
      target: `${r.sizes.length > 1 ? "equal" : "equal (one size only)"}${page ? `, <= ${TARGETS.queriesPerPage}` : ""}`,
      pass: (r.sizes.length > 1 ? equal : true) && (!page || Math.max(...counts) <= TARGETS.queriesPerPage),
    });
  }
  v.push({
    figure: `First-load JS, largest route (${r.firstLoadJs.max.route})`,
    measured: kb(r.firstLoadJs.max.gzipBytes),
    target: `<= ${TARGETS.firstLoadJsKb} kB`,
    pass: r.firstLoadJs.max.gzipBytes <= TARGETS.firstLoadJsKb * 1000,
  });
  return v;
}

function table(header: string[], rows: string[][], align: Array<"l" | "r">): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (align[i] === "r" ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** "SELECT User, SELECT Action x3": repeats in a row shown once with their number. */
export function runs(statements: string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < statements.length; ) {
    let j = i;
    while (j < statements.length && statements[j] === statements[i]) j += 1;
    parts.push(j - i > 1 ? `${statements[i]} x${j - i}` : statements[i]!);
    i = j;
  }
  return parts.join(", ") || "(none)";
}

const result = (pass: boolean | null) => (pass === null ? "" : pass ? "PASS" : "MISS");

export function formatReport(r: BenchReport): string {
  const out: string[] = [];
  const f = (n: number) => n.toFixed(1);
  out.push(
    `Headway benchmark, ${r.date}: ${r.machine.cpus} CPUs (${r.machine.cpuModel}), Node ${r.machine.node}, ` +
      `commit ${r.git.commit?.slice(0, 10) ?? "unknown"}${r.git.uncommittedChanges ? " with uncommitted changes" : ""}`,
  );
  out.push(`Timings at ${r.timings.areaCount} areas, ${r.settings.requests} requests each after ${r.settings.warmup} to warm up; area "${r.settings.area}".`, "");

  out.push("Server time, one request at a time (ms)");
  out.push(
    table(
      ["Endpoint", "p50", "p95", "p99", "mean", "max"],
      [
        ...r.timings.endpoints.map((t) => [t.label, f(t.p50), f(t.p95), f(t.p99), f(t.mean), f(t.max)]),
        ["SQL floor (national figures)", f(r.sqlFloor.summary.p50), f(r.sqlFloor.summary.p95), f(r.sqlFloor.summary.p99), f(r.sqlFloor.summary.mean), f(r.sqlFloor.summary.max)],
      ],
      ["l", "r", "r", "r", "r", "r"],
    ),
  );
  out.push(
    `National view / SQL floor: ${r.sqlFloor.ratioP50.toFixed(1)}x at p50, ${r.sqlFloor.ratioP95.toFixed(1)}x at p95. ` +
      (r.sqlFloor.matchesApp ? "The floor's figures match the app's for every area." : `The floor's figures differ from the app's for ${r.sqlFloor.differences.length} areas (see the JSON).`),
    "",
  );

  out.push("SQL queries per request (Prisma query events)");
  out.push(
    table(
      ["Request", ...r.sizes.map((s) => `${s.areaCount} areas`)],
      r.sizes[0]!.queries.map((q) => [q.label, ...r.sizes.map((s) => String(s.queries.find((x) => x.key === q.key)!.queries))]),
      ["l", ...r.sizes.map(() => "r" as const)],
    ),
    "",
  );

  out.push(`What each request's statements read, at ${r.sizes.at(-1)!.areaCount} areas (in order; xN = N in a row)`);
  for (const q of r.sizes.at(-1)!.queries) out.push(`  ${q.label}: ${runs(q.statements)}`);
  out.push("");

  if (r.load) {
    const l = r.load;
    out.push(`${l.connections} users for ${l.seconds} s (one request in ${r.settings.updateEvery} a check-in): ${l.requests} requests, ${l.perSecond}/s`);
    out.push(
      `Errors: ${l.errors.total} (non-2xx ${l.errors.non2xx}, wrong page ${l.errors.wrongAnswer}, connection ${l.errors.connection}, timeouts ${l.errors.timeouts})`,
    );
    out.push(
      table(
        ["Endpoint", "requests", "errors", "p50", "p95", "p99"],
        [
          ...l.byEndpoint.map((e) => [e.label, String(e.requests), String(e.errors), e.latency ? f(e.latency.p50) : "-", e.latency ? f(e.latency.p95) : "-", e.latency ? f(e.latency.p99) : "-"]),
          ["All", String(l.requests), String(l.errors.total), f(l.latency.p50), f(l.latency.p95), f(l.latency.p99)],
        ],
        ["l", "r", "r", "r", "r", "r"],
      ),
      "",
    );
  } else {
    out.push("Load: skipped (--skip-load).", "");
  }

  const checked = new Map(r.firstLoadJs.checkedAgainstHtml.map((c) => [c.route, c.matches]));
  out.push("First-load JavaScript per route (gzip, 1 kB = 1000 bytes)");
  out.push(
    table(
      ["Route", "kB", "files", "as served"],
      r.firstLoadJs.routes.map((x) => [x.route, (x.gzipBytes / 1000).toFixed(1), String(x.files.length), checked.has(x.route) ? (checked.get(x.route) ? "same" : "DIFFERS") : ""]),
      ["l", "r", "r", "l"],
    ),
    "",
  );

  out.push("Targets");
  out.push(table(["Figure", "Measured", "Target", "Result"], r.verdicts.map((v) => [v.figure, v.measured, v.target, result(v.pass)]), ["l", "l", "l", "l"]));
  const missed = r.verdicts.filter((v) => v.pass === false).length;
  out.push("", `${r.verdicts.filter((v) => v.pass).length} met, ${missed} missed.`);
  return out.join("\n");
}
