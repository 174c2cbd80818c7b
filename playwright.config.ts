/**
 * Browser tests in Debian's Chromium (`npx playwright install` cannot download a browser here)
 * against the production build, on a new database seeded with the demo: an embedded PostgreSQL
 * in .data/e2e-postgres, or a fresh database on the server in E2E_DATABASE_URL (CI), whose URL
 * names the owner; the app runs as the application role. Email goes to a local SMTP catcher
 * whose folder the tests read.
 */
import { defineConfig } from "@playwright/test";
import { E2E_DB_DIR, E2E_SESSION_SECRET, EVIDENCE_DIR, MAIL_DIR } from "./e2e/paths";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
// A known port for the embedded database, so specs can read what the app shows (appDatabaseUrl in e2e/support.ts).
const DB_PORT = Number(process.env.E2E_DB_PORT ?? 54339);
process.env.E2E_DB_PORT = String(DB_PORT);
// On a server of CI's: the app's role beside the owner in E2E_DATABASE_URL (its server trusts local connections).
const appUrl = (owner: string) => Object.assign(new URL(owner), { username: "headway_app", password: "e2e-app" }).toString();
if (process.env.E2E_DATABASE_URL) process.env.E2E_APP_DATABASE_URL = appUrl(process.env.E2E_DATABASE_URL);

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // Journeys run side by side: each that changes records builds its own copy of the demo's areas
  // (e2e/fixtures.ts), and the rest only read the seeded demo, so no journey depends on another or
  // on file order. Two at a time suits two cores (E2E_WORKERS to change it). The sign-in limits spec
  // runs after all the others: it uses up this browser address's sign-in attempts, which every
  // journey that signs in by the form shares.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: true,
  projects: [
    { name: "journeys", testIgnore: [/sign-in-limits\.spec/] },
    { name: "sign-in limits", testMatch: [/sign-in-limits\.spec/], dependencies: ["journeys"], fullyParallel: false },
  ],
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // The longest journeys (several pages, an accessibility scan on each) take up to a minute on
  // their own, and longer when journeys run side by side.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
    },
  },
  webServer: {
    // Without E2E_DATABASE_URL, a new embedded database each run (removed here, since Playwright
    // starts the web server before its global setup).
    command: `${process.env.E2E_DATABASE_URL ? "" : `rm -rf ${E2E_DB_DIR} ${E2E_DB_DIR}-credentials.json ${E2E_DB_DIR}.log && `}node scripts/with-db.mjs --seed --mail-catcher next start -p ${PORT}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      // Empty: the embedded database.
      DATABASE_URL: process.env.E2E_APP_DATABASE_URL ?? "",
      MIGRATION_DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      EMBEDDED_DB_DIR: E2E_DB_DIR,
      EMBEDDED_DB_PORT: String(DB_PORT),
      SMTP_CATCHER_PORT: process.env.E2E_SMTP_PORT ?? "2626",
      MAIL_CATCHER_DIR: MAIL_DIR,
      STORAGE_DIR: EVIDENCE_DIR,
      EMAIL_SERVER: "",
      DEMO_ACCOUNTS: "true",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: E2E_SESSION_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
