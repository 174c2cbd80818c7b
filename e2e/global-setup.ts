import { rmSync } from "node:fs";
import { E2E_DB_DIR, EVIDENCE_DIR, MAIL_DIR } from "./support";

/**
 * Runs once, before the web server starts: an empty mailbox and evidence store for this run, and
 * (without E2E_DATABASE_URL) a new embedded database, which the web server then makes and seeds.
 */
export default function globalSetup() {
  rmSync(MAIL_DIR, { recursive: true, force: true });
  rmSync(EVIDENCE_DIR, { recursive: true, force: true });
  if (!process.env.E2E_DATABASE_URL) {
    rmSync(E2E_DB_DIR, { recursive: true, force: true });
    rmSync(`${E2E_DB_DIR}-credentials.json`, { force: true });
    rmSync(`${E2E_DB_DIR}.log`, { force: true });
  }
}
