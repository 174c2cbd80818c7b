import { rmSync } from "node:fs";
import { EVIDENCE_DIR, MAIL_DIR } from "./support";

/** Runs once, after the web server has started: an empty mailbox and evidence store for this run. */
export default function globalSetup() {
  rmSync(MAIL_DIR, { recursive: true, force: true });
  rmSync(EVIDENCE_DIR, { recursive: true, force: true });
}
