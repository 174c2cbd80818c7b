/**
 * The production build and `next start` on 127.0.0.1, the way the benchmark needs the app: no
 * background jobs (JOBS_MODE=off), mail to the local catcher, demo accounts allowed and the SQL
 * count on (HEADWAY_QUERY_COUNT=1, server/query-count.ts).
 */
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { runToEnd, startProcess, stopProcess } from "./processes";

/** Builds when asked or when there is no build; says so when the build looks older than the code. */
export async function ensureBuild(root: string, force: boolean, limitMs: number): Promise<{ built: boolean; buildId: string; builtAt: Date }> {
  const idFile = path.join(root, ".next", "BUILD_ID");
  let built = false;
  if (force || !existsSync(idFile)) {
    console.log(`[bench] building (npm run build)${force ? "" : ": there is no production build yet"}`);
    await runToEnd("npm", ["run", "build"], { cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, limitMs });
    built = true;
  }
  const builtAt = statSync(idFile).mtime;
  const newer = newestSource(root);
  if (!built && newer && newer.mtime > builtAt) {
    console.warn(`[bench] warning: ${newer.file} changed after the build (${builtAt.toISOString()}): pass --build to measure the current code.`);
  }
  return { built, buildId: readFileSync(idFile, "utf8").trim(), builtAt };
}

function newestSource(root: string): { file: string; mtime: Date } | null {
  let newest: { file: string; mtime: Date } | null = null;
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(rel);
      } else if (/\.(tsx?|m?js|css)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const mtime = statSync(path.join(root, rel)).mtime;
        if (!newest || mtime > newest.mtime) newest = { file: rel, mtime };
      }
    }
  };
  for (const dir of ["app", "components", "server"]) if (existsSync(path.join(root, dir))) walk(dir);
  return newest;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

export async function freePort(range: { from: number; to: number }): Promise<number> {
  for (let port = range.from; port <= range.to; port += 1) if (await portIsFree(port)) return port;
  throw new Error(`No free port on 127.0.0.1 between ${range.from} and ${range.to}.`);
}

export type RunningApp = { baseUrl: string; logFile: string; stop(): Promise<void> };

/** `next start` on 127.0.0.1:port against `databaseUrl`, ready when /api/health answers 200. */
export async function startApp(opts: { root: string; port: number; databaseUrl: string; emailServer: string; logFile: string }): Promise<RunningApp> {
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: opts.databaseUrl,
    NEXTAUTH_URL: baseUrl,
    // A fresh secret each run: the sessions the benchmark signs in with die with the server.
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    DEMO_ACCOUNTS: "true",
    JOBS_MODE: "off",
    EMAIL_SERVER: opts.emailServer,
    HEADWAY_QUERY_COUNT: "1",
  };
  mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = createWriteStream(opts.logFile);
  const child = startProcess(path.join(opts.root, "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(opts.port)], {
    cwd: opts.root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const stop = async () => {
    await stopProcess(child);
    log.end();
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start stopped (exit ${child.exitCode}); see ${opts.logFile}.`);
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.ok) return { baseUrl, logFile: opts.logFile, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`next start did not answer on ${baseUrl}/api/health within 90 s; see ${opts.logFile}.`);
}
