/** Where the app under test keeps what the specs read (playwright.config.ts sets them on it). */
export const MAIL_DIR = ".data/e2e-mail";
export const EVIDENCE_DIR = ".data/e2e-evidence";
/** The embedded database of a run without E2E_DATABASE_URL. */
export const E2E_DB_DIR = ".data/e2e-postgres";
/** Signs the app under test's session cookies, so a spec can make a session without the form. */
export const E2E_SESSION_SECRET = "e2e-secret-e2e-secret-e2e-secret-0123";
