/**
 * `npm run bench`: the national-scale benchmark. Runs the production build (`next start` on 127.0.0.1,
 * background jobs off) against PostgreSQL holding the national generator's data and reports,
 * as a table and as JSON in .data/bench/latest.json:
 * - p50/p95 server time, one request at a time, for the national view, the area home, a finding
 *   page, the filtered action list, the public page and the check-in mutation;
 * - the same national figures computed by one hand-written SQL statement (the floor), and the
 *   national view's ratio to it;
 * - SQL statements per request (Prisma's query events, HEADWAY_QUERY_COUNT=1) at each data size;
 * - 50 virtual users for 60 s mixing pages and check-ins (autocannon): errors and p95;
 * - first-load JavaScript per route, gzipped, from the build;
 * - 10,000 measure values sent through the API in batches: time per 1,000 (scripts/bench/api-values.ts).
 * Each figure is shown beside its target. Exit 0 whether or not targets are met; 1 on an error,
 * 2 on wrong arguments, 124 when the whole run takes longer than --timeout.
 *
 *   npm run bench                                  # sizes 10 and 153, 100 requests each, 60 s of load
 *   npm run bench -- --skip-seed --skip-load --requests 20   # DATABASE_URL as it is, quickly
 *
 * Options:
 *   --sizes 10,153      areas to measure at (in all, the demo's two among them); each size in its
 *                       own database, DATABASE_URL's name with "_N" (scripts/bench/data.ts),
 *                       generated when missing or stale. Query counts at every size, everything
 *                       else at the largest.
 *   --reseed            generate the sizes' data again even when it is up to date
 *   --skip-seed         measure DATABASE_URL's database as it is (one size, no generator)
 *   --build             build first even when a build exists (otherwise only when there is none)
 *   --requests 100      timed requests per endpoint; --warmup 10 before them
 *   --duration 60       seconds of load; --connections 50 users; --update-every 10
 *   --skip-load         no load test
 *   --ports 3200-3209   where `next start` may listen (the first free one)
 *   --timeout 60        minutes the whole run may take; then everything is stopped
 *   --area northbridge  the area whose pages are measured, as --lead (its LEAD); the national
 *                       view as --national. Demo password: headway-demo.
 *   --out .data/bench/latest.json (with --only: .data/bench/<section>.json)
 *   --only api-values   only the API's bulk values (no build, no sizes): --values 10000 sent in
 *                       batches of --batch 500 through the route's handler, on a fresh database
 *                       beside DATABASE_URL's ("<name>_api"); also the last section of a full run
 * DATABASE_URL: default postgresql://postgres@127.0.0.1:5432/headway_bench; only a database on
 * this machine is accepted.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { NationalRow } from "@/server/domain/national-table";
import { databaseFor, describeDatabase } from "./bench/data";
import { endpoints } from "./bench/endpoints";
import { firstLoadJs, scriptsInHtml } from "./bench/first-load-js";
import { runLoad, type LoadResult } from "./bench/load";
import { countQueries, send, timeEndpoint, type QueryCount, type Timing } from "./bench/measure";
import { parseBenchArgs, UsageError, type BenchOptions } from "./bench/options";
import { cleanUp, onCleanup } from "./bench/processes";
import { formatReport, verdictsFor, type BenchReport, type SizeRun } from "./bench/report";
import { freePort, startApp, ensureBuild } from "./bench/server";
import { anonymous, signIn } from "./bench/session";
import { formatApiValues, runApiValues } from "./bench/api-values";
import { compareWithApp, runFloor, timeFloor } from "./bench/sql-floor";
import { findTargets } from "./bench/targets";
import { trpcQuery, trpcResult } from "./bench/trpc";
import { startSmtpCatcher } from "./smtp-catcher.mjs";

// @prisma/adapter-pg and pg warn about pg's own deprecations; nothing a person running this can act on.
process.noDeprecation = true;

const ROOT = path.resolve(import.meta.dirname, "..");
const DEMO_PASSWORD = "headway-demo";
const CHECK_IN_NARRATIVE = "Benchmark check-in: no change since the last update.";

type FullRun = {
  timings: Timing[];
  floor: BenchReport["sqlFloor"];
  load: LoadResult | null;
  htmlScripts: Array<{ route: string; files: string[] }>;
};

/** One data size: start the app on it, sign in, count queries, and (on the largest) time everything. */
async function measureAt(
  opts: BenchOptions,
  run: { url: string; areas: number | null; generated: boolean; full: boolean; emailServer: string; deadline: number },
): Promise<{ size: SizeRun; full: FullRun | null }> {
  const db = new pg.Client({ connectionString: run.url });
  await db.connect();
  let closing: Promise<void> | undefined;
  const closeDb = () => (closing ??= db.end());
  onCleanup(closeDb);
  // Freshly generated tables have no planner statistics until autovacuum gets to them, and
  // without them PostgreSQL picks plans no running deployment would (a sequential scan of every
  // action per area on the national view). Measure the steady state.
  await db.query("ANALYZE");
  const targets = await findTargets(db, opts.area);
  const { rows: earlier } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ActionUpdate" WHERE "narrative" = $1`, [CHECK_IN_NARRATIVE]);

  const port = await freePort(opts.ports);
  const logFile = path.join(ROOT, ".data", "bench", `server-${run.areas ?? "as-is"}.log`);
  console.log(`[bench] ${targets.areaCount} areas: starting next start on 127.0.0.1:${port} (log: ${path.relative(ROOT, logFile)})`);
  const app = await startApp({ root: ROOT, port, databaseUrl: run.url, emailServer: run.emailServer, logFile });
  try {
    const who = {
      national: await signIn(app.baseUrl, opts.national, DEMO_PASSWORD),
      lead: await signIn(app.baseUrl, opts.lead, DEMO_PASSWORD),
      anonymous,
    };
    const all = endpoints(targets, who);

    // Warm up (first renders compile nothing in production, but fill the pool and caches), and
    // keep each page's HTML for the first-load JS check.
    const htmlScripts: FullRun["htmlScripts"] = [];
    for (const e of all) {
      for (let i = 0; i < opts.warmup; i += 1) {
        const a = await send(app.baseUrl, e.next());
        e.check(a.status, a.body);
        if (i === 0 && e.route) htmlScripts.push({ route: e.route, files: scriptsInHtml(a.body) });
      }
    }

    const queries: QueryCount[] = [];
    for (const e of all) queries.push(await countQueries(app.baseUrl, e));
    console.log(`[bench] ${targets.areaCount} areas: queries per request ${queries.map((q) => `${q.label} ${q.queries}`).join(", ")}`);
    const size: SizeRun = {
      areas: run.areas,
      areaCount: targets.areaCount,
      database: describeDatabase(run.url),
      generated: run.generated,
      earlierBenchCheckIns: earlier[0]!.n,
      queries,
    };
    if (!run.full) return { size, full: null };

    const timings: Timing[] = [];
    for (const e of all) {
      const t = await timeEndpoint(app.baseUrl, e, { warmup: 0, requests: opts.requests });
      console.log(`[bench] ${t.label}: p50 ${t.p50} ms, p95 ${t.p95} ms`);
      timings.push(t);
    }

    const floorSummary = await timeFloor(db, { warmup: opts.warmup, requests: opts.requests });
    const national = timings.find((t) => t.key === "national")!;
    console.log(`[bench] SQL floor: p50 ${floorSummary.p50} ms, p95 ${floorSummary.p95} ms`);
    // The floor must compute what the page shows: compare it with the app's own figures, read
    // through the same tRPC procedure the page uses, at the same moment.
    const q = trpcQuery("national.overview", {});
    const [appAnswer, floorRows] = await Promise.all([
      send(app.baseUrl, { ...q, headers: { cookie: who.national.cookie } }),
      runFloor(db, new Date()),
    ]);
    if (appAnswer.status !== 200) throw new Error(`national.overview answered ${appAnswer.status}`);
    const differences = compareWithApp(floorRows.rows, trpcResult<{ rows: NationalRow[] }>(appAnswer.body).rows);
    if (differences.length) console.warn(`[bench] warning: the SQL floor differs from the app for ${differences.length} areas, e.g. ${differences[0]}`);
    const floor = {
      summary: floorSummary,
      ratioP50: Math.round((national.p50 / floorSummary.p50) * 10) / 10,
      ratioP95: Math.round((national.p95 / floorSummary.p95) * 10) / 10,
      matchesApp: differences.length === 0,
      differences: differences.slice(0, 20),
    };

    let load: LoadResult | null = null;
    if (!opts.skipLoad) {
      if (Date.now() + (opts.duration + 60) * 1000 > run.deadline) throw new Error("Not enough of --timeout is left for the load test.");
      console.log(`[bench] load: ${opts.connections} users for ${opts.duration} s`);
      load = await runLoad(app.baseUrl, all, { connections: opts.connections, duration: opts.duration, updateEvery: opts.updateEvery });
      console.log(`[bench] load: ${load.requests} requests, ${load.errors.total} errors, p95 ${load.latency.p95} ms`);
    }
    return { size, full: { timings, floor, load, htmlScripts } };
  } finally {
    await app.stop();
    await closeDb();
  }
}

