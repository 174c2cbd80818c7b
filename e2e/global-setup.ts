import { rmSync } from "node:fs";
import { EVIDENCE_DIR, MAIL_DIR } from "./support";

/** Runs once, before the web server starts: an empty mailbox and evidence store for this run. */
export default function globalSetup() {
  rmSync(MAIL_DIR, { recursive: true, force: true });
  rmSync(EVIDENCE_DIR, { recursive: true, force: true });
}
