import { rmSync } from "node:fs";
import { MAIL_DIR } from "./support";

/** Runs once, before the web server starts: an empty mailbox for this run. */
export default function globalSetup() {
  rmSync(MAIL_DIR, { recursive: true, force: true });
}
