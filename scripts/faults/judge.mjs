/**
 * How the fault run (scripts/faults.mjs) judges the answers it got, and how it reports them.
 *
 * Each request falls in one window by when it was sent, relative to the marks: `stopping`
 * (PostgreSQL asked to stop), `down` (stopped), `starting`, `up` (accepting connections again),
 * and the moment both a page and a check-in succeeded again.
 */

const windowOf = (r, marks, recoveredAt) => {
  if (r.end < marks.stopping) return "before";
  if (r.start < marks.down) return "stopping";
  if (r.start < marks.up) return "down";
  if (recoveredAt === null || r.start < recoveredAt) return "recovering";
  return "after";
};

/** Requests by window: counts by status, and which of them count as failures (with where and when). */
export function judgeWindows(requests, marks, recoveredAt, at) {
  const windows = {};
  for (const r of requests) {
    const name = windowOf(r, marks, recoveredAt);
    const w = (windows[name] ??= { requests: 0, byStatus: {}, ok: 0, unavailable: 0, inFlight: 0, failed: [] });
    w.requests++;
    const key = r.status === null ? `no answer (${r.error})` : String(r.status);
    w.byStatus[key] = (w.byStatus[key] ?? 0) + 1;
    // A success while PostgreSQL was down is one that finished after it started again.
    if (r.ok && (name !== "down" || r.end >= marks.starting)) w.ok++;
    else if (r.unavailable && !r.error) w.unavailable++;
    // A page already past the gate when PostgreSQL stopped fails part-way through rendering:
    // Next answers 500, with the same clear message (the error's digest, app/global-error.tsx).
    else if (name === "stopping" && r.kind === "page" && r.status === 500 && r.saysUnavailable) w.inFlight++;
    else w.failed.push({ kind: r.kind, target: r.target, status: r.status, error: r.error, at: at(r.start) });
  }
  return windows;
}

export function printSummary(report, outDir) {
  console.log("\n=== fault run: PostgreSQL restarted under load");
  if (report.windows) {
    for (const [name, w] of Object.entries(report.windows)) {
      const inFlight = w.inFlight ? `, 500 with the clear message ${w.inFlight}` : "";
      console.log(`  ${name.padEnd(10)} ${String(w.requests).padStart(4)} requests  ${JSON.stringify(w.byStatus)}  ok ${w.ok}, clear 503 ${w.unavailable}${inFlight}, failed ${w.failed}`);
    }
    const { postgres, recovery, writes } = report;
    console.log(`  PostgreSQL down ${postgres.downSeconds.toFixed(1)} s (stop took ${postgres.stopSeconds.toFixed(1)} s)`);
    console.log(
      `  recovery: first page ${recovery.firstPageSeconds ?? "never"} s, first check-in ${recovery.firstCheckInSeconds ?? "never"} s after PostgreSQL accepted connections (limit ${recovery.limitSeconds} s)`,
    );
    console.log(`  check-ins acknowledged ${writes.acknowledged} (${writes.acknowledgedBeforeStop} before the stop), missing ${writes.missing}, without audit ${writes.withoutAuditEvent}`);
    console.log(`  Headway stayed up: ${report.appAlive ? "yes" : "NO"}`);
  }
  console.log(`  ${report.passed ? "PASSED" : `FAILED: ${report.failures.join("; ")}`} in ${report.seconds.toFixed(0)} s (${outDir}/latest.json)`);
}
