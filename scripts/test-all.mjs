#!/usr/bin/env node
/**
 * `npm test`: everything CI runs, in order, on a fresh machine.
 *   install (npm ci when node_modules is missing) · Debian's Chromium when missing (as root) ·
 *   lint · type check · npm audit (high and critical) · migrations match the schema · unit and
 *   integration tests (Vitest, on TEST_DATABASE_URL's server or a throw-away embedded PostgreSQL)
 *   · production build · no secret in the client bundle · browser tests (Playwright in Chromium,
 *   on E2E_DATABASE_URL or the embedded PostgreSQL) · PostgreSQL restarted under load
 *   (scripts/faults.mjs).
 * Ends with a line "N passed, N failed" counting tests, plus any step that failed outright.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const results = [];
let passed = 0;
let failed = 0;

function step(name, command, { extraEnv = {} } = {}) {
  const t0 = Date.now();
  console.log(`\n=== ${name}: ${command}`);
  const r = spawnSync(command, { shell: true, stdio: "inherit", env: { ...env, ...extraEnv } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - t0) / 100) / 10 });
  console.log(`=== ${name}: ${ok ? "ok" : `FAILED (exit ${r.status})`} in ${results.at(-1).seconds} s`);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

if (!existsSync("node_modules/.package-lock.json")) step("install", "npm ci");

const chromium = env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  if (process.getuid?.() === 0) step("chromium", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium");
  else console.error(`Chromium is missing at ${chromium}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH.`);
}

const out = ".data/test-results";
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const checks = [
  step("lint", "npx eslint --max-warnings 0 ."),
  step("typecheck", "npx tsc --noEmit"),
  // Dependencies with known high or critical advisories (needs the registry's audit endpoint).
  step("npm audit", "node scripts/npm-audit.mjs"),
  step(
    "migrations match the schema",
    env.TEST_DATABASE_URL
      ? "npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma --exit-code"
      : "node scripts/with-db.mjs --no-seed npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma --exit-code",
    { extraEnv: env.TEST_DATABASE_URL ? { DATABASE_URL: env.TEST_DATABASE_URL } : { DATABASE_URL: "", EMBEDDED_DB_TEMPORARY: "true", EMBEDDED_DB_PORT: "0" } },
  ),
];

step("unit and integration tests", `npx vitest run --reporter=default --reporter=json --outputFile=${out}/vitest.json`);
const vitest = readJson(`${out}/vitest.json`);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
} else failed += 1;

// Built with a session secret of this run's own, which the bundle check must then not find in
// anything the browser downloads (scripts/check-client-bundle.mjs).
const canary = { NEXTAUTH_SECRET: `bundle-canary-${randomBytes(24).toString("hex")}` };
const built = step("build", "npm run build", { extraEnv: canary });
checks.push(built);
if (built) checks.push(step("no secret in the client bundle", "node scripts/check-client-bundle.mjs", { extraEnv: canary }));
if (built) {
  step("browser tests", "npx playwright test", { extraEnv: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/playwright.json` } });
  const pw = readJson(`${out}/playwright.json`);
  if (pw) {
    passed += pw.stats.expected + pw.stats.flaky;
    failed += pw.stats.unexpected;
  } else failed += 1;
}
// PostgreSQL restarted under load (scripts/faults.mjs), last, when nothing else uses the database:
// in CI (.ci/run) the machine's own cluster, elsewhere a scratch cluster of the embedded PostgreSQL's.
const onThisMachine = (url) => URL.canParse(url ?? "") && ["127.0.0.1", "localhost"].includes(new URL(url).hostname);
const faultTarget = env.CI && onThisMachine(env.TEST_DATABASE_URL) ? "system" : "scratch";
if (built) checks.push(step(`PostgreSQL restart under load (${faultTarget})`, `node scripts/faults.mjs --target ${faultTarget}`));
failed += checks.filter((ok) => !ok).length;

console.log("\n=== summary");
for (const r of results) console.log(`${r.ok ? "ok    " : "FAILED"} ${r.name} (${r.seconds} s)`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.every((r) => r.ok) ? 0 : 1);