function gitState(): BenchReport["git"] {
  try {
    const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const status = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    return { commit, uncommittedChanges: status.trim() !== "" };
  } catch {
    return { commit: null, uncommittedChanges: false };
  }
}

async function main(opts: BenchOptions, deadline: number) {
  const build = await ensureBuild(ROOT, opts.build, deadline - Date.now());
  // Nothing the benchmark does sends mail, but should anything try, it stays on this machine.
  const catcher = await startSmtpCatcher({ port: await freePort(opts.ports), dir: path.join(ROOT, ".data", "bench", "mail"), log: false });
  onCleanup(() => catcher.close());
  const emailServer = `smtp://127.0.0.1:${catcher.port}`;

  const runs = opts.skipSeed ? [{ size: null as number | null }] : opts.sizes.map((size) => ({ size }));
  const sizes: SizeRun[] = [];
  let full: FullRun | null = null;
  for (const [i, r] of runs.entries()) {
    const data =
      r.size === null
        ? { url: opts.databaseUrl, generated: false }
        : await databaseFor(ROOT, opts.databaseUrl, r.size, { reseed: opts.reseed, limitMs: deadline - Date.now() });
    const measured = await measureAt(opts, { ...data, areas: r.size, full: i === runs.length - 1, emailServer, deadline });
    sizes.push(measured.size);
    full = measured.full ?? full;
  }
  if (!full) throw new Error("The largest size was not measured.");

  const routes = firstLoadJs(path.join(ROOT, ".next"));
  if (routes.length === 0) throw new Error("The build has no page manifests to read first-load JS from.");
  const max = routes.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
  const checkedAgainstHtml = full.htmlScripts.map((h) => {
    const fromBuild = routes.find((x) => x.route === h.route);
    return { route: h.route, matches: !!fromBuild && JSON.stringify(fromBuild.files) === JSON.stringify(h.files) };
  });
  for (const c of checkedAgainstHtml) if (!c.matches) console.warn(`[bench] warning: the scripts ${c.route} loads differ from its build manifest`);

  const cpus = os.cpus();
  const partial: Omit<BenchReport, "verdicts"> = {
    date: new Date().toISOString(),
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? "unknown", memoryGb: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}`, node: process.version },
    git: gitState(),
    build: { buildId: build.buildId, builtAt: build.builtAt.toISOString(), builtNow: build.built },
    settings: { requests: opts.requests, warmup: opts.warmup, duration: opts.duration, connections: opts.connections, updateEvery: opts.updateEvery, area: opts.area },
    sizes,
    timings: { areaCount: sizes.at(-1)!.areaCount, endpoints: full.timings },
    sqlFloor: full.floor,
    load: full.load,
    firstLoadJs: { routes, max: { route: max.route, gzipBytes: max.gzipBytes }, checkedAgainstHtml },
  };
  console.log(`[bench] API values: ${opts.apiValues} in batches of ${opts.apiBatch}`);
  const apiValues = await runApiValues({ root: ROOT, databaseUrl: opts.databaseUrl, values: opts.apiValues, batch: opts.apiBatch, limitMs: deadline - Date.now() });
  const report: BenchReport = { ...partial, apiValues, verdicts: verdictsFor(partial) };
  const out = path.resolve(ROOT, opts.out);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${formatReport(report)}\n\n${formatApiValues(apiValues)}\n\nJSON: ${path.relative(ROOT, out)}`);
}

