#!/usr/bin/env node
/**
 * `npm run faults`: PostgreSQL restarts while Headway is under load, and Headway copes.
 *
 *   node scripts/faults.mjs [--target scratch|system] [--stop-mode fast|immediate] [--force]
 *
 * Starts the production build (`npm start`'s path: scripts/with-db.mjs, then `next start` on
 * 127.0.0.1:3300) on a fresh database with the demo, signs in as the demo action owner and runs a
 * few loops of page reads and check-ins (the real tRPC mutation). After 10 s it stops PostgreSQL,
 * waits 5 s while the load goes on, and starts it again. It passes when:
 *  - while PostgreSQL is down every answer is a 503: the clear "unavailable" page for pages, a
 *    SERVICE_UNAVAILABLE error for tRPC; no 500, no dropped connection, and the app stays up;
 *  - pages and check-ins succeed again within 10 s of PostgreSQL accepting connections;
 *  - every check-in the app acknowledged (200 with the new update's id) is in the database
 *    afterwards, with its audit event.
 * Requests that were in flight when PostgreSQL stopped may fail with the clear page; any other
 * failure counts. Figures go to stdout and .data/faults/latest.json; the exit code says pass/fail.
 *
 * Targets: `scratch` (default) makes a throw-away cluster with the embedded PostgreSQL's binaries
 * on 127.0.0.1:5499 and removes it; `system` restarts the machine's own cluster (CI, .ci/run) and
 * refuses while other clients are connected unless --force. Bounded: it gives up after 3 minutes.
 * Traffic goes to 127.0.0.1 only. Needs `npm run build` first (builds when .next/BUILD_ID is missing).
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { Visitor } from "./faults/client.mjs";
import { judgeWindows, printSummary } from "./faults/judge.mjs";
import { APP_ROLE, urlAs } from "./database-roles.mjs";
import { answers, query, scratchCluster, systemCluster, waitUntilAnswering } from "./faults/postgres.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const TARGET = option("target", "scratch");
const STOP_MODE = option("stop-mode", "fast");
const APP_PORT = Number(option("port", 3300));
const PG_PORT = Number(option("pg-port", 5499));
const TIME_LIMIT_MS = Number(option("timeout", 180)) * 1000;
const WARM_UP_MS = 10_000;
const DOWNTIME_MS = 5_000;
const RECOVERY_LIMIT_MS = 10_000;
const SETTLE_MS = 3_000;
const OWNER = "owner@northbridge.example";
const PASSWORD = "headway-demo";
const OUT_DIR = ".data/faults";

if (!["scratch", "system"].includes(TARGET) || !["fast", "immediate"].includes(STOP_MODE)) {
  console.error("usage: node scripts/faults.mjs [--target scratch|system] [--stop-mode fast|immediate] [--force]");
  process.exit(2);
}

// The production build first, outside the time limit (it is the run that is bounded, not a build).
if (!existsSync(".next/BUILD_ID")) {
  console.log("[faults] no production build: npm run build");
  if (spawnSync("npm", ["run", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);
}

const t0 = Date.now();
const at = (t) => (t === null || t === undefined ? null : Math.round(t - t0) / 1000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (message) => console.log(`[faults ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${message}`);
const failures = [];
const fail = (message) => {
  failures.push(message);
  log(`FAIL: ${message}`);
};

mkdirSync(OUT_DIR, { recursive: true });
let cluster = null;
let app = null;
let appExit = null;
let database = null;
let cleaning = null;

async function cleanUp() {
  cleaning ??= (async () => {
    if (app && appExit === null) {
      app.kill("SIGTERM");
      for (let i = 0; i < 100 && appExit === null; i++) await sleep(100);
      if (appExit === null) app.kill("SIGKILL");
    }
    if (cluster) {
      try {
        await cluster.tearDown?.();
        if (TARGET === "system" && database) await query(cluster.adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } catch (error) {
        fail(`cleaning up: ${error.message}`);
      }
    }
  })();
  return cleaning;
}

const limit = setTimeout(async () => {
  fail(`the run took longer than ${TIME_LIMIT_MS / 1000} s`);
  await cleanUp();
  process.exit(1);
}, TIME_LIMIT_MS);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await cleanUp();
    process.exit(130);
  });
}

// 1. PostgreSQL, a fresh database with the demo, and the production server ---------------------

cluster =
  TARGET === "scratch"
    ? await scratchCluster({ port: PG_PORT })
    : systemCluster({ adminUrl: process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres", force: args.includes("--force") });
log(`target: ${cluster.description}`);

async function prepare() {
  await cluster.setUp();
  database = `headway_faults_${Date.now()}`;
  await query(cluster.adminUrl, `CREATE DATABASE "${database}"`);
  const url = new URL(cluster.adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function startApp(databaseUrl) {
  const appLog = createWriteStream(`${OUT_DIR}/app.log`);
  app = spawn("node", ["scripts/with-db.mjs", "--seed", "next", "start", "-H", "127.0.0.1", "-p", String(APP_PORT)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      // Migrations as the owner, the app as its own role (scripts/database-roles.mjs).
      MIGRATION_DATABASE_URL: databaseUrl,
      DATABASE_URL: urlAs(databaseUrl, { user: APP_ROLE, password: "faults-app" }),
      JOBS_MODE: "off",
      EMAIL_SERVER: "",
      DEMO_ACCOUNTS: "true",
      NEXTAUTH_URL: `http://127.0.0.1:${APP_PORT}`,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      STORAGE_DIR: `${OUT_DIR}/evidence`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  app.stdout.pipe(appLog);
  app.stderr.pipe(appLog);
  app.on("exit", (code, signal) => {
    appExit = { code, signal, at: Date.now() };
  });
}

async function waitForApp(baseUrl) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && appExit === null) {
    const ok = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`Headway did not start (see ${OUT_DIR}/app.log)`);
}

// 2. The load ----------------------------------------------------------------------------------

const requests = [];
const acknowledged = [];
let running = true;

async function timed(kind, target, call) {
  const entry = { kind, target, start: Date.now(), end: null, status: null, ok: false, unavailable: false, saysUnavailable: false, error: null };
  try {
    const outcome = await call();
    Object.assign(entry, {
      status: outcome.status,
      ok: outcome.ok,
      unavailable: kind === "page" ? outcome.unavailable && outcome.status === 503 : outcome.code === "SERVICE_UNAVAILABLE" && outcome.status === 503,
      saysUnavailable: kind === "page" ? outcome.unavailable : outcome.code === "SERVICE_UNAVAILABLE",
    });
    if (kind === "page" && outcome.unavailable && outcome.status === 503 && !outcome.retryAfter) entry.error = "503 without Retry-After";
    if (kind === "write" && outcome.ok) acknowledged.push({ id: outcome.data.id, at: Date.now() });
    if (!outcome.ok && !entry.unavailable) entry.error ??= outcome.message ?? (outcome.fault ? "the generic error page" : null);
  } catch (error) {
    entry.error = error.cause?.code ?? error.name ?? String(error);
  }
  entry.end = Date.now();
  requests.push(entry);
  return entry;
}

async function reader(visitor, pages, offset) {
  for (let i = offset; running; i++) {
    const path = pages[i % pages.length];
    await timed("page", path, () => visitor.page(path));
    await sleep(50);
  }
}

async function writer(visitor, actions, offset) {
  for (let i = offset; running; i++) {
    const action = actions[i % actions.length];
    const input = {
      actionId: action.id,
      narrative: `Fault run check-in ${i}: the work goes on.`,
      progress: action.progress,
      status: action.status,
      ragOverride: "",
      ragOverrideReason: "",
    };
    await timed("write", action.id, () => visitor.mutate("action.postUpdate", input));
    await sleep(50);
  }
}

// 3. The run -----------------------------------------------------------------------------------

const marks = { stopping: null, down: null, starting: null, up: null };
const report = { target: TARGET, stopMode: STOP_MODE, passed: false };

try {
  const databaseUrl = await prepare();
  log(`database ${database}; starting Headway on 127.0.0.1:${APP_PORT} (JOBS_MODE=off)`);
  startApp(databaseUrl);
  const baseUrl = `http://127.0.0.1:${APP_PORT}`;
  await waitForApp(baseUrl);

  const visitor = new Visitor(baseUrl);
  await visitor.signIn(OWNER, PASSWORD);
  const work = await visitor.query("action.myWork", undefined);
  if (!work.ok || work.data.length === 0) throw new Error(`the demo owner has no actions to check in on (${work.status} ${work.message ?? ""})`);
  const actions = work.data.filter((a) => a.status !== "COMPLETE");
  const slug = work.data[0].localArea.slug;
  const pages = ["/my-work", "/local-areas", `/local-areas/${slug}`, `/local-areas/${slug}/actions`, `/local-areas/${slug}/actions/${actions[0].id}`];
  log(`signed in as ${OWNER}; load: 2 readers over ${pages.length} pages, 2 writers over ${actions.length} actions`);

  const loops = [reader(visitor, pages, 0), reader(visitor, pages, 2), writer(visitor, actions, 0), writer(visitor, actions, 1)];
  await sleep(WARM_UP_MS);

  marks.stopping = Date.now();
  log(`stopping PostgreSQL (${STOP_MODE})`);
  const stopped = await cluster.stop(STOP_MODE);
  marks.down = Date.now();
  if (stopped.code !== 0) throw new Error("PostgreSQL did not stop");
  if (await answers(cluster.adminUrl, 500)) throw new Error("PostgreSQL still answers after stopping");
  log(`PostgreSQL stopped in ${((marks.down - marks.stopping) / 1000).toFixed(1)} s; load continues`);
  await sleep(DOWNTIME_MS);

  marks.starting = Date.now();
  log("starting PostgreSQL");
  const waiting = waitUntilAnswering(cluster.adminUrl, 60_000);
  const started = await cluster.start();
  marks.up = await waiting;
  if (started.code !== 0 || marks.up === null) throw new Error("PostgreSQL did not start again");
  log(`PostgreSQL accepting connections again (${((marks.up - marks.starting) / 1000).toFixed(1)} s after start)`);

  const deadline = marks.up + RECOVERY_LIMIT_MS + 5_000;
  const firstOk = (kind) => requests.find((r) => r.kind === kind && r.ok && r.start >= marks.up);
  while (Date.now() < deadline && !(firstOk("page") && firstOk("write"))) await sleep(100);
  await sleep(SETTLE_MS);
  running = false;
  await Promise.all(loops);

  // 4. Judging ---------------------------------------------------------------------------------

  const recovered = { page: firstOk("page")?.end ?? null, write: firstOk("write")?.end ?? null };
  const recoveredAt = recovered.page && recovered.write ? Math.max(recovered.page, recovered.write) : null;
  const windows = judgeWindows(requests, marks, recoveredAt, at);
  for (const [name, w] of Object.entries(windows)) {
    if (w.failed.length > 0) fail(`${w.failed.length} request(s) failed ${name === "down" ? "while PostgreSQL was down" : `(${name})`}: ${JSON.stringify(w.failed.slice(0, 5))}`);
  }
  if (!windows.before || windows.before.ok < 10) fail("the load did not get going before the restart");
  if (!windows.down || windows.down.unavailable === 0) fail("no request was answered while PostgreSQL was down");
  if (appExit !== null) fail(`Headway exited (code ${appExit.code}, signal ${appExit.signal}) at ${at(appExit.at)} s`);

  const recoverySeconds = recoveredAt === null ? null : (recoveredAt - marks.up) / 1000;
  if (recoverySeconds === null || recoverySeconds > RECOVERY_LIMIT_MS / 1000) {
    fail(`no successful page and check-in within ${RECOVERY_LIMIT_MS / 1000} s of PostgreSQL accepting connections`);
  }

  const ids = acknowledged.map((a) => a.id);
  const present = new Set((await query(databaseUrl, `SELECT id FROM "ActionUpdate" WHERE id = ANY($1::text[])`, [ids])).map((r) => r.id));
  const audited = new Set(
    (await query(databaseUrl, `SELECT "after"->>'updateId' AS id FROM "AuditEvent" WHERE "action" = 'action.postUpdate' AND "after"->>'updateId' = ANY($1::text[])`, [ids])).map(
      (r) => r.id,
    ),
  );
  const missing = ids.filter((id) => !present.has(id));
  const unaudited = ids.filter((id) => !audited.has(id));
  if (missing.length) fail(`${missing.length} acknowledged check-in(s) missing after the restart: ${missing.slice(0, 5).join(", ")}`);
  if (unaudited.length) fail(`${unaudited.length} acknowledged check-in(s) without their audit event`);
  const beforeStop = acknowledged.filter((a) => a.at < marks.stopping).length;

  Object.assign(report, {
    postgres: {
      stoppedAt: at(marks.stopping),
      stopSeconds: (marks.down - marks.stopping) / 1000,
      downSeconds: (marks.up - marks.down) / 1000,
      acceptingAgainAt: at(marks.up),
    },
    requests: requests.length,
    windows: Object.fromEntries(Object.entries(windows).map(([k, w]) => [k, { ...w, failed: w.failed.length }])),
    recovery: {
      seconds: recoverySeconds,
      firstPageSeconds: recovered.page ? (recovered.page - marks.up) / 1000 : null,
      firstCheckInSeconds: recovered.write ? (recovered.write - marks.up) / 1000 : null,
      limitSeconds: RECOVERY_LIMIT_MS / 1000,
    },
    writes: { acknowledged: ids.length, acknowledgedBeforeStop: beforeStop, missing: missing.length, withoutAuditEvent: unaudited.length },
    appAlive: appExit === null,
  });
} catch (error) {
  fail(error.message);
}

clearTimeout(limit);
await cleanUp();
report.failures = failures;
report.passed = failures.length === 0;
report.seconds = (Date.now() - t0) / 1000;
writeFileSync(`${OUT_DIR}/latest.json`, `${JSON.stringify(report, null, 2)}\n`);
// Every request, for a closer look at a failed run (times in seconds from the start).
const timeline = requests.map((r) => ({ ...r, start: at(r.start), end: at(r.end) }));
writeFileSync(`${OUT_DIR}/requests.json`, `${JSON.stringify({ marks: Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, at(v)])), requests: timeline }, null, 1)}\n`);

printSummary(report, OUT_DIR);
process.exit(report.passed ? 0 : 1);