/** One section alone (--only): no build and no sizes' data. */
async function onlySection(opts: BenchOptions, deadline: number) {
  const result = await runApiValues({ root: ROOT, databaseUrl: opts.databaseUrl, values: opts.apiValues, batch: opts.apiBatch, limitMs: deadline - Date.now() });
  const cpus = os.cpus();
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? "unknown", memoryGb: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}`, node: process.version },
    git: gitState(),
    apiValues: result,
  };
  const out = path.resolve(ROOT, opts.out);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${formatApiValues(result)}\n\nJSON: ${path.relative(ROOT, out)}`);
}

let opts: BenchOptions;
try {
  opts = parseBenchArgs(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`${error.message}\nUsage: npm run bench -- [--sizes 10,153 | --skip-seed] [--skip-load] [--requests N] [--duration S] [--only api-values] (scripts/bench.ts says more)`);
  process.exit(2);
}

const deadline = Date.now() + opts.timeoutMinutes * 60_000;
const stopAll = async (code: number, why: string) => {
  console.error(`[bench] ${why}: stopping the app and everything the benchmark started`);
  await cleanUp();
  process.exit(code);
};
const limit = setTimeout(() => void stopAll(124, `the run took longer than --timeout ${opts.timeoutMinutes} minutes`), deadline - Date.now());
process.once("SIGINT", () => void stopAll(130, "interrupted"));
process.once("SIGTERM", () => void stopAll(143, "terminated"));

let exitCode = 0;
try {
  await (opts.only ? onlySection(opts, deadline) : main(opts, deadline));
} catch (error) {
  console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  clearTimeout(limit);
  await cleanUp();
}
process.exit(exitCode);
